import type { ApplicationView, BudgetLineView } from '@khoinghiep/contracts';
import { type ApplicationAggregate, effectivePriorityGroups } from './application-aggregate.js';
import { totalsOf } from './budget-arithmetic.js';

const NOT_CHECKED = {
  vi: 'Chưa xét điều kiện: việc xét chạy tự động khi nộp.',
  en: 'Not checked yet: eligibility runs automatically on submission.',
};
const ELIGIBLE = {
  vi: 'Đủ điều kiện: mọi điều kiện của đợt đều đạt.',
  en: 'Eligible: every rule of the call passed.',
};
const INELIGIBLE = {
  vi: 'Không đủ điều kiện: đề án vẫn được nộp nhưng không thể được phê duyệt. Xem các điều kiện không đạt.',
  en: 'Ineligible: the application stays submitted but can never be approved. See the rules that failed.',
};

export function toApplicationView(aggregate: ApplicationAggregate): ApplicationView {
  const { application: a, lines, attachments, outcomes } = aggregate;
  const ordered = [...lines].sort((x, y) => x.position - y.position);
  const totals = totalsOf(
    ordered.map((line) => ({
      category: line.category,
      cost: BigInt(line.cost),
      requested: BigInt(line.requested),
      ownContribution: BigInt(line.ownContribution),
    })),
  );
  return {
    id: a.id,
    callId: a.callId,
    projectId: a.projectId,
    projectTitle: aggregate.projectTitle,
    applicantId: a.applicantId,
    kind: a.kind,
    status: a.status,
    version: a.version,
    applicantKind: a.applicantKind,
    businessRegisteredOn: a.businessRegisteredOn,
    declaredPriorityGroups: a.declaredPriorityGroups,
    priorityGroups: effectivePriorityGroups(a.declaredPriorityGroups, aggregate.projectTargetGroups),
    budgetLines: ordered.map(
      (line): BudgetLineView => ({
        category: line.category,
        description: line.description,
        cost: line.cost,
        requested: line.requested,
        ownContribution: line.ownContribution,
      }),
    ),
    coFinancing: {
      central: a.coFinancingCentral,
      provincial: a.coFinancingProvincial,
      own: a.coFinancingOwn,
    },
    totals: {
      cost: totals.cost.toString(),
      requested: totals.requested.toString(),
      ownContribution: totals.ownContribution.toString(),
    },
    attachments: [...attachments]
      .sort((x, y) => x.position - y.position)
      .map((file) => ({
        name: file.name,
        mediaType: file.mediaType,
        sizeBytes: Number(file.sizeBytes),
        sha256: file.sha256,
      })),
    eligibility: {
      eligible: a.eligible,
      checkedAt: a.eligibilityCheckedAt?.toISOString() ?? null,
      outcomes: [...outcomes]
        .sort((x, y) => x.position - y.position)
        .map((outcome) => ({
          rule: outcome.rule,
          ruleVersion: outcome.ruleVersion,
          passed: outcome.passed,
          reason: { vi: outcome.reasonVi, en: outcome.reasonEn },
        })),
      summary: a.eligible === null ? NOT_CHECKED : a.eligible ? ELIGIBLE : INELIGIBLE,
    },
    withdrawalReason: a.withdrawalReason,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
  };
}
