// `npm run bench:projects`: requests/s and p50/p99 of creating a project and of searching published projects
// through the gateway (gateway → projects service → PostgreSQL), beside a raw baseline: the same insert and the
// same query issued directly with `pg` from this one process. The last two lines give gateway/raw throughput.
//
// Settings (environment): BENCH_REQUESTS (per measured phase, default 2000), BENCH_CONCURRENCY (default 16),
// BENCH_PUBLISHED (catalogue size for the search, default 500). Infrastructure as for `npm start`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { launchApp, platformEnv } from '../scripts/apps.mjs';
import { ROOT } from '../scripts/infra/common.mjs';
import { bringUpInfrastructure, Stopper } from '../scripts/infra/index.mjs';
import { TEST_KAFKA } from '../scripts/infra/kafka.mjs';
import { call } from './gateway-client.mjs';
import { line, measure } from './measure.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PUBLISHED = Number(process.env.BENCH_PUBLISHED ?? 500);
const WARMUP = Math.min(200, Math.ceil(REQUESTS / 10));
const PREFIX = 'khoinghiep_bench_';
const PORTS = { gateway: 4900, projects: 4901, matching: 4902, funding: 4903, training: 4904 };
const PASSWORD = 'Khoinghiep-Bench-2026';
const QUERIES = [
  'ca phe',
  'cà phê',
  'gom',
  'du lich',
  'mat ong',
  'tra shan',
  'dệt',
  'nong nghiep',
  'ca',
  'xuat khau',
];

const say = (message) => console.error(`[bench] ${message}`);
const stopper = new Stopper();
// Ctrl-C stops what the bench started (apps, and Kafka/PostgreSQL if it had to start them).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stopper.stopAll();
    process.exit(130);
  });
}

const seed = JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'seed', 'projects.json'), 'utf8'));
const bodies = seed.projects.map((entry) => entry.project);
const bodyFor = (index) => {
  const body = bodies[index % bodies.length];
  return { ...body, title: `${body.title} #${index}`.slice(0, 200) };
};

// ---- through the gateway --------------------------------------------------------------------------------------

async function signIn(gateway, email) {
  return (await call(gateway, 'POST', '/auth/login', { body: { email, password: PASSWORD } })).body
    .accessToken;
}

async function accounts(gateway, admin) {
  const run = uuidv7().slice(-8);
  const founder = `bench-founder-${run}@bench.khoinghiep.vn`;
  const investor = `bench-investor-${run}@bench.khoinghiep.vn`;
  const officer = `bench-officer-${run}@bench.khoinghiep.vn`;
  await call(gateway, 'POST', '/auth/register', {
    body: { email: founder, password: PASSWORD, fullName: 'Bench Founder', role: 'founder' },
  });
  await call(gateway, 'POST', '/auth/register', {
    body: { email: investor, password: PASSWORD, fullName: 'Bench Investor', role: 'investor' },
  });
  const adminToken = (
    await call(gateway, 'POST', '/auth/login', { body: { email: admin.email, password: admin.password } })
  ).body.accessToken;
  await call(gateway, 'POST', '/admin/users', {
    token: adminToken,
    body: { email: officer, password: PASSWORD, fullName: 'Bench Officer', roles: ['programme_officer'] },
  });
  return {
    founder: await signIn(gateway, founder),
    investor: await signIn(gateway, investor),
    officer: await signIn(gateway, officer),
  };
}

// ---- raw baseline: the same statements the service issues, straight to PostgreSQL --------------------------------

const PROJECT_COLUMNS = [
  'id',
  'owner_id',
  'status',
  'version',
  'title',
  'summary',
  'description',
  'kind',
  'sector',
  'stage',
  'province_code',
  'commune',
  'funding_ask',
  'team_size',
  'target_groups',
  'ocop_stars',
  'certification_level',
  'website',
  'shared_contact_fields',
  'last_review_comment',
  'created_at',
  'updated_at',
  'submitted_at',
  'first_submitted_at',
  'published_at',
];
const INSERT_PROJECT = `INSERT INTO projects (${PROJECT_COLUMNS.join(', ')}) VALUES (${PROJECT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
const INSERT_HISTORY = `INSERT INTO project_history (id, project_id, action, from_status, to_status, version, actor_id,
  actor_roles, comment, changed_fields, correlation_id, occurred_at) VALUES ($1, $2, 'create', NULL, 'draft', 1, $3,
  $4, NULL, '{}', $5, $6)`;

async function rawCreate(pool, ownerId, body) {
  const now = new Date();
  const id = uuidv7();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(INSERT_PROJECT, [
      id,
      ownerId,
      'draft',
      1,
      body.title,
      body.summary,
      body.description,
      body.kind,
      body.sector,
      body.stage,
      body.provinceCode,
      body.commune,
      body.fundingAsk,
      body.teamSize,
      body.targetGroups ?? [],
      body.ocopStars ?? null,
      body.certificationLevel ?? null,
      body.website ?? null,
      body.sharedContactFields ?? [],
      null,
      now,
      now,
      null,
      null,
      null,
    ]);
    await client.query(INSERT_HISTORY, [uuidv7(), id, ownerId, ['founder'], uuidv7(), now]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The catalogue query of ProjectCatalogueService for `q` with the default page size. */
function rawSearch(pool, q) {
  const words =
    q
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const params = [];
  const conditions = words.map((word, index) => {
    params.push(index === words.length - 1 ? `${word}:*` : word, word);
    const t = params.length - 1;
    return (
      `(p.search_document @@ to_tsquery('simple'::regconfig, f_unaccent($${t})) ` +
      `OR p.title_folded %> lower(f_unaccent($${t + 1})))`
    );
  });
  return pool.query(
    `SELECT p.*, COALESCE(p.published_at, p.first_submitted_at) AS listed_at FROM projects p
     WHERE p.status IN ('published') ${conditions.map((c) => `AND ${c}`).join(' ')}
     ORDER BY COALESCE(p.published_at, p.first_submitted_at) DESC, p.id DESC LIMIT 21`,
    params,
  );
}

// ---- the run ---------------------------------------------------------------------------------------------------

async function dropBenchDatabases(serverUrl) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const app of Object.keys(PORTS)) {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(`${PREFIX}${app}`)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

async function main() {
  say('PostgreSQL, Kafka and the build…');
  process.env.DATABASE_PREFIX = PREFIX;
  const { postgres, kafka } = await bringUpInfrastructure({ prefix: PREFIX, stopper, kafka: TEST_KAFKA });
  await dropBenchDatabases(postgres.url);

  const env = {
    ...platformEnv({ databaseUrl: postgres.url, kafkaBrokers: kafka.brokers, ports: PORTS }),
    DATABASE_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT: '100000',
  };
  // The path under test: gateway and projects service (the other services play no part in it).
  const apps = ['gateway', 'projects'].map((app) => launchApp(app, { env, port: PORTS[app], colour: false }));
  stopper.add(() => Promise.all(apps.map((app) => app.stop())));
  stopper.add(() => Promise.all([...clients.values()].map((client) => client.close())));
  await Promise.all(apps.map((app) => app.ready()));
  const gateway = `http://127.0.0.1:${PORTS.gateway}`;
  const tokens = await accounts(gateway, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  say(`requests per phase ${REQUESTS}, concurrency ${CONCURRENCY}, published catalogue ${PUBLISHED}`);

  // Catalogue for the searches: projects created, submitted and approved through the API.
  say('publishing the catalogue…');
  await measure(PUBLISHED, CONCURRENCY, async (index) => {
    const { body: project } = await call(gateway, 'POST', '/projects', {
      token: tokens.founder,
      body: bodyFor(index),
    });
    await call(gateway, 'POST', `/projects/${project.id}/submit`, { token: tokens.founder, body: {} });
    await call(gateway, 'POST', `/projects/${project.id}/review`, {
      token: tokens.officer,
      body: { decision: 'approve' },
    });
  });

  const createViaGateway = (index) =>
    call(gateway, 'POST', '/projects', { token: tokens.founder, body: bodyFor(PUBLISHED + index) });
  const searchViaGateway = (index) =>
    call(gateway, 'GET', `/projects?q=${encodeURIComponent(QUERIES[index % QUERIES.length])}`, {
      token: tokens.investor,
    });

  const projectsDatabase = new URL(postgres.url);
  projectsDatabase.pathname = `/${PREFIX}projects`;
  // The same pool size as the service's (DATABASE_POOL_SIZE, default 10).
  const pool = new pg.Pool({ connectionString: projectsDatabase.href, max: 10 });
  stopper.add(() => pool.end());
  const ownerId = uuidv7();
  const createRaw = (index) => rawCreate(pool, ownerId, bodyFor(PUBLISHED + REQUESTS + WARMUP + index));
  const searchRaw = (index) => rawSearch(pool, QUERIES[index % QUERIES.length]);

  say('warming up…');
  await measure(WARMUP, CONCURRENCY, (i) => createViaGateway(REQUESTS + i));
  await measure(WARMUP, CONCURRENCY, searchViaGateway);
  await measure(WARMUP, CONCURRENCY, (i) => rawCreate(pool, ownerId, bodyFor(i)));
  await measure(WARMUP, CONCURRENCY, searchRaw);

  say('measuring…');
  const createGateway = await measure(REQUESTS, CONCURRENCY, createViaGateway);
  const createRawResult = await measure(REQUESTS, CONCURRENCY, createRaw);
  // The creations fill the GIN indexes' pending lists, which every search scans until autovacuum happens to merge
  // them: both search phases start from merged indexes, or the first one is measured on a slower index.
  await pool.query('VACUUM ANALYZE projects');
  const results = {
    createGateway,
    createRaw: createRawResult,
    searchGateway: await measure(REQUESTS, CONCURRENCY, searchViaGateway),
    searchRaw: await measure(REQUESTS, CONCURRENCY, searchRaw),
  };
  const hits = (await rawSearch(pool, 'ca phe')).rowCount;

  await stopper.stopAll();
  console.log(
    `projects bench: ${REQUESTS} requests per phase, concurrency ${CONCURRENCY}, ${PUBLISHED} published projects ("ca phe" → ${hits} on the first page)`,
  );
  console.log(line('create gateway', results.createGateway));
  console.log(line('create raw pg', results.createRaw));
  console.log(line('search gateway', results.searchGateway));
  console.log(line('search raw pg', results.searchRaw));
  console.log(`ratio create: ${(results.createGateway.rps / results.createRaw.rps).toFixed(3)}`);
  console.log(`ratio search: ${(results.searchGateway.rps / results.searchRaw.rps).toFixed(3)}`);
}

main().catch(async (error) => {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopper.stopAll();
  process.exit(1);
});
