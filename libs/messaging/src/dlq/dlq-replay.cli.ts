#!/usr/bin/env node
// npm run dlq:replay -- --topic projects.events.dlq [--id <event id>] [--group <consumer group>]
import { parseArgs } from 'node:util';
import { replayDeadLetters } from './dead-letter-replay.js';

const { values } = parseArgs({
  options: {
    topic: { type: 'string' },
    id: { type: 'string' },
    group: { type: 'string' },
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
  },
});

if (!values.topic) {
  console.error('usage: npm run dlq:replay -- --topic <topic>.dlq [--id <event id>] [--group <group>]');
  process.exit(2);
}

try {
  const report = await replayDeadLetters({
    brokers: values.brokers.split(','),
    dlqTopic: values.topic,
    eventId: values.id,
    groupId: values.group,
  });
  console.log(JSON.stringify({ topic: values.topic, count: report.replayed.length, ...report }, null, 2));
} catch (error) {
  console.error(`replay failed: ${(error as Error).message}`);
  process.exit(1);
}
