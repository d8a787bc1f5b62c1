import 'reflect-metadata';
import { jest } from '@jest/globals';
import { MatchWeightsRecorded, Role, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { EventTap, eventually, freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { vietnamDayOf } from '../src/common/vietnam-day.js';
import { weightsInForce } from '../src/weights/weights-in-force.js';
import { startMatchingApp } from './support/matching-app.js';

// The match weights routes in-process, against real PostgreSQL and Kafka: everyone reads the version in force and
// the history; an admin records a new dated version (row and event together); every bad body is a 400 naming the
// field, with nothing written and nothing published.

jest.setTimeout(60_000);

interface VersionView {
  id: string;
  effectiveFrom: string;
  effectiveAt: string;
  inForce: boolean;
  reason: string;
  points: Record<string, number>;
  recordedBy: string | null;
}

const SEEDED = '6a1f0c6e-3d0b-4f7e-9a55-2b1f8c0d9e01';

const points = {
  sector: 20,
  stage: 15,
  province_region: 15,
  target_groups: 20,
  ocop_certification: 10,
  thesis_text: 10,
  training: 10,
};

/** A Vietnamese day `days` after today. */
const dayFromToday = (days: number) => vietnamDayOf(new Date(Date.now() + days * 86_400_000));

describe('match weights over HTTP', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_weights_int'));
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());
    tap = new EventTap(TOPICS.matching.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  const versionCount = async () =>
    (await dataSource.query('SELECT count(*)::int AS count FROM match_weight_versions'))[0].count as number;

  const read = async () =>
    (await http().get('/api/v1/matching/weights').expect(200)).body as {
      inForce: VersionView;
      versions: VersionView[];
    };

  it('shows the seeded version in force to anyone, without a token', async () => {
    const weights = await read();
    expect(weights.inForce).toMatchObject({
      id: SEEDED,
      effectiveFrom: '2025-07-01',
      inForce: true,
      recordedBy: null,
      points: {
        sector: 25,
        stage: 15,
        province_region: 15,
        target_groups: 10,
        ocop_certification: 10,
        thesis_text: 15,
        training: 10,
      },
    });
    expect(weights.versions.map((version) => version.id)).toEqual([SEEDED]);
  });

  it('records a version for a later day: scheduled, not yet in force, its event on matching.events', async () => {
    const admin = as(Role.Admin, 'quan-tri');
    const effectiveFrom = dayFromToday(30);
    const response = await http()
      .post('/api/v1/matching/weights')
      .set('authorization', admin.auth)
      .send({ effectiveFrom, reason: 'Ưu tiên phụ nữ khởi nghiệp (Đề án 939)', points })
      .expect(201);
    expect(response.headers.location).toBe('/api/v1/matching/weights');
    const created = response.body as VersionView;
    expect(created).toMatchObject({ effectiveFrom, inForce: false, points, recordedBy: admin.user.id });
    expect(created.effectiveAt).toBe(new Date(`${effectiveFrom}T00:00:00+07:00`).toISOString());

    const weights = await read();
    expect(weights.inForce.id).toBe(SEEDED);
    expect(weights.versions.map((version) => [version.id, version.inForce])).toEqual([
      [created.id, false],
      [SEEDED, true],
    ]);

    const event = await eventually('the weights event', async () => {
      await tap.readToEnd();
      return tap
        .of('match_weights')
        .find((tapped) => (tapped.envelope.payload as { versionId?: string }).versionId === created.id);
    });
    expect(event.envelope).toMatchObject({
      type: 'matching.match_weights.recorded',
      version: 1,
      aggregateType: 'match_weights',
      actor: { userId: admin.user.id },
    });
    expect(validatePayload(MatchWeightsRecorded, event.envelope.payload, 'reader')).toMatchObject({
      ok: true,
      value: { versionId: created.id, points, effectiveFrom: created.effectiveAt },
    });
  });

  it('puts a version effective today in force at once, for the scorer too', async () => {
    const admin = as(Role.Admin);
    const response = await http()
      .post('/api/v1/matching/weights')
      .set('authorization', admin.auth)
      .send({ effectiveFrom: dayFromToday(0), reason: 'Điều chỉnh ngay', points })
      .expect(201);
    expect(response.body).toMatchObject({ inForce: true });
    expect((await read()).inForce.id).toBe(response.body.id);
    expect(await weightsInForce(dataSource.manager, new Date())).toEqual({
      versionId: response.body.id,
      points,
    });
  });

  it('is refused to anyone but an admin, and to anonymous callers, with nothing written', async () => {
    const before = await versionCount();
    const body = { effectiveFrom: dayFromToday(1), reason: 'x', points };
    const forbidden = await http()
      .post('/api/v1/matching/weights')
      .set('authorization', as(Role.Investor).auth)
      .send(body)
      .expect(403);
    expect(forbidden.headers['content-type']).toMatch(/problem\+json/);
    await http().post('/api/v1/matching/weights').send(body).expect(401);
    expect(await versionCount()).toBe(before);
  });

  it('answers a bad body with a 400 naming each field, writes nothing and publishes nothing', async () => {
    const admin = as(Role.Admin);
    await tap.readToEnd();
    const eventsBefore = tap.of('match_weights').length;
    const before = await versionCount();
    const good = { effectiveFrom: dayFromToday(2), reason: 'Thử', points };
    const { training: _training, ...withoutTraining } = points;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ points: { ...points, training: 0 } }, ['points']],
      [{ points: { ...points, sector: 30, stage: 5, training: 15 } }, ['points']],
      [{ points: withoutTraining }, ['points.training']],
      [{ points: { ...points, sector: -5, stage: 40 } }, ['points.sector']],
      [{ points: { ...points, sector: 19.5, stage: 15.5 } }, ['points.sector', 'points.stage']],
      [{ points: { ...points, sector: '20' } }, ['points.sector']],
      [{ points: { ...points, traction: 0 } }, ['points.traction']],
      [{ points: null }, ['points']],
      [{ effectiveFrom: dayFromToday(-1) }, ['effectiveFrom']],
      [{ effectiveFrom: '2027-02-29' }, ['effectiveFrom']],
      [{ effectiveFrom: '01/09/2027' }, ['effectiveFrom']],
      [{ reason: '' }, ['reason']],
      [{ weights: points }, ['weights']],
    ];
    for (const [overrides, expected] of cases) {
      const response = await http()
        .post('/api/v1/matching/weights')
        .set('authorization', admin.auth)
        .set('accept-language', 'vi')
        .send({ ...good, ...overrides });
      expect({ overrides, status: response.status }).toEqual({ overrides, status: 400 });
      expect({
        overrides,
        fields: response.body.errors.map((error: { field: string }) => error.field),
      }).toEqual({
        overrides,
        fields: expected,
      });
      expect(response.body.title).toMatch(/[ạảãáàâăđêôơư]/i);
    }
    const total = await http()
      .post('/api/v1/matching/weights')
      .set('authorization', admin.auth)
      .set('accept-language', 'en')
      .send({ ...good, points: { ...points, training: 0 } })
      .expect(400);
    expect(total.body.errors[0].message).toMatch(/add up to 100, not 90/);
    expect(await versionCount()).toBe(before);
    await tap.readToEnd();
    expect(tap.of('match_weights')).toHaveLength(eventsBefore);
  });
});
