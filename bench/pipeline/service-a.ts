// App A: commits events through its unit of work (one event per transaction) and relays them.
import 'reflect-metadata';
import { UnitOfWork } from '@khoinghiep/messaging';
import { NestFactory } from '@nestjs/core';
import { benchAppModule } from './bench-app.js';
import { type BenchServiceConfig, benchItemRecorded, now, type Phase } from './bench-event.js';

interface RunCommand {
  type: 'run';
  phase: Phase;
  count: number;
  /** Transactions in flight at once (as fast as possible), or … */
  concurrency?: number;
  /** … a steady number of transactions per second. */
  rate?: number;
  /** Events recorded by each transaction (default 1: one command, one event). */
  perTransaction?: number;
}

const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as BenchServiceConfig;
const ItemRecorded = benchItemRecorded(config.topic);
const BODY = 'x'.repeat(256);

const app = await NestFactory.create(benchAppModule('bench-a', config, {}), { logger: ['error', 'warn'] });
await app.init();
const unitOfWork = app.get(UnitOfWork);

async function commit(phase: Phase, first: number, count: number, committedAt: number[]): Promise<void> {
  await unitOfWork.run(async (tx) => {
    for (let i = first; i < first + count; i++) {
      tx.record(ItemRecorded, `item-${i % 1000}`, { phase, i, body: BODY });
    }
    tx.afterCommit(() => {
      const t = now();
      for (let i = first; i < first + count; i++) committedAt[i] = t;
    });
  });
}

async function run({ phase, count, concurrency, rate, perTransaction = 1 }: RunCommand): Promise<number[]> {
  const committedAt = new Array<number>(count);
  if (rate) {
    const start = now();
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await commit(phase, i, 1, committedAt);
    }
  } else {
    let next = 0;
    const worker = async () => {
      for (let first = next; first < count; first = next) {
        next += perTransaction;
        await commit(phase, first, Math.min(perTransaction, count - first), committedAt);
      }
    };
    await Promise.all(Array.from({ length: concurrency ?? 16 }, worker));
  }
  return committedAt;
}

process.on('message', (command: RunCommand) => {
  void run(command).then((committedAt) =>
    process.send?.({ type: 'committed', phase: command.phase, committedAt }),
  );
});
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
process.send?.({ type: 'ready' });
