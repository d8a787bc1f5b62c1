import { RuleNotInForceError } from './rule.errors.js';
import { type AppliedRule, requireRule } from './rule-book.js';

describe('requiring a rule', () => {
  const rate: AppliedRule<number> = {
    value: 7000,
    versionId: '00000000-0000-7000-8000-000000000001',
    ruleId: '00000000-0000-5000-8000-000000000002',
    provinceCode: null,
    legalSourceNumber: '36/2013/TT-BCT',
  };

  it('passes a rule in force through', () => {
    expect(requireRule(rate, 'advance_rate kc_training', '66', '2026-01-01')).toBe(rate);
  });

  it('is a 422 problem naming the rule, the province and the day when none is in force', () => {
    const attempt = () =>
      requireRule(null, 'advance_rate kc_machinery', '66', new Date('2025-12-31T18:00:00Z'));
    expect(attempt).toThrow(RuleNotInForceError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({
        status: 422,
        code: 'RULE_NOT_IN_FORCE',
        extensions: { rule: 'advance_rate kc_machinery', provinceCode: '66', day: '2026-01-01' },
      });
    }
  });
});
