import type { ApplicantKind, PriorityGroup, TargetGroup } from '@khoinghiep/contracts';
import type { CallTerms } from './call-terms.js';

/** The eligibility rules a call can set, in the order they are explained. */
export const ELIGIBILITY_RULES = [
  'published_project',
  'applicant_kind',
  'province',
  'target_groups',
  'business_age',
  'training_completed',
  'support_ceiling',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/** One rule applied: passed or not, and why, in Vietnamese and English. */
export interface RuleOutcome {
  rule: EligibilityRule;
  ruleVersion: string;
  passed: boolean;
  reason: { vi: string; en: string };
}

/** What eligibility is judged on: the applicant's declarations and what funding knows of the project. */
export interface ApplicantFacts {
  applicantKind: ApplicantKind;
  /** `YYYY-MM-DD` or null when not declared. */
  businessRegisteredOn: string | null;
  priorityGroups: readonly PriorityGroup[];
  project: { published: boolean; provinceCode: string | null; targetGroups: readonly TargetGroup[] };
  /** Training topics the applicant is known to have completed (none while no training service publishes them). */
  completedTrainingTopics: readonly string[];
}

/** The version of a call's eligibility rules, as outcomes record it. */
export function callRuleVersion(terms: Pick<CallTerms, 'callId' | 'version'>): string {
  return `call:${terms.callId}@v${terms.version}`;
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) of an instant, `YYYY-MM-DD`. */
export function vietnamDateOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The last day a business registered on `registeredOn` is at most `years` old: the same day `years` later (29 Feb
 * becomes 28 Feb in a common year).
 */
export function lastDayWithinAge(registeredOn: string, years: number): string {
  const [year, month, day] = registeredOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

const list = (values: readonly string[]) => values.join(', ');

function passed(rule: EligibilityRule, version: string, vi: string, en: string): RuleOutcome {
  return { rule, ruleVersion: version, passed: true, reason: { vi, en } };
}

function failed(rule: EligibilityRule, version: string, vi: string, en: string): RuleOutcome {
  return { rule, ruleVersion: version, passed: false, reason: { vi, en } };
}

function publishedProject(terms: CallTerms, facts: ApplicantFacts, version: string): RuleOutcome {
  const rule = 'published_project';
  if (!terms.eligibility.publishedProjectRequired)
    return passed(
      rule,
      version,
      'Đợt không yêu cầu dự án đã công bố.',
      'The call does not require a published project.',
    );
  return facts.project.published
    ? passed(rule, version, 'Dự án đang được công bố.', 'The project is published.')
    : failed(rule, version, 'Dự án không còn được công bố.', 'The project is no longer published.');
}

function applicantKind(terms: CallTerms, facts: ApplicantFacts, version: string): RuleOutcome {
  const rule = 'applicant_kind';
  const allowed = terms.eligibility.applicantKinds;
  if (allowed.length === 0)
    return passed(
      rule,
      version,
      'Đợt không giới hạn loại hình.',
      'The call accepts every kind of applicant.',
    );
  return allowed.includes(facts.applicantKind)
    ? passed(
        rule,
        version,
        `Loại hình ${facts.applicantKind} thuộc các loại hình của đợt (${list(allowed)}).`,
        `Applicant kind ${facts.applicantKind} is among the call's (${list(allowed)}).`,
      )
    : failed(
        rule,
        version,
        `Loại hình ${facts.applicantKind} không thuộc các loại hình của đợt (${list(allowed)}).`,
        `Applicant kind ${facts.applicantKind} is not among the call's (${list(allowed)}).`,
      );
}

function province(terms: CallTerms, facts: ApplicantFacts, version: string): RuleOutcome {
  const rule = 'province';
  const allowed = terms.eligibility.provinceCodes;
  if (allowed.length === 0)
    return passed(rule, version, 'Đợt không giới hạn tỉnh, thành phố.', 'The call accepts every province.');
  const code = facts.project.provinceCode;
  return code !== null && allowed.includes(code)
    ? passed(
        rule,
        version,
        `Dự án ở tỉnh có mã ${code}, thuộc phạm vi của đợt (${list(allowed)}).`,
        `The project is in province ${code}, within the call's (${list(allowed)}).`,
      )
    : failed(
        rule,
        version,
        `Dự án ở tỉnh có mã ${code ?? '?'}, ngoài phạm vi của đợt (${list(allowed)}).`,
        `The project is in province ${code ?? '?'}, outside the call's (${list(allowed)}).`,
      );
}

function targetGroups(terms: CallTerms, facts: ApplicantFacts, version: string): RuleOutcome {
  const rule = 'target_groups';
  const wanted = terms.eligibility.targetGroups;
  if (wanted.length === 0)
    return passed(rule, version, 'Đợt không giới hạn đối tượng.', 'The call accepts every target group.');
  const own = [...new Set<string>([...facts.project.targetGroups, ...facts.priorityGroups])];
  const shared = own.filter((group) => wanted.includes(group));
  return shared.length > 0
    ? passed(
        rule,
        version,
        `Thuộc đối tượng của đợt: ${list(shared)}.`,
        `Belongs to the call's target groups: ${list(shared)}.`,
      )
    : failed(
        rule,
        version,
        `Không thuộc đối tượng nào của đợt (${list(wanted)}); dự án và người nộp: ${own.length > 0 ? list(own) : 'không có'}.`,
        `Belongs to none of the call's target groups (${list(wanted)}); project and applicant: ${own.length > 0 ? list(own) : 'none'}.`,
      );
}

function businessAge(terms: CallTerms, facts: ApplicantFacts, version: string, today: string): RuleOutcome {
  const rule = 'business_age';
  const years = terms.eligibility.maxBusinessAgeYears;
  if (years === null)
    return passed(
      rule,
      version,
      'Đợt không giới hạn tuổi doanh nghiệp.',
      'The call sets no maximum business age.',
    );
  const registered = facts.businessRegisteredOn;
  if (registered === null)
    return failed(
      rule,
      version,
      `Đợt yêu cầu đăng ký kinh doanh lần đầu không quá ${years} năm, nhưng ngày đăng ký chưa được khai.`,
      `The call requires a first business registration at most ${years} years ago, but no date was declared.`,
    );
  if (registered > today)
    return failed(
      rule,
      version,
      `Ngày đăng ký kinh doanh ${registered} ở sau ngày nộp ${today}.`,
      `The business registration date ${registered} is after the submission date ${today}.`,
    );
  const lastDay = lastDayWithinAge(registered, years);
  return today <= lastDay
    ? passed(
        rule,
        version,
        `Đăng ký kinh doanh ngày ${registered}: đến ngày nộp ${today} chưa quá ${years} năm.`,
        `Registered on ${registered}: at most ${years} years old on ${today}.`,
      )
    : failed(
        rule,
        version,
        `Đăng ký kinh doanh ngày ${registered}: đến ngày nộp ${today} đã quá ${years} năm (hạn cuối ${lastDay}).`,
        `Registered on ${registered}: more than ${years} years old on ${today} (last day ${lastDay}).`,
      );
}

function trainingCompleted(terms: CallTerms, facts: ApplicantFacts, version: string): RuleOutcome {
  const rule = 'training_completed';
  const topic = terms.eligibility.trainingTopic;
  if (topic === null)
    return passed(
      rule,
      version,
      'Đợt không yêu cầu đã hoàn thành khóa tập huấn.',
      'The call requires no training.',
    );
  return facts.completedTrainingTopics.includes(topic)
    ? passed(
        rule,
        version,
        `Đã hoàn thành khóa tập huấn về "${topic}".`,
        `Completed a training on "${topic}".`,
      )
    : failed(
        rule,
        version,
        `Đợt yêu cầu đã hoàn thành khóa tập huấn về "${topic}", nhưng chưa thể xác minh: dịch vụ đào tạo chưa công bố kết quả hoàn thành.`,
        `The call requires a completed training on "${topic}", which cannot be verified yet: the training service does not publish completions.`,
      );
}

/**
 * Applies every eligibility rule of a call to an applicant, on the Vietnamese calendar day of `on`. Each rule is
 * explained, including the ones the call leaves open; the application is eligible when every rule passed.
 */
export function checkEligibility(terms: CallTerms, facts: ApplicantFacts, on: Date): RuleOutcome[] {
  const version = callRuleVersion(terms);
  const today = vietnamDateOf(on);
  return [
    publishedProject(terms, facts, version),
    applicantKind(terms, facts, version),
    province(terms, facts, version),
    targetGroups(terms, facts, version),
    businessAge(terms, facts, version, today),
    trainingCompleted(terms, facts, version),
  ];
}

export const isEligible = (outcomes: readonly RuleOutcome[]): boolean =>
  outcomes.every((outcome) => outcome.passed);
