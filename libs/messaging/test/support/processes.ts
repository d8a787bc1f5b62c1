import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Compiles the fixture programs (and, through project references, the libraries they import). */
export function buildFixtures(): void {
  execFileSync(`${REPO_ROOT}node_modules/.bin/tsc`, ['-b', fileURLToPath(FIXTURES)], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}

export interface ProcessMessage {
  type: string;
  [field: string]: unknown;
}

/** A fixture program running as a real process, talking to the test over IPC. */
export class FixtureProcess {
  private readonly child: ChildProcess;
  private readonly received: ProcessMessage[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly output: string[] = [];
  private readonly exited: Promise<NodeJS.Signals | number | null>;

  constructor(program: 'relay-process' | 'consumer-process', config: object) {
    this.child = fork(fileURLToPath(new URL(`dist/${program}.js`, FIXTURES)), [], {
      cwd: REPO_ROOT,
      env: { ...process.env, FIXTURE_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      this.output.splice(0, Math.max(0, this.output.length - 200));
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('message', (message: ProcessMessage) => {
      this.received.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        resolve(signal ?? code);
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
  }

  /** The first message of `type` (already received or next to come). */
  async next(type: string, timeoutMs = 30_000): Promise<ProcessMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((message) => message.type === type);
      if (index >= 0) {
        return this.received.splice(index, 1)[0] as ProcessMessage;
      }
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`fixture exited before sending "${type}":\n${this.output.join('')}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`no "${type}" from the fixture in ${timeoutMs} ms:\n${this.output.join('')}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Asks the fixture for something and waits for the answer of that type. */
  async ask(question: string, answer: string): Promise<ProcessMessage> {
    this.child.send(question);
    return this.next(answer);
  }

  async kill(signal: NodeJS.Signals): Promise<NodeJS.Signals | number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill(signal);
    }
    return this.exited;
  }
}
