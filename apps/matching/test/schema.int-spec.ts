import 'reflect-metadata';
import { jest } from '@jest/globals';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { freshDatabase } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startMatchingApp } from './support/matching-app.js';

// The matching database migrated from scratch: the entities need nothing more, and the guards the database keeps
// (append-only weights) hold whatever the code does.

jest.setTimeout(60_000);

describe('matching schema against PostgreSQL', () => {
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_schema_int'));
    dataSource = app.get(DataSource);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('starts with one version of the match weights in force, summing to 100 points', async () => {
    const [version] = await dataSource.query('SELECT weights FROM match_weight_versions');
    expect(
      Object.values(version.weights as Record<string, number>).reduce((sum, points) => sum + points, 0),
    ).toBe(100);
  });

  it('refuses to change or delete a weights version (append-only)', async () => {
    await expect(dataSource.query("UPDATE match_weight_versions SET reason = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query('DELETE FROM match_weight_versions')).rejects.toThrow(/append-only/);
  });
});
