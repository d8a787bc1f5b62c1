import type { ApplicantKind, CallStatus, SupportCategory } from '@khoinghiep/contracts';

/** What a funding call says about who may apply; an empty list or null means "no restriction". */
export interface CallEligibilityRules {
  applicantKinds: readonly ApplicantKind[];
  provinceCodes: readonly string[];
  /** Target or priority groups, at least one of which the applicant must belong to. */
  targetGroups: readonly string[];
  publishedProjectRequired: boolean;
  /** Topic of a training the applicant must have completed, or null. */
  trainingTopic: string | null;
  maxBusinessAgeYears: number | null;
}

/** The terms of a call that applications depend on, read in the application's transaction. */
export interface CallTerms {
  callId: string;
  /** The call's version: eligibility outcomes name it as the version of the rules applied. */
  version: number;
  status: CallStatus;
  /** The announced window: applications are taken from `opensAt` until `closesAt`, while the call is open. */
  opensAt: Date;
  closesAt: Date;
  allowedCategories: readonly SupportCategory[];
  eligibility: CallEligibilityRules;
}

/**
 * Reads the terms of a call (the calls table belongs to the calls feature). `lock` takes a share lock on the call
 * row, so the call cannot close or change its rules while an application is being submitted to it.
 */
export abstract class CallDirectory {
  abstract termsOf(callId: string, options?: { lock: boolean }): Promise<CallTerms | null>;
}
