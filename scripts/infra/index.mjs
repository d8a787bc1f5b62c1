// What `npm start` and `npm test` both need before anything runs: PostgreSQL, Kafka, the build, the topics.
import { ROOT, run } from './common.mjs';
import { DEVELOPMENT_KAFKA, ensureKafka } from './kafka.mjs';
import { ensurePostgres } from './postgres.mjs';
import { createTopics } from './topics.mjs';

/** Stop functions run last-in first-out, each once, a failing one not preventing the rest. */
export class Stopper {
  #stops = [];

  add(stop) {
    this.#stops.push(stop);
  }

  async stopAll() {
    while (this.#stops.length > 0) {
      const stop = this.#stops.pop();
      try {
        await stop();
      } catch (error) {
        console.error(`while stopping: ${error.message}`);
      }
    }
  }
}

/**
 * Reuses or starts PostgreSQL (with the `<prefix><app>` databases) and Kafka while `npm run build` runs, then
 * creates the topics. What it starts is registered on `stopper`, PostgreSQL first so that Kafka stops before it.
 */
export async function bringUpInfrastructure({ prefix, stopper, kafka: kafkaInstance = DEVELOPMENT_KAFKA }) {
  const results = await Promise.allSettled([
    ensurePostgres({ prefix }),
    ensureKafka(kafkaInstance),
    run('npm', ['run', 'build', '--silent'], { cwd: ROOT }),
  ]);
  const [postgres, kafka] = results.map((result) => result.value);
  if (postgres) stopper.add(postgres.stop);
  if (kafka) stopper.add(kafka.stop);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  await createTopics(kafka.brokers);
  return { postgres, kafka };
}
