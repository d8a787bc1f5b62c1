// App B: consumes the events in a @OnEvent handler that writes an effect; reports when each handler committed.
import 'reflect-metadata';
import { connectEventConsumer, EventContext, KafkaEventServer, OnEvent } from '@khoinghiep/messaging';
import { Controller } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { benchAppModule } from './bench-app.js';
import {
  BenchItemRecordedPayload,
  type BenchServiceConfig,
  benchItemRecorded,
  now,
  type Phase,
} from './bench-event.js';

const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as BenchServiceConfig & { group: string };
const ItemRecorded = benchItemRecorded(config.topic);

const expected = new Map<Phase, number>();
const handledAt = new Map<Phase, number[]>();
const stages = new Map<Phase, { publishedAt: number; startedAt: number }[]>();
let handled = new Map<Phase, number>();

function handledOne(phase: Phase, i: number): void {
  const times = handledAt.get(phase) ?? [];
  times[i] = now();
  handledAt.set(phase, times);
  const count = (handled.get(phase) ?? 0) + 1;
  handled.set(phase, count);
  if (count === expected.get(phase)) {
    process.send?.({ type: 'handled', phase, handledAt: times, stages: stages.get(phase) ?? [] });
  }
}

@Controller()
class BenchConsumer {
  @OnEvent(ItemRecorded)
  async onRecorded(
    item: BenchItemRecordedPayload,
    context: EventContext<BenchItemRecordedPayload>,
  ): Promise<void> {
    const phaseStages = stages.get(item.phase) ?? [];
    phaseStages[item.i] = { publishedAt: Number(context.message.timestamp), startedAt: now() };
    stages.set(item.phase, phaseStages);
    await context.manager.query('INSERT INTO bench_effect (event_id, phase, i) VALUES ($1, $2, $3)', [
      context.envelope.id,
      item.phase,
      item.i,
    ]);
    context.afterCommit(() => handledOne(item.phase, item.i));
  }
}

const app = await NestFactory.create(
  benchAppModule('bench-b', config, { relay: { enabled: false }, consumer: { groupId: config.group } }, [
    BenchConsumer,
  ]),
  { logger: ['error', 'warn'] },
);
connectEventConsumer(app);
await app.init();
await app.startAllMicroservices();
await app.get(KafkaEventServer).whenJoined();

process.on('message', (command: { type: 'expect'; phase: Phase; count: number }) => {
  expected.set(command.phase, command.count);
  handled = new Map([...handled].filter(([phase]) => phase !== command.phase));
  handledAt.delete(command.phase);
  stages.delete(command.phase);
});
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
process.send?.({ type: 'ready' });
