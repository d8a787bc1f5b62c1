import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { Clock } from '@khoinghiep/clock';
import { dataSourceOptionsFor } from '@khoinghiep/persistence';
import { DataSource } from 'typeorm';
import { matchingEntities } from './entities.js';
import { IndexState } from './match-index/index-state.js';
import { matchingMigrations } from './migrations/index.js';
import { rebuildFromTopic } from './rebuild/rebuild-from-topic.js';

// `npm run matching:rebuild`: the catalogue and every stored list rebuilt from `projects.events` (ADR 0025). Reads
// the same environment as the service (DATABASE_URL, DATABASE_PREFIX or MATCHING_DATABASE_URL, KAFKA_BROKERS).

const dataSource = new DataSource({
  ...dataSourceOptionsFor({ app: 'matching', entities: matchingEntities, migrations: matchingMigrations }),
  // The service migrates its database; a rebuild of an unmigrated one fails on the first table.
  migrationsRun: false,
});
const started = Date.now();
try {
  await dataSource.initialize();
  const report = await rebuildFromTopic(dataSource, {
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    index: new IndexState(new Clock()),
    threads: Math.max(1, availableParallelism() - 1),
    log: (line) => console.error(`[matching:rebuild] ${line}`),
  });
  console.log(JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 }));
} catch (error) {
  console.error(`[matching:rebuild] failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
}
