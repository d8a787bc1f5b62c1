import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type AppName, REPO_ROOT, TEST_PORTS, testAppEnv } from './apps.js';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A built app (`apps/<name>/dist/main.js`) running as a real child process. */
export interface AppProcess {
  readonly name: AppName;
  readonly port: number;
  /** Base URL, e.g. `http://127.0.0.1:4101`. */
  readonly url: string;
  readonly pid: number | undefined;
  /** Settles when the process exits, however it exits. */
  readonly exited: Promise<ExitStatus>;
  /** Resolves once `/health/ready` answers 200; rejects with the app's last output if it exits or times out. */
  waitReady(timeoutMs?: number): Promise<void>;
  /** Resolves with the first output line matching `pattern` (lines already printed count). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Everything the process printed so far (stdout and stderr, interleaved by arrival). */
  output(): string;
  /** Sends `signal` (SIGKILL to simulate a crash) and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<ExitStatus>;
  /** Graceful stop: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const MAX_LINES = 5000;

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    // agent: false, so no keep-alive socket outlives the probe and shows up as an open handle.
    const probe = request(`${url}/health/ready`, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => resolve(false)); // not listening yet
    probe.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts app `name` as a child process with the test environment (see `testAppEnv`) plus `env`.
 * Its port is `env.PORT` or its TEST_PORTS entry. Set TEST_APP_LOGS=1 to see its output live.
 */
export function spawnApp(name: AppName, env: NodeJS.ProcessEnv = {}): AppProcess {
  const main = path.join(REPO_ROOT, 'apps', name, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const port = Number(env.PORT ?? TEST_PORTS[name]);
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: testAppEnv({ ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
      lines.push(line);
      if (lines.length > MAX_LINES) lines.shift();
      if (process.env.TEST_APP_LOGS) process.stderr.write(`${name} | ${line}\n`);
      for (const listener of listeners) listener(line);
    });
  }
  const exited = new Promise<ExitStatus>((resolve) =>
    // 'close', not 'exit': by then its output pipes are closed too, so nothing is left open for Jest.
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const output = () => lines.join('\n');
  const describeExit = () => `exited (${child.signalCode ?? child.exitCode})`;
  const failure = (why: string) =>
    new Error(`${name} ${why}; its last output:\n${lines.slice(-40).join('\n')}`);

  const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!hasExited()) child.kill(signal);
    return exited;
  };

  return {
    name,
    port,
    url,
    pid: child.pid,
    exited,
    output,
    kill,

    async waitReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await healthy(url))) {
        if (hasExited()) throw failure(`${describeExit()} before it was ready`);
        if (Date.now() > deadline) throw failure(`not ready after ${timeoutMs / 1000} s`);
        await sleep(200);
      }
    },

    waitForOutput(pattern, timeoutMs = 30_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        const listener = (line: string) => {
          if (!pattern.test(line)) return;
          done();
          resolve(line);
        };
        const timer = setTimeout(() => {
          done();
          reject(failure(`printed nothing matching ${pattern} within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        listeners.add(listener);
        exited.then(() => {
          if (!listeners.has(listener)) return;
          done();
          reject(failure(`${describeExit()} without printing anything matching ${pattern}`));
        });
      });
    },

    async stop(graceMs = 15_000) {
      if (hasExited()) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await kill('SIGTERM');
      clearTimeout(timer);
    },
  };
}
