import type { CallTerms } from './call-terms.js';
import {
  type ApplicantFacts,
  checkEligibility,
  isEligible,
  lastDayWithinAge,
  vietnamDateOf,
} from './eligibility-rules.js';

const CALL_ID = '0190f9a8-0000-7000-8000-000000000001';

const terms = (eligibility: Partial<CallTerms['eligibility']> = {}): CallTerms => ({
  callId: CALL_ID,
  version: 3,
  status: 'open',
  opensAt: new Date('2026-01-01T00:00:00Z'),
  closesAt: new Date('2026-12-31T00:00:00Z'),
  allowedCategories: ['kc_machinery'],
  eligibility: {
    applicantKinds: [],
    provinceCodes: [],
    targetGroups: [],
    publishedProjectRequired: false,
    trainingTopic: null,
    maxBusinessAgeYears: null,
    ...eligibility,
  },
});

const facts = (overrides: Partial<ApplicantFacts> = {}): ApplicantFacts => ({
  applicantKind: 'rural_industry',
  businessRegisteredOn: '2023-05-17',
  priorityGroups: [],
  project: { published: true, provinceCode: '66', targetGroups: [] },
  completedTrainingTopics: [],
  ...overrides,
});

const ON = new Date('2026-03-10T03:00:00Z');
const outcome = (rule: string, call: CallTerms, applicant: ApplicantFacts, on = ON) => {
  const found = checkEligibility(call, applicant, on).find((entry) => entry.rule === rule);
  if (!found) throw new Error(`no outcome for ${rule}`);
  return found;
};

describe('eligibility at submission', () => {
  it('explains every rule, with the call version as the rule version, and passes a call without restrictions', () => {
    const outcomes = checkEligibility(terms(), facts(), ON);
    expect(outcomes.map((entry) => entry.rule)).toEqual([
      'published_project',
      'applicant_kind',
      'province',
      'target_groups',
      'business_age',
      'training_completed',
    ]);
    expect(outcomes.every((entry) => entry.ruleVersion === `call:${CALL_ID}@v3`)).toBe(true);
    expect(outcomes.every((entry) => entry.reason.vi !== '' && entry.reason.en !== '')).toBe(true);
    expect(isEligible(outcomes)).toBe(true);
  });

  it('refuses an applicant kind the call does not take, naming both', () => {
    const result = outcome('applicant_kind', terms({ applicantKinds: ['sme', 'cooperative'] }), facts());
    expect(result.passed).toBe(false);
    expect(result.reason.en).toBe(
      "Applicant kind rural_industry is not among the call's (sme, cooperative).",
    );
    expect(outcome('applicant_kind', terms({ applicantKinds: ['rural_industry'] }), facts()).passed).toBe(
      true,
    );
  });

  it("judges the province by the project's province", () => {
    expect(outcome('province', terms({ provinceCodes: ['66'] }), facts()).passed).toBe(true);
    const refused = outcome('province', terms({ provinceCodes: ['01', '79'] }), facts());
    expect(refused.passed).toBe(false);
    expect(refused.reason.vi).toContain('ngoài phạm vi');
  });

  it('counts the project target groups and the declared priority groups towards the call target groups', () => {
    const call = terms({ targetGroups: ['women_led'] });
    expect(outcome('target_groups', call, facts()).passed).toBe(false);
    expect(
      outcome(
        'target_groups',
        call,
        facts({ project: { published: true, provinceCode: '66', targetGroups: ['women_led'] } }),
      ).passed,
    ).toBe(true);
    expect(outcome('target_groups', call, facts({ priorityGroups: ['women_led'] })).passed).toBe(true);
  });

  it('measures business age on the Vietnamese calendar day, up to the same day N years later', () => {
    const call = terms({ maxBusinessAgeYears: 3 });
    const registered = facts({ businessRegisteredOn: '2023-03-10' });
    // 2026-03-10 is the last day within 3 years, in Vietnam (03:00 UTC is 10:00 there).
    expect(outcome('business_age', call, registered).passed).toBe(true);
    // 17:30 UTC on the 10th is already the 11th in Vietnam.
    const late = outcome('business_age', call, registered, new Date('2026-03-10T17:30:00Z'));
    expect(late.passed).toBe(false);
    expect(late.reason.en).toContain('more than 3 years old on 2026-03-11');
  });

  it('fails business age when no registration date was declared, or one after the submission', () => {
    const call = terms({ maxBusinessAgeYears: 5 });
    expect(outcome('business_age', call, facts({ businessRegisteredOn: null })).reason.en).toContain(
      'no date was declared',
    );
    expect(outcome('business_age', call, facts({ businessRegisteredOn: '2026-04-01' })).passed).toBe(false);
  });

  it('reports a required training as not verifiable yet, failing, while no completion is known', () => {
    const call = terms({ trainingTopic: 'khởi sự kinh doanh' });
    const result = outcome('training_completed', call, facts());
    expect(result.passed).toBe(false);
    expect(result.reason.en).toContain('cannot be verified yet');
    expect(
      outcome('training_completed', call, facts({ completedTrainingTopics: ['khởi sự kinh doanh'] })).passed,
    ).toBe(true);
  });

  it('fails a call requiring a published project when the project is not published, making it ineligible', () => {
    const call = terms({ publishedProjectRequired: true });
    const applicant = facts({ project: { published: false, provinceCode: '66', targetGroups: [] } });
    expect(outcome('published_project', call, applicant).passed).toBe(false);
    expect(isEligible(checkEligibility(call, applicant, ON))).toBe(false);
  });

  it('keeps dates honest at the edges', () => {
    expect(vietnamDateOf(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamDateOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(lastDayWithinAge('2024-02-29', 1)).toBe('2025-02-28');
    expect(lastDayWithinAge('2021-05-17', 5)).toBe('2026-05-17');
  });
});
