import 'reflect-metadata';
import { jest } from '@jest/globals';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { freshDatabase, startFundingApp } from './support/funding-app.js';

// The funding app in-process against real PostgreSQL (its own database, migrated from scratch) and the real Kafka
// broker: funds, their constraints and audit trail.

jest.setTimeout(60_000);

describe('funds against PostgreSQL', () => {
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await freshDatabase(`${process.env.DATABASE_PREFIX ?? 'khoinghiep_test_'}funding_funds_int`);
    app = await startFundingApp(url);
    dataSource = app.get(DataSource);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('schema', () => {
    it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    });
  });
});
