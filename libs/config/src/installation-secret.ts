import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The git-ignored folder of this checkout (`<repo>/.local`), from `libs/config/{src,dist}/`. */
export const LOCAL_DIR = fileURLToPath(new URL('../../../.local/', import.meta.url));

const SECRET_FILE = 'jwt-secret';

/**
 * This installation's own HS256 key for development and tests, in `<localDir>/jwt-secret`: created on first use
 * (32 random bytes, owner-only), read by every later app. Apps starting together agree on one key: each writes a
 * candidate to a private file and links it into place, which fails if another got there first.
 */
export function installationJwtSecret(localDir: string = LOCAL_DIR): string {
  const target = path.join(localDir, SECRET_FILE);
  const existing = readSecret(target);
  if (existing) return existing;
  mkdirSync(localDir, { recursive: true, mode: 0o700 });
  const candidate = path.join(localDir, `${SECRET_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(candidate, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  chmodSync(candidate, 0o600);
  try {
    linkSync(candidate, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(candidate, { force: true });
  }
  const secret = readSecret(target);
  if (!secret) throw new Error(`${target} is empty: delete it to have a new key made`);
  return secret;
}

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
