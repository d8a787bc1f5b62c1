import type { ProjectAction, ProjectStatus } from '@khoinghiep/contracts';

/** Actions that move a project from one state to another (an edit keeps the state). */
export type ProjectTransition = Exclude<ProjectAction, 'create' | 'update'>;

interface TransitionRule {
  from: readonly ProjectStatus[];
  to: ProjectStatus;
}

/**
 * The life of a project:
 *
 * ```
 * draft ──submit──▶ submitted ──approve──▶ published ──unpublish──▶ unpublished
 *   ▲                 │  ├──request_revision──▶ revision_requested ──submit──▶ submitted
 *   │                 │  └──reject──▶ rejected
 * withdraw from draft, submitted, revision_requested ──▶ withdrawn
 * ```
 */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectTransition, TransitionRule>> = {
  submit: { from: ['draft', 'revision_requested'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted', 'revision_requested'], to: 'withdrawn' },
  approve: { from: ['submitted'], to: 'published' },
  request_revision: { from: ['submitted'], to: 'revision_requested' },
  reject: { from: ['submitted'], to: 'rejected' },
  unpublish: { from: ['published'], to: 'unpublished' },
};

/** A founder edits a project only while it is theirs to shape: a draft, or one sent back for revision. */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['draft', 'revision_requested'];

/** States from which nothing can happen any more. */
export const FINAL_STATUSES: readonly ProjectStatus[] = ['rejected', 'withdrawn', 'unpublished'];

export type TransitionOutcome =
  | { allowed: true; to: ProjectStatus }
  | { allowed: false; from: ProjectStatus; allowedFrom: readonly ProjectStatus[] };

/** Where `action` takes a project that is `current`, or why it cannot. */
export function transition(current: ProjectStatus, action: ProjectTransition): TransitionOutcome {
  const rule = PROJECT_TRANSITIONS[action];
  return rule.from.includes(current)
    ? { allowed: true, to: rule.to }
    : { allowed: false, from: current, allowedFrom: rule.from };
}

export function isEditable(status: ProjectStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** Every action possible from `status`, for clients that want to show only the buttons that work. */
export function availableTransitions(status: ProjectStatus): ProjectTransition[] {
  return (Object.keys(PROJECT_TRANSITIONS) as ProjectTransition[]).filter((action) =>
    PROJECT_TRANSITIONS[action].from.includes(status),
  );
}
