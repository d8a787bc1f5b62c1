import { spawn } from 'node:child_process';
import { jest } from '@jest/globals';
import { supervise } from './supervisor.mjs';

/** A real child process running `script`, as `launchApp` starts an app. */
function childRunning(script: string, pids: number[]) {
  return () => {
    const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    pids.push(child.pid as number);
    const exited = new Promise<string | number | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    return { exited, stop };
  };
}

async function until(what: string, condition: () => boolean, timeoutMs = 50_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
};

// Each restart starts a real node process: seconds apiece on a busy machine.
jest.setTimeout(60_000);

describe('supervise', () => {
  it('restarts an app that keeps crashing, doubling the wait up to the maximum, and says so', async () => {
    const said: string[] = [];
    const pids: number[] = [];
    const app = supervise('projects', childRunning('process.exit(3)', pids), {
      say: (message) => said.push(message),
      backoff: { initialMs: 50, maxMs: 200, resetAfterMs: 60_000 },
    });
    await until('five exits', () => said.length >= 5);
    await app.stop();
    expect(said.slice(0, 5)).toEqual([
      'projects exited (3); restarting in 0.05 s',
      'projects exited (3); restarting in 0.1 s',
      'projects exited (3); restarting in 0.2 s',
      'projects exited (3); restarting in 0.2 s',
      'projects exited (3); restarting in 0.2 s',
    ]);
    expect(new Set(pids).size).toBe(pids.length);
  });

  it('starts from the shortest wait again after the app stayed up a while', async () => {
    const said: string[] = [];
    const app = supervise('matching', childRunning('setTimeout(() => process.exit(1), 150)', []), {
      say: (message) => said.push(message),
      backoff: { initialMs: 20, maxMs: 1000, resetAfterMs: 100 },
    });
    await until('three exits', () => said.length >= 3);
    await app.stop();
    expect(said.slice(0, 3)).toEqual(Array(3).fill('matching exited (1); restarting in 0.02 s'));
  });

  it('brings back an app killed from outside, and stops it for good when asked', async () => {
    const said: string[] = [];
    const pids: number[] = [];
    const app = supervise('funding', childRunning('setInterval(() => {}, 1000)', pids), {
      say: (message) => said.push(message),
      backoff: { initialMs: 30, maxMs: 1000, resetAfterMs: 60_000 },
    });
    await until('the first start', () => pids.length === 1);
    process.kill(pids[0], 'SIGKILL');
    await until('the restart', () => app.restarts() === 1 && pids.length === 2);
    expect(said).toEqual(['funding exited (SIGKILL); restarting in 0.03 s']);

    await app.stop();
    expect(isRunning(pids[1])).toBe(false);
    expect(said).toHaveLength(1); // a stop is not a crash: no restart announced, none scheduled
    expect(app.restarts()).toBe(1);
  });
});
