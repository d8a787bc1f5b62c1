import path from 'node:path';
import { REPO_ROOT } from './apps.js';

/** A Kafka broker of a test's own, which it may stop and start again on the same data. */
export interface DedicatedBroker {
  /** KAFKA_BROKERS for the apps that use it. */
  readonly brokers: string;
  /** Stops it: SIGTERM, or `signal` (SIGKILL to crash it), SIGKILL after `graceMs`. */
  stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<void>;
  /** Starts it again on the same data directory; resolves when it answers. */
  restart(): Promise<void>;
}

interface StartedKafka {
  brokers: string;
  stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<void>;
}

interface KafkaInfra {
  brokerInstance(name: string, brokerPort: number, controllerPort: number): unknown;
  startKafka(instance: unknown): Promise<StartedKafka>;
}

/**
 * Starts a broker under `.local/<name>` on `port` (its controller on `port + 1`) with the machinery of
 * `scripts/infra/kafka.mjs`, beside the shared test broker that other tests keep using.
 */
export async function startDedicatedBroker(name: string, port: number): Promise<DedicatedBroker> {
  const infra = (await import(path.join(REPO_ROOT, 'scripts/infra/kafka.mjs'))) as KafkaInfra;
  const instance = infra.brokerInstance(name, port, port + 1);
  let running: StartedKafka | undefined = await infra.startKafka(instance);
  return {
    brokers: running.brokers,
    async stop(options) {
      await running?.stop(options);
      running = undefined;
    },
    async restart() {
      running ??= await infra.startKafka(instance);
    },
  };
}
