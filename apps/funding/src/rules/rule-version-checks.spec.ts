import type { RecordRuleVersionDto } from '@khoinghiep/contracts';
import { ruleVersionProblems, subjectOfVersion } from './rule-version-checks.js';

const body = (overrides: Partial<RecordRuleVersionDto> = {}): RecordRuleVersionDto => ({
  kind: 'support_ceiling',
  category: 'kc_demonstration_model',
  amountCap: '800000000',
  basisPoints: 3000,
  effectiveFrom: '2026-01-01',
  legalSourceNumber: '01/2026/NQ-HĐND',
  legalSourceName: 'Nghị quyết mức hỗ trợ khuyến công địa phương',
  ...overrides,
});

const fields = (dto: RecordRuleVersionDto) => ruleVersionProblems(dto).map((problem) => problem.field);

describe('checking a new rule version beyond its single fields', () => {
  it('accepts a well-formed version of every kind', () => {
    expect(fields(body())).toEqual([]);
    expect(fields(body({ amountCap: null }))).toEqual([]);
    expect(
      fields(
        body({ kind: 'advance_rate', category: 'kc_training', amountCap: undefined, basisPoints: 7000 }),
      ),
    ).toEqual([]);
    expect(fields(body({ kind: 'coinvestment_cap', category: undefined, amountCap: undefined }))).toEqual([]);
    expect(
      fields(
        body({
          kind: 'capital_share_cap',
          category: undefined,
          amountCap: undefined,
          fundKind: 'provincial_venture_fund',
          capitalSource: 'provincial_budget',
          basisPoints: 4900,
        }),
      ),
    ).toEqual([]);
    expect(
      fields(
        body({
          kind: 'priority_groups',
          category: undefined,
          amountCap: undefined,
          basisPoints: undefined,
          programme: 'sme_support',
          priorityGroups: ['women_led'],
        }),
      ),
    ).toEqual([]);
  });

  it('names a field the kind requires and one it does not take', () => {
    expect(fields(body({ category: undefined }))).toEqual(['category']);
    expect(fields(body({ kind: 'advance_rate', basisPoints: 7000 }))).toEqual(['amountCap']);
    expect(fields(body({ kind: 'capital_share_cap', category: undefined, amountCap: undefined }))).toEqual([
      'fundKind',
      'capitalSource',
    ]);
    expect(fields(body({ priorityGroups: ['women_led'] }))).toEqual(['priorityGroups']);
  });

  it('refuses a support ceiling with neither an amount nor a share', () => {
    expect(fields(body({ amountCap: null, basisPoints: null }))).toEqual(['amountCap']);
  });

  it('refuses a programme the category does not belong to', () => {
    const problems = ruleVersionProblems(body({ programme: 'sme_support' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'programme', params: { implied: 'khuyen_cong' } });
  });

  it('refuses an end before the start, but takes a one-day version', () => {
    expect(fields(body({ effectiveUntil: '2025-12-31' }))).toEqual(['effectiveUntil']);
    expect(fields(body({ effectiveUntil: '2026-01-01' }))).toEqual([]);
  });

  it('refuses a day that does not exist', () => {
    expect(fields(body({ effectiveFrom: '2026-02-30' }))).toEqual(['effectiveFrom']);
  });

  it('derives the programme from the category or fund kind', () => {
    expect(subjectOfVersion(body())).toEqual({
      kind: 'support_ceiling',
      programme: 'khuyen_cong',
      category: 'kc_demonstration_model',
      fundKind: null,
      capitalSource: null,
    });
    expect(
      subjectOfVersion(
        body({
          kind: 'capital_share_cap',
          category: undefined,
          fundKind: 'provincial_venture_fund',
          capitalSource: 'provincial_budget',
        }),
      ).programme,
    ).toBe('venture_coinvestment');
  });
});
