import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Role, RuleVersionRecorded, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { EventTap, eventually, freshDatabase, type TappedEvent, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ruleIdOf } from '../src/rules/rule-identity.js';
import { startFundingApp } from './support/funding-app.js';

// The rules routes of the funding app in-process, against real PostgreSQL and Kafka: public reads of the rules in
// force and of a rule's history, an admin recording a new version (row + event on funding.events together), and
// every bad input answered with a problem document naming the field, with nothing written.

jest.setTimeout(60_000);

interface View {
  id: string;
  ruleId: string;
  kind: string;
  category: string | null;
  provinceCode: string | null;
  amountCap: string | null;
  basisPoints: number | null;
  effectiveFrom: string;
  legalSourceNumber: string;
  recordedBy: string | null;
}

const demonstrationModelRule = ruleIdOf({
  kind: 'support_ceiling',
  programme: 'khuyen_cong',
  category: 'kc_demonstration_model',
  fundKind: null,
  capitalSource: null,
});

describe('programme rules over HTTP', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    const url = await freshDatabase('funding_rules_routes');
    app = await startFundingApp(url);
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  const versionCount = async () =>
    (await dataSource.query('SELECT count(*)::int AS count FROM programme_rule_versions'))[0].count as number;

  const inForce = async (query: Record<string, string>) => {
    const response = await http().get('/api/v1/funding/rules').query(query).expect(200);
    return response.body as View[];
  };

  /** Reads funding.events until the event of this version is there (the relay publishes after the commit). */
  const eventOfVersion = (ruleId: string, versionId: string): Promise<TappedEvent> =>
    eventually(`the event of rule version ${versionId}`, async () => {
      await tap.readToEnd();
      return tap
        .of(ruleId)
        .find((event) => (event.envelope.payload as { versionId?: string }).versionId === versionId);
    });

  describe('reading', () => {
    it('lists what applies in a province on a day, without a token: Đắk Lắk its own, elsewhere the national', async () => {
      const dakLak = await inForce({
        on: '2026-01-01',
        provinceCode: '66',
        category: 'kc_demonstration_model',
      });
      expect(dakLak).toEqual([
        expect.objectContaining({ provinceCode: '66', amountCap: '800000000', basisPoints: 3000 }),
      ]);
      const hcmc = await inForce({
        on: '2026-01-01',
        provinceCode: '79',
        category: 'kc_demonstration_model',
      });
      expect(hcmc).toEqual([
        expect.objectContaining({
          provinceCode: null,
          amountCap: '1000000000',
          legalSourceNumber: '28/2018/TT-BTC',
          effectiveFrom: '2018-05-12',
          recordedBy: null,
        }),
      ]);
    });

    it('lists every scope when no province is named, and nothing before a rule starts', async () => {
      const all = await inForce({ on: '2026-01-01', category: 'kc_demonstration_model' });
      expect(all.map((version) => version.provinceCode)).toEqual([null, '66']);
      const before = await inForce({ on: '2024-06-01', category: 'kc_demonstration_model' });
      expect(before.map((version) => version.provinceCode)).toEqual([null]);
      expect(await inForce({ on: '2018-01-01', kind: 'support_ceiling' })).toEqual([]);
    });

    it('filters by kind and programme', async () => {
      const rates = await inForce({ on: '2026-01-01', kind: 'advance_rate' });
      expect(rates.map((version) => [version.category, version.basisPoints])).toEqual([
        ['kc_cluster_infrastructure', 3000],
        ['kc_consulting', 7000],
        ['kc_trade_fair', 7000],
        ['kc_training', 7000],
      ]);
      const sme = await inForce({ on: '2026-01-01', programme: 'sme_support' });
      expect(sme.map((version) => version.kind)).toEqual(['priority_groups']);
    });

    it("shows a rule's history in every scope, and a 404 problem for a rule that does not exist", async () => {
      const history = await http()
        .get(`/api/v1/funding/rules/${demonstrationModelRule}/versions`)
        .expect(200);
      expect(history.body.map((version: View) => [version.provinceCode, version.amountCap])).toEqual([
        [null, '1000000000'],
        ['66', '800000000'],
      ]);
      const missing = await http()
        .get('/api/v1/funding/rules/0b02a0c9-1ab8-5a3c-8447-000000000000/versions')
        .expect(404);
      expect(missing.body).toMatchObject({ status: 404, code: 'RULE_NOT_FOUND' });
    });

    it('answers a bad day, province or kind with a 400 naming the parameter', async () => {
      for (const [query, field] of [
        [{ on: '2026-13-01' }, 'on'],
        [{ on: '2026-02-30' }, 'on'],
        [{ on: '0000-01-01' }, 'on'],
        [{ provinceCode: '02' }, 'provinceCode'],
        [{ kind: 'ceiling' }, 'kind'],
        [{ category: 'kc_unknown' }, 'category'],
      ] as const) {
        const response = await http().get('/api/v1/funding/rules').query(query).expect(400);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      }
    });
  });

  describe('recording a new version', () => {
    const newCeiling = {
      kind: 'support_ceiling',
      category: 'kc_demonstration_model',
      amountCap: '1100000000',
      basisPoints: 3000,
      effectiveFrom: '2027-01-01',
      legalSourceNumber: '12/2026/TT-BTC',
      legalSourceName: 'Thông tư sửa đổi Thông tư 28/2018/TT-BTC',
      reason: 'Nâng mức trần mô hình trình diễn',
    };

    it('is a new version for admins: in force from its day, the old one kept, an event on funding.events', async () => {
      const admin = as(Role.Admin, 'quan-tri');
      const response = await http()
        .post('/api/v1/funding/rules')
        .set('authorization', admin.auth)
        .send(newCeiling)
        .expect(201);
      const created = response.body as View;
      expect(created).toMatchObject({
        ruleId: demonstrationModelRule,
        provinceCode: null,
        amountCap: '1100000000',
        recordedBy: admin.user.id,
      });
      expect(response.headers.location).toBe(`/api/v1/funding/rules/${demonstrationModelRule}/versions`);

      expect(
        await inForce({ on: '2026-12-31', provinceCode: '79', category: 'kc_demonstration_model' }),
      ).toEqual([expect.objectContaining({ amountCap: '1000000000' })]);
      expect(
        await inForce({ on: '2027-01-01', provinceCode: '79', category: 'kc_demonstration_model' }),
      ).toEqual([expect.objectContaining({ id: created.id })]);
      expect(
        await inForce({ on: '2027-01-01', provinceCode: '66', category: 'kc_demonstration_model' }),
      ).toEqual([expect.objectContaining({ provinceCode: '66', amountCap: '800000000' })]);
      const history = await http()
        .get(`/api/v1/funding/rules/${demonstrationModelRule}/versions`)
        .expect(200);
      expect(history.body.map((version: View) => version.amountCap)).toEqual([
        '1000000000',
        '1100000000',
        '800000000',
      ]);

      const event = await eventOfVersion(demonstrationModelRule, created.id);
      expect(event.key).toBe(demonstrationModelRule);
      expect(event.envelope).toMatchObject({
        type: 'funding.rule.version_recorded',
        version: 1,
        aggregateType: 'programme_rule',
        aggregateId: demonstrationModelRule,
        actor: { userId: admin.user.id },
      });
      const payload = validatePayload(RuleVersionRecorded, event.envelope.payload, 'reader');
      expect(payload).toMatchObject({
        ok: true,
        value: { versionId: created.id, amountCap: '1100000000', effectiveFrom: '2027-01-01' },
      });
    });

    it('is refused to anyone but an admin, and to anonymous callers', async () => {
      const before = await versionCount();
      const officer = as(Role.FundOfficer);
      const forbidden = await http()
        .post('/api/v1/funding/rules')
        .set('authorization', officer.auth)
        .send(newCeiling)
        .expect(403);
      expect(forbidden.headers['content-type']).toMatch(/problem\+json/);
      await http().post('/api/v1/funding/rules').send(newCeiling).expect(401);
      expect(await versionCount()).toBe(before);
    });

    it('answers bad input with a 400 naming each field, in the caller’s language, and writes nothing', async () => {
      const admin = as(Role.Admin);
      const before = await versionCount();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ category: 'kc_unknown' }, ['category']],
        [{ effectiveUntil: '2026-12-31' }, ['effectiveUntil']],
        [{ basisPoints: 10_001 }, ['basisPoints']],
        [{ amountCap: 1100000000 }, ['amountCap']],
        [{ amountCap: '-5' }, ['amountCap']],
        [{ effectiveFrom: '01/01/2027' }, ['effectiveFrom']],
        [{ effectiveFrom: '2027-02-29' }, ['effectiveFrom']],
        [{ effectiveFrom: '0000-01-01' }, ['effectiveFrom']],
        [{ legalSourceNumber: '' }, ['legalSourceNumber']],
        [{ provinceCode: '99' }, ['provinceCode']],
        [{ kind: 'advance_rate' }, ['amountCap']],
        [{ fundKind: 'startup_fund' }, ['fundKind']],
        [{ programme: 'startup_fund' }, ['programme']],
        [{ amountCap: null, basisPoints: null }, ['amountCap']],
        [{ ceiling: '5' }, ['ceiling']],
      ];
      for (const [overrides, expected] of cases) {
        const response = await http()
          .post('/api/v1/funding/rules')
          .set('authorization', admin.auth)
          .set('accept-language', 'vi')
          .send({ ...newCeiling, ...overrides });
        expect({ overrides, status: response.status }).toEqual({ overrides, status: 400 });
        expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(expected);
        expect(response.body.title).toMatch(/[ạảãáàâăđêôơư]/i);
      }
      expect(await versionCount()).toBe(before);
    });
  });
});
