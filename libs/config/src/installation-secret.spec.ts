import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installationJwtSecret } from './installation-secret.js';

describe('installationJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'khoinghiep-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a random 256-bit key once, readable by its owner only, and gives it back after', () => {
    const secret = installationJwtSecret(dir);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(installationJwtSecret(dir)).toBe(secret);
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'khoinghiep-secret-'));
    try {
      expect(installationJwtSecret(elsewhere)).not.toBe(secret);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('gives every process starting at once the same key', async () => {
    // Separate processes racing for the file, as the apps of `npm start` do.
    const moduleUrl = new URL('../dist/installation-secret.js', import.meta.url).href;
    const script = `import(${JSON.stringify(moduleUrl)}).then((m) => process.stdout.write(m.installationJwtSecret(${JSON.stringify(dir)})))`;
    const keys = await Promise.all(
      Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
        });
        return new Promise<string>((resolve) => child.once('close', () => resolve(out)));
      }),
    );
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe(readFileSync(path.join(dir, 'jwt-secret'), 'utf8'));
  });
});
