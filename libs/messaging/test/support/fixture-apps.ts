import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { type FixtureAppConfig, startFixtureApp } from '../fixtures/fixture-app.js';
import { type ItemEvents, itemEvents } from '../fixtures/item-events.js';
import {
  BROKERS,
  createTopic,
  deleteCreatedTopics,
  newRunId,
  prepareDatabase,
  type TestDatabase,
} from './infra.js';

/** What a spec gets from {@link useFixtureApps}; `db` is there once the spec's `beforeAll` hooks ran. */
export interface FixtureApps {
  readonly db: TestDatabase;
  /** Starts an in-process fixture app on the spec's database; it is closed after the test. */
  start(config: Partial<FixtureAppConfig> & { topic: string }): Promise<INestApplication>;
  /** Closes one app before the test ends (a restart, a crash seen from outside). */
  stop(app: INestApplication): Promise<void>;
  /** The item events of a run of their own, on a topic created for it. */
  freshEvents(): Promise<ItemEvents>;
}

/**
 * The set-up every messaging spec with fixture apps repeats: a database of its own (`<prefix>messaging_<suffix>`),
 * apps closed after each test, the database closed and the topics the spec created deleted at the end.
 */
export function useFixtureApps(suffix: string, service: string): FixtureApps {
  let db: TestDatabase | undefined;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    db = await prepareDatabase(suffix);
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  afterAll(async () => {
    await db?.dataSource.destroy();
    await deleteCreatedTopics();
  });

  const ready = (): TestDatabase => {
    if (!db) throw new Error('the test database is ready only once beforeAll ran');
    return db;
  };

  return {
    get db() {
      return ready();
    },
    async start(config) {
      const app = await startFixtureApp({ service, databaseUrl: ready().url, brokers: BROKERS, ...config });
      apps.push(app);
      return app;
    },
    async stop(app) {
      apps.splice(apps.indexOf(app), 1);
      await app.close();
    },
    async freshEvents() {
      const events = itemEvents(newRunId());
      await createTopic(events.topic);
      return events;
    },
  };
}
