// PostgreSQL for local runs and tests: DATABASE_URL if set, else the server on 127.0.0.1:5432, else a
// project-local cluster (initdb/pg_ctl) in .local/pg on LOCAL_PORT, stopped by `stop()`.
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { APPS, isMain, LOCAL, onShutdown, run, waitFor } from './common.mjs';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_PORT = 55432;
const LOCAL_URL = `postgres://postgres@127.0.0.1:${LOCAL_PORT}/postgres`;
const PG_HOME = path.join(LOCAL, 'pg');
const PG_DATA = path.join(PG_HOME, 'data');

const log = (message) => console.error(`[postgres] ${message}`);
const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

export async function postgresAnswers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false; // refused or still starting: the caller decides
  } finally {
    await client.end();
  }
}

function binDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL binaries under ${root}/*/bin; set DATABASE_URL`);
  return path.join(root, String(Math.max(...versions.map(Number))), 'bin');
}

async function postgresAccount() {
  const id = async (flag) => Number((await run('id', [flag, 'postgres'])).trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

// initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` account.
function pgTool(tool, args) {
  const bin = path.join(binDir(), tool);
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

async function startCluster() {
  if (!existsSync(path.join(PG_DATA, 'PG_VERSION'))) {
    mkdirSync(PG_DATA, { recursive: true });
    if (process.getuid?.() === 0) {
      const { uid, gid } = await postgresAccount();
      chownSync(PG_HOME, uid, gid);
      chownSync(PG_DATA, uid, gid);
    }
    log(`creating a throw-away cluster in ${PG_DATA}`);
    await pgTool('initdb', ['-D', PG_DATA, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  }
  const options = `-p ${LOCAL_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off`;
  await pgTool('pg_ctl', [
    '-D',
    PG_DATA,
    '-l',
    path.join(PG_HOME, 'server.log'),
    '-o',
    options,
    '-w',
    'start',
  ]);
  log(`started on 127.0.0.1:${LOCAL_PORT}`);
  return async () => {
    await pgTool('pg_ctl', ['-D', PG_DATA, '-m', 'fast', '-w', 'stop']);
    log('stopped');
  };
}

/** Creates the databases that do not exist yet on the server at `url`; safe to run concurrently. */
export async function createDatabases(url, names) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const name of names) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount > 0) continue;
      try {
        await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } catch (error) {
        // 42P04 duplicate_database / 23505 unique_violation: someone created it between our check and ours.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Makes sure a PostgreSQL server is reachable and holds `<prefix><app>` for every app.
 * Resolves `{ url, started, stop() }`: `url` is the server URL for DATABASE_URL; `stop()` stops only a cluster
 * this call started.
 */
export async function ensurePostgres({ prefix = process.env.DATABASE_PREFIX ?? 'khoinghiep_' } = {}) {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  let started = false;
  if (url) {
    await waitFor(`PostgreSQL at ${redact(url)}`, () => postgresAnswers(url), {
      timeoutMs: 30_000,
      intervalMs: 1000,
    });
  } else if (await postgresAnswers(DEFAULT_URL)) {
    url = DEFAULT_URL;
  } else if (await postgresAnswers(LOCAL_URL)) {
    url = LOCAL_URL;
  } else {
    url = LOCAL_URL;
    stop = await startCluster();
    started = true;
  }
  await createDatabases(
    url,
    APPS.map((app) => `${prefix}${app}`),
  );
  return { url, started, stop };
}

if (isMain(import.meta)) {
  const postgres = await ensurePostgres();
  log(`ready: ${redact(postgres.url)}`);
  if (postgres.started) {
    log('running until Ctrl-C');
    onShutdown(postgres.stop);
  }
}
