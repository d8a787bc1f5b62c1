import 'reflect-metadata';
import { jest } from '@jest/globals';
import { UnitOfWork } from '@khoinghiep/messaging';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { freshDatabase } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { RuleBook } from '../src/rules/rule-book.js';
import { ruleIdOf } from '../src/rules/rule-identity.js';
import { RuleVersion } from '../src/rules/rule-version.entity.js';
import { startFundingApp } from './support/funding-app.js';

// The funding app in-process against real PostgreSQL (its own database, migrated and seeded from scratch): the
// versions table, its constraints and trigger, the seeded rules of DOMAIN.md, and the RuleBook's resolution.

jest.setTimeout(60_000);

describe('programme rules against PostgreSQL', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let rules: RuleBook;

  beforeAll(async () => {
    const url = await freshDatabase('funding_rules_book');
    app = await startFundingApp(url);
    dataSource = app.get(DataSource);
    rules = app.get(RuleBook);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  const demonstrationModel = {
    kind: 'support_ceiling',
    programme: 'khuyen_cong',
    category: 'kc_demonstration_model',
    fundKind: null,
    capitalSource: null,
  } as const;

  /** A valid version of the demonstration-model ceiling; its rule id follows the overridden subject unless given. */
  const newVersion = (overrides: Partial<RuleVersion> = {}): RuleVersion => {
    const version = Object.assign(new RuleVersion(), {
      id: uuidv7(),
      ...demonstrationModel,
      provinceCode: null,
      amountCap: '1200000000',
      basisPoints: 3000,
      priorityGroups: null,
      effectiveFrom: '2030-01-01',
      effectiveUntil: null,
      legalSourceNumber: '99/2029/TT-BTC',
      legalSourceName: 'Thông tư thử nghiệm',
      reason: null,
      recordedBy: uuidv7(),
      recordedAt: new Date(),
      ...overrides,
    });
    version.ruleId = overrides.ruleId ?? ruleIdOf(version);
    return version;
  };

  describe('schema', () => {
    it('leaves nothing for the entities to add after the migrations (no missing migration)', async () => {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    });

    it('refuses to update or delete a version: a change can only be a new version', async () => {
      await expect(
        dataSource.query("UPDATE programme_rule_versions SET amount_cap = 1 WHERE kind = 'support_ceiling'"),
      ).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(
        dataSource.query("DELETE FROM programme_rule_versions WHERE kind = 'advance_rate'"),
      ).rejects.toThrow(/append-only: DELETE refused/);
      const [{ count }] = await dataSource.query(
        'SELECT count(*)::int AS count FROM programme_rule_versions',
      );
      expect(count).toBe(16);
    });

    it('refuses a rate over 100 %, an end before the start, a value the kind does not take, an unknown word and a version filed under another rule', async () => {
      const insert = (overrides: Partial<RuleVersion>) =>
        dataSource.getRepository(RuleVersion).insert(newVersion(overrides));
      await expect(insert({ basisPoints: 10_001 })).rejects.toThrow(
        /CHK_programme_rule_versions_basis_points/,
      );
      await expect(insert({ effectiveUntil: '2029-12-31' })).rejects.toThrow(
        /CHK_programme_rule_versions_dates/,
      );
      await expect(insert({ amountCap: '-1' })).rejects.toThrow(/CHK_programme_rule_versions_amount_cap/);
      await expect(insert({ kind: 'advance_rate' })).rejects.toThrow(/CHK_programme_rule_versions_shape/);
      await expect(insert({ amountCap: null, basisPoints: null })).rejects.toThrow(
        /CHK_programme_rule_versions_shape/,
      );
      await expect(insert({ provinceCode: '02' })).rejects.toThrow(/CHK_programme_rule_versions_province/);
      await expect(insert({ category: 'kc_unknown' as never })).rejects.toThrow(
        /CHK_programme_rule_versions_category/,
      );
      await expect(insert({ ruleId: uuidv7() })).rejects.toThrow(/CHK_programme_rule_versions_rule_id/);
      await expect(
        insert({ category: 'kc_machinery', ruleId: ruleIdOf(demonstrationModel) }),
      ).rejects.toThrow(/CHK_programme_rule_versions_rule_id/);
    });
  });

  describe('the seeded rules of DOMAIN.md', () => {
    it('apply the Circular 28/2018 ceiling nationally, with its version and source', async () => {
      const ceiling = await rules.supportCeiling('kc_demonstration_model', '79', '2026-01-01');
      expect(ceiling).toMatchObject({
        value: { amountCap: 1_000_000_000n, shareOfCostBp: 3000 },
        provinceCode: null,
        legalSourceNumber: '28/2018/TT-BTC',
        ruleId: ruleIdOf(demonstrationModel),
      });
      expect(ceiling?.versionId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await rules.supportCeiling('kc_machinery', null, '2026-01-01'))?.value.amountCap).toBe(
        300_000_000n,
      );
      expect((await rules.supportCeiling('kc_cluster_infrastructure', '01', '2026-01-01'))?.value).toEqual({
        amountCap: 6_000_000_000n,
        shareOfCostBp: null,
      });
    });

    it("let Đắk Lắk's own demonstration-model ceiling win from 2025-01-01, and only in Đắk Lắk", async () => {
      const dakLak = await rules.supportCeiling('kc_demonstration_model', '66', '2025-01-01');
      expect(dakLak).toMatchObject({
        value: { amountCap: 800_000_000n, shareOfCostBp: 3000 },
        provinceCode: '66',
      });
      const before = await rules.supportCeiling('kc_demonstration_model', '66', '2024-12-31');
      expect(before).toMatchObject({ value: { amountCap: 1_000_000_000n }, provinceCode: null });
      expect(before?.versionId).not.toBe(dakLak?.versionId);
    });

    it('give no ceiling to a category without a known one', async () => {
      expect(await rules.supportCeiling('kc_training', '66', '2026-01-01')).toBeNull();
      expect(await rules.supportCeiling('startup_seed_grant', null, '2026-01-01')).toBeNull();
    });

    it('give the advance rates of Circular 36/2013: 70 % training, consulting, fairs; 30 % cluster infrastructure', async () => {
      const rates = await Promise.all(
        (['kc_training', 'kc_consulting', 'kc_trade_fair', 'kc_cluster_infrastructure'] as const).map(
          async (category) => (await rules.advanceRate(category, '66', '2026-01-01'))?.value,
        ),
      );
      expect(rates).toEqual([7000, 7000, 7000, 3000]);
      expect(await rules.advanceRate('kc_machinery', null, '2026-01-01')).toBeNull();
    });

    it('cap state co-investment at 30 % of private funds and a provincial budget at 49 % of a venture fund', async () => {
      expect(await rules.coinvestmentCap('66', '2026-01-01')).toMatchObject({
        value: 3000,
        legalSourceNumber: '38/2018/NĐ-CP',
      });
      expect(
        await rules.capitalShareCap('provincial_venture_fund', 'provincial_budget', '66', '2026-01-01'),
      ).toMatchObject({ value: 4900, legalSourceNumber: '264/2025/NĐ-CP' });
      expect(
        await rules.capitalShareCap('provincial_venture_fund', 'private', '66', '2026-01-01'),
      ).toBeNull();
      expect(
        await rules.capitalShareCap('provincial_venture_fund', 'provincial_budget', '66', '2025-01-01'),
      ).toBeNull();
    });

    it('name the priority groups of the SME support fund and, from 15 Oct 2025, of khuyến công', async () => {
      expect((await rules.priorityGroups('sme_support', '2026-01-01'))?.value).toEqual([
        'women_led',
        'social_enterprise',
      ]);
      expect((await rules.priorityGroups('khuyen_cong', '2025-10-15'))?.value).toEqual([
        'women_led',
        'ethnic_minority_led',
      ]);
      expect(await rules.priorityGroups('khuyen_cong', '2025-10-14')).toBeNull();
    });
  });

  describe('a new version', () => {
    it('takes over on its start day nationally, while the province keeps its own', async () => {
      const recorded = newVersion({ effectiveFrom: '2031-01-01', amountCap: '1200000000' });
      await dataSource.getRepository(RuleVersion).insert(recorded);
      expect(await rules.supportCeiling('kc_demonstration_model', '79', '2030-12-31')).toMatchObject({
        value: { amountCap: 1_000_000_000n },
      });
      expect(await rules.supportCeiling('kc_demonstration_model', '79', '2031-01-01')).toMatchObject({
        versionId: recorded.id,
        value: { amountCap: 1_200_000_000n },
      });
      expect(await rules.supportCeiling('kc_demonstration_model', '66', '2031-01-01')).toMatchObject({
        provinceCode: '66',
        value: { amountCap: 800_000_000n },
      });
    });

    it('is seen by a RuleBook read inside the same transaction, before it commits', async () => {
      const recorded = newVersion({ effectiveFrom: '2032-01-01', amountCap: '1300000000' });
      const seen = await app.get(UnitOfWork).run(async (tx) => {
        await tx.manager.insert(RuleVersion, recorded);
        return rules.supportCeiling('kc_demonstration_model', null, '2032-06-01');
      });
      expect(seen?.versionId).toBe(recorded.id);
    });
  });
});
