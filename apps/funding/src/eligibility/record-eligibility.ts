import { ApplicationEligibilityChecked } from '@khoinghiep/contracts';
import type { Transaction } from '@khoinghiep/messaging';
import type { Application } from '../applications/application.entity.js';
import { EligibilityOutcome } from './eligibility-outcome.entity.js';
import type { RuleOutcome } from './eligibility-rules.js';

/**
 * Stores an application's eligibility check rule by rule and records its `eligibility_checked` event, in the
 * submitting transaction. Answers the stored outcomes.
 */
export async function recordEligibility(
  tx: Transaction,
  application: Application,
  results: readonly RuleOutcome[],
  now: Date,
): Promise<EligibilityOutcome[]> {
  const outcomes = results.map((result, position) =>
    Object.assign(new EligibilityOutcome(), {
      applicationId: application.id,
      position,
      rule: result.rule,
      ruleVersion: result.ruleVersion,
      passed: result.passed,
      reasonVi: result.reason.vi,
      reasonEn: result.reason.en,
      checkedAt: now,
    } satisfies Omit<EligibilityOutcome, 'application'>),
  );
  await tx.manager.insert(EligibilityOutcome, outcomes);
  tx.record(ApplicationEligibilityChecked, application.id, {
    applicationId: application.id,
    callId: application.callId,
    projectId: application.projectId,
    applicantId: application.applicantId,
    version: application.version,
    eligible: application.eligible as boolean,
    rules: results.map((result) => result.rule),
    ruleVersions: results.map((result) => result.ruleVersion),
    passed: results.map((result) => result.passed),
    reasonsVi: results.map((result) => result.reason.vi),
    reasonsEn: results.map((result) => result.reason.en),
    checkedAt: now.toISOString(),
  });
  return outcomes;
}
