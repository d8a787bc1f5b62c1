import type { PriorityGroup, TargetGroup } from '@khoinghiep/contracts';
import type { EligibilityOutcome } from '../eligibility/eligibility-outcome.entity.js';
import type { Application } from './application.entity.js';
import type { Attachment } from './attachment.entity.js';
import type { BudgetLine } from './budget-line.entity.js';

/** An application with its parts, as read for a view. */
export interface ApplicationAggregate {
  application: Application;
  lines: BudgetLine[];
  attachments: Attachment[];
  outcomes: EligibilityOutcome[];
  projectTitle: string;
  projectTargetGroups: TargetGroup[];
}

/**
 * The priority groups that apply: those declared, and women_led when the project names it among its target groups
 * (Decree 80/2021; Decree 235/2025 for khuyến công).
 */
export function effectivePriorityGroups(
  declared: readonly PriorityGroup[],
  projectTargetGroups: readonly TargetGroup[],
): PriorityGroup[] {
  const groups = new Set<PriorityGroup>(declared);
  if (projectTargetGroups.includes('women_led')) groups.add('women_led');
  return [...groups].sort();
}
