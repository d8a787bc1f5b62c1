import { amountProblems, mayRecord } from './pipeline-rules.js';

const at = (status: Parameters<typeof mayRecord>[0]['status'], amount: string | null = null) => ({
  status,
  amount,
});

describe("an investor's pipeline after an introduction", () => {
  it('starts anywhere', () => {
    expect(mayRecord(at(null), at('considering'))).toBe(true);
    expect(mayRecord(at(null), at('invested', '500000000'))).toBe(true);
    expect(mayRecord(at(null), at('passed'))).toBe(true);
  });

  it('moves forward, and a commitment can change its amount', () => {
    expect(mayRecord(at('considering'), at('committed', '2000000000'))).toBe(true);
    expect(mayRecord(at('committed', '2000000000'), at('committed', '2500000000'))).toBe(true);
    expect(mayRecord(at('committed', '2000000000'), at('invested', '2000000000'))).toBe(true);
    expect(mayRecord(at('committed', '2000000000'), at('passed'))).toBe(true);
    expect(mayRecord(at('passed'), at('considering'))).toBe(true);
  });

  it('never undoes an investment, and refuses to repeat a status without news', () => {
    expect(mayRecord(at('invested', '1000000000'), at('passed'))).toBe(false);
    expect(mayRecord(at('invested', '1000000000'), at('considering'))).toBe(false);
    expect(mayRecord(at('considering'), at('considering'))).toBe(false);
    expect(mayRecord(at('committed', '2000000000'), at('committed', '2000000000'))).toBe(false);
    expect(mayRecord(at('passed'), at('committed', '1000000000'))).toBe(false);
  });

  it('requires an amount above zero for committed and invested, and none otherwise', () => {
    expect(amountProblems('committed', '2000000000')).toEqual([]);
    expect(amountProblems('considering', undefined)).toEqual([]);
    expect(amountProblems('committed', undefined).map((problem) => problem.field)).toEqual(['amount']);
    expect(amountProblems('invested', '0').map((problem) => problem.field)).toEqual(['amount']);
    expect(amountProblems('passed', '100').map((problem) => problem.field)).toEqual(['amount']);
  });
});
