import 'reflect-metadata';
import { jest } from '@jest/globals';
import { FUND_EVENTS, Role, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { EventTap, freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startFundingApp } from './support/funding-app.js';

// The funding app in-process against real PostgreSQL (its own database, migrated from scratch) and Kafka: funds, the
// capital-share rule of the seeded rule book checked on every change, the database's own guards, and the audit trail.

jest.setTimeout(60_000);

const ventureFund = (provincial: string, privateCapital: string) => ({
  kind: 'provincial_venture_fund',
  name: 'Quỹ đầu tư khởi nghiệp sáng tạo tỉnh Đắk Lắk',
  ownerAgency: 'UBND tỉnh Đắk Lắk',
  provinceCode: '66',
  capital: [
    { source: 'provincial_budget', amount: provincial },
    { source: 'private', amount: privateCapital },
  ],
});

describe('funds against PostgreSQL', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;
  /** The version of the 49 % cap the rule book was seeded with (Decree 264/2025, in force from 10 Oct 2025). */
  let capVersionId: string;

  beforeAll(async () => {
    const url = await freshDatabase('funding_funds_int');
    app = await startFundingApp(url);
    dataSource = app.get(DataSource);
    const [cap] = await dataSource.query(
      "SELECT id FROM programme_rule_versions WHERE kind = 'capital_share_cap' AND fund_kind = 'provincial_venture_fund'",
    );
    capVersionId = cap.id;
    tap = new EventTap(TOPICS.funding.name);
    await tap.start();
    as = userFactory(app);
    http = () => request(app.getHttpServer());
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  const createFund = (auth: string, body: object) =>
    http().post('/api/v1/funding/funds').set('authorization', auth).send(body);

  describe('schema', () => {
    it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    });

    it('refuses negative capital, a share over the recorded cap, a national fund with a province and an unknown rule version, in the database itself', async () => {
      const officer = as(Role.FundOfficer);
      const created = await createFund(officer.auth, ventureFund('49000000000', '51000000000')).expect(201);
      const { id } = created.body as { id: string };
      await expect(
        dataSource.query('UPDATE funds SET capital_private = -1 WHERE id = $1', [id]),
      ).rejects.toThrow(/CHK_funds_capital/);
      await expect(
        dataSource.query('UPDATE funds SET capital_private = capital_private - 1 WHERE id = $1', [id]),
      ).rejects.toThrow(/CHK_funds_provincial_budget_share/);
      await expect(
        dataSource.query("UPDATE funds SET kind = 'khuyen_cong_national' WHERE id = $1", [id]),
      ).rejects.toThrow(/CHK_funds_national_has_no_province/);
      await expect(
        dataSource.query('UPDATE funds SET capital_rule_version_id = $2 WHERE id = $1', [
          id,
          '01a22621-0000-7000-8000-000000000000',
        ]),
      ).rejects.toThrow(/FK_funds_capital_rule_version/);
      await expect(
        dataSource.query('UPDATE fund_history SET reason = $2 WHERE fund_id = $1', [id, 'rewritten']),
      ).rejects.toThrow(/append-only/);
      await expect(dataSource.query('DELETE FROM fund_history WHERE fund_id = $1', [id])).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe('the capital-share rule (Decree 264/2025), checked on every change', () => {
    it('accepts a provincial venture fund at exactly 49 % and records the rule version on the fund and in its audit', async () => {
      const officer = as(Role.FundOfficer);
      const response = await createFund(officer.auth, ventureFund('49000000000', '51000000000')).expect(201);
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`/api/v1/funding/funds/${response.body.id}`);
      expect(response.body).toMatchObject({
        kind: 'provincial_venture_fund',
        provinceCode: '66',
        totalCapital: '100000000000',
        capital: [
          { source: 'central_budget', amount: '0' },
          { source: 'provincial_budget', amount: '49000000000' },
          { source: 'private', amount: '51000000000' },
          { source: 'association', amount: '0' },
        ],
        provincialBudgetCapBasisPoints: 4900,
        capitalRuleVersionId: capVersionId,
        version: 1,
      });
      const [entry] = await dataSource.query(
        'SELECT action, capital_rule_version_id, actor_id FROM fund_history WHERE fund_id = $1',
        [response.body.id],
      );
      expect(entry).toEqual({
        action: 'create',
        capital_rule_version_id: capVersionId,
        actor_id: officer.user.id,
      });
    });

    it('refuses one đồng over 49 % with a 422 naming the share, the cap and the rule, and writes nothing', async () => {
      const officer = as(Role.FundOfficer);
      const before = await dataSource.query('SELECT count(*)::int AS n FROM funds');
      const response = await createFund(officer.auth, ventureFund('49000000001', '50999999999')).expect(422);
      expect(response.body).toMatchObject({
        status: 422,
        code: 'FUND_CAPITAL_SHARE_EXCEEDED',
        share: '49.01',
        cap: '49.00',
        ruleVersionId: capVersionId,
      });
      expect(response.body.detail).toContain('49.01');
      expect(await dataSource.query('SELECT count(*)::int AS n FROM funds')).toEqual(before);
    });

    it('checks an edit of the capital too, and audits who changed what from what to what', async () => {
      const officer = as(Role.FundOfficer);
      const admin = as(Role.Admin);
      const { body: fund } = await createFund(officer.auth, ventureFund('40000000000', '60000000000')).expect(
        201,
      );

      const over = await http()
        .patch(`/api/v1/funding/funds/${fund.id}`)
        .set('authorization', admin.auth)
        .set('if-match', '"1"')
        .send({
          capital: [
            { source: 'provincial_budget', amount: '70000000000' },
            { source: 'private', amount: '30000000000' },
          ],
        })
        .expect(422);
      expect(over.body.code).toBe('FUND_CAPITAL_SHARE_EXCEEDED');

      const edited = await http()
        .patch(`/api/v1/funding/funds/${fund.id}`)
        .set('authorization', admin.auth)
        .send({
          version: 1,
          reason: 'Bổ sung vốn tư nhân theo Nghị quyết HĐND.',
          capital: [
            { source: 'provincial_budget', amount: '40000000000' },
            { source: 'private', amount: '80000000000' },
          ],
        })
        .expect(200);
      expect(edited.headers.etag).toBe('"2"');
      expect(edited.body).toMatchObject({ totalCapital: '120000000000', version: 2 });

      const history = await dataSource.query(
        `SELECT action, version, actor_id, changed_fields, reason, capital_rule_version_id,
                before->>'capitalPrivate' AS old_private, after->>'capitalPrivate' AS new_private
           FROM fund_history WHERE fund_id = $1 ORDER BY version`,
        [fund.id],
      );
      expect(history).toEqual([
        expect.objectContaining({
          action: 'create',
          version: 1,
          old_private: null,
          new_private: '60000000000',
        }),
        {
          action: 'update',
          version: 2,
          actor_id: admin.user.id,
          changed_fields: ['capitalPrivate'],
          reason: 'Bổ sung vốn tư nhân theo Nghị quyết HĐND.',
          capital_rule_version_id: capVersionId,
          old_private: '60000000000',
          new_private: '80000000000',
        },
      ]);
      const events = await tap.waitFor(fund.id, 2);
      await tap.readToEnd();
      // The refused edit published nothing: exactly the creation and the accepted edit, in order, keyed by the fund.
      expect(tap.of(fund.id).map((event) => [event.envelope.type, event.key])).toEqual([
        ['funding.fund.created', fund.id],
        ['funding.fund.updated', fund.id],
      ]);
      for (const event of events) {
        const contract = FUND_EVENTS.find((candidate) => candidate.type === event.envelope.type);
        expect(contract && validatePayload<object>(contract, event.envelope.payload).ok).toBe(true);
      }
      expect(events[1]?.envelope.payload).toMatchObject({
        version: 2,
        capitalProvincialBudget: '40000000000',
        capitalPrivate: '80000000000',
        capitalRuleVersionId: capVersionId,
        changedFields: ['capitalPrivate'],
      });
      expect(events[1]?.envelope.actor).toMatchObject({ userId: admin.user.id });
    });

    it('applies no cap where the rule book has none (a national khuyến công fund) and records none', async () => {
      const officer = as(Role.FundOfficer);
      const { body } = await createFund(officer.auth, {
        kind: 'khuyen_cong_national',
        name: 'Kinh phí khuyến công quốc gia',
        ownerAgency: 'Bộ Công Thương',
        provinceCode: null,
        capital: [{ source: 'central_budget', amount: '120000000000' }],
      }).expect(201);
      expect(body).toMatchObject({
        provinceCode: null,
        provincialBudgetCapBasisPoints: null,
        capitalRuleVersionId: null,
        totalCapital: '120000000000',
      });
    });
  });

  describe('refusals a fund keeper notices', () => {
    it('names provinceCode when a national fund has one or a provincial fund has none', async () => {
      const officer = as(Role.FundOfficer);
      const national = await createFund(officer.auth, {
        ...ventureFund('0', '1'),
        kind: 'khuyen_cong_national',
      }).expect(400);
      expect(national.body.errors).toEqual([expect.objectContaining({ field: 'provinceCode' })]);
      const local = await createFund(officer.auth, { ...ventureFund('0', '1'), provinceCode: null }).expect(
        400,
      );
      expect(local.body.errors).toEqual([expect.objectContaining({ field: 'provinceCode' })]);
    });

    it('names the field of an invalid payload: money as a number, an unknown source, a source twice', async () => {
      const officer = as(Role.FundOfficer);
      const response = await createFund(officer.auth, {
        ...ventureFund('1', '1'),
        capital: [{ source: 'lottery', amount: 5 }],
      }).expect(400);
      const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
      expect(fields).toEqual(['capital[0].amount', 'capital[0].source']);
      const twice = await createFund(officer.auth, {
        ...ventureFund('1', '1'),
        capital: [
          { source: 'private', amount: '1' },
          { source: 'private', amount: '2' },
        ],
      }).expect(400);
      expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'capital' })]);
    });

    it('refuses a founder (403) and a stale If-Match (412), lets anyone signed in read', async () => {
      const founder = as(Role.Founder);
      await createFund(founder.auth, ventureFund('1', '9')).expect(403);
      const officer = as(Role.FundOfficer);
      const { body: fund } = await createFund(officer.auth, ventureFund('1', '9')).expect(201);
      await http()
        .patch(`/api/v1/funding/funds/${fund.id}`)
        .set('authorization', officer.auth)
        .send({ name: 'Tên mới của quỹ', version: 1 })
        .expect(200);
      const stale = await http()
        .patch(`/api/v1/funding/funds/${fund.id}`)
        .set('authorization', officer.auth)
        .set('if-match', '"1"')
        .send({ name: 'Tên khác nữa' })
        .expect(412);
      expect(stale.body).toMatchObject({ code: 'FUND_VERSION_STALE', currentVersion: 2 });
      await http()
        .patch(`/api/v1/funding/funds/${fund.id}`)
        .set('authorization', officer.auth)
        .send({ name: 'Không có phiên bản' })
        .expect(428);
      const read = await http()
        .get(`/api/v1/funding/funds/${fund.id}`)
        .set('authorization', founder.auth)
        .expect(200);
      expect(read.body).toMatchObject({ name: 'Tên mới của quỹ', version: 2 });
      expect(read.headers.etag).toBe('"2"');
      await http().get(`/api/v1/funding/funds/${fund.id}`).expect(401);
    });

    it('pages through funds with a cursor, oldest first, without repeats', async () => {
      const officer = as(Role.FundOfficer);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: request.Response = await http()
          .get('/api/v1/funding/funds')
          .query(cursor ? { limit: 2, cursor } : { limit: 2 })
          .set('authorization', officer.auth)
          .expect(200);
        seen.push(...(response.body.items as { id: string }[]).map((fund) => fund.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM funds');
      expect(seen).toHaveLength(n);
      expect(new Set(seen).size).toBe(n);
      await http()
        .get('/api/v1/funding/funds')
        .query({ cursor: 'garbage' })
        .set('authorization', officer.auth)
        .expect(400);
    });
  });
});
