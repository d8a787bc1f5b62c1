// Small process helpers shared by the infra, start and test scripts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const LOCAL = path.join(ROOT, '.local');

/** The apps and their default HTTP ports (gateway public, the others internal). */
export const APP_PORTS = { gateway: 3000, projects: 3101, matching: 3102, funding: 3103, training: 3104 };
export const APPS = Object.keys(APP_PORTS);

/** True when the module with this `import.meta` is the script node was started with. */
export const isMain = (meta) =>
  Boolean(process.argv[1]) && pathToFileURL(path.resolve(process.argv[1])).href === meta.url;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command to completion and resolves its stdout; rejects with its output on failure. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${out.trim()}`));
    });
  });
}

/** Polls `probe` until it returns a truthy value; throws after `timeoutMs`, or at once if `abort()` says why. */
export async function waitFor(
  what,
  probe,
  { timeoutMs = 60_000, intervalMs = 250, abort = () => null } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    const reason = abort();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
    await sleep(intervalMs);
  }
}

export const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/** Signals a child and resolves once it has exited; SIGKILLs it if it outlives `graceMs`. */
export async function stopChild(child, { signal = 'SIGTERM', graceMs = 30_000 } = {}) {
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Keeps the process running until SIGINT/SIGTERM, then runs `stop(signal)` once and exits `exitCode` (1 if it
 * failed). Returns a function telling whether that has begun.
 */
export function onShutdown(stop, exitCode = 0) {
  let stopping = false;
  const handler = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping…`);
    try {
      await stop(signal);
      process.exit(exitCode);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  setInterval(() => {}, 2 ** 30); // signal handlers alone do not keep node running
  return () => stopping;
}
