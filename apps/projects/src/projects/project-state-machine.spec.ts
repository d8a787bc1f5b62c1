import { PROJECT_STATUSES, type ProjectStatus } from '@khoinghiep/contracts';
import {
  availableTransitions,
  FINAL_STATUSES,
  isEditable,
  PROJECT_TRANSITIONS,
  type ProjectTransition,
  transition,
} from './project-state-machine.js';

const LEGAL: ReadonlyArray<[ProjectStatus, ProjectTransition, ProjectStatus]> = [
  ['draft', 'submit', 'submitted'],
  ['revision_requested', 'submit', 'submitted'],
  ['submitted', 'approve', 'published'],
  ['submitted', 'request_revision', 'revision_requested'],
  ['submitted', 'reject', 'rejected'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['revision_requested', 'withdraw', 'withdrawn'],
  ['published', 'unpublish', 'unpublished'],
];

describe('project state machine', () => {
  it.each(LEGAL)('moves a %s project to %s → %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ allowed: true, to });
  });

  const everyPair = PROJECT_STATUSES.flatMap((status) =>
    (Object.keys(PROJECT_TRANSITIONS) as ProjectTransition[]).map((action) => [status, action] as const),
  );
  const illegal = everyPair.filter(
    ([status, action]) => !LEGAL.some(([f, a]) => f === status && a === action),
  );

  it.each(illegal)('refuses %s → %s and names the current state', (status, action) => {
    const outcome = transition(status, action);
    expect(outcome.allowed).toBe(false);
    if (!outcome.allowed) {
      expect(outcome.from).toBe(status);
      expect(outcome.allowedFrom).toEqual(PROJECT_TRANSITIONS[action].from);
    }
  });

  it('covers every pair of state and action exactly once between the legal and illegal lists', () => {
    expect(LEGAL.length + illegal.length).toBe(
      PROJECT_STATUSES.length * Object.keys(PROJECT_TRANSITIONS).length,
    );
  });

  it('lets the founder edit only drafts and projects sent back for revision', () => {
    expect(PROJECT_STATUSES.filter(isEditable)).toEqual(['draft', 'revision_requested']);
  });

  it('offers no way out of rejected, withdrawn and unpublished projects', () => {
    for (const status of FINAL_STATUSES) expect(availableTransitions(status)).toEqual([]);
  });

  it('never lets a project skip review on its way to publication', () => {
    const publishers = (Object.keys(PROJECT_TRANSITIONS) as ProjectTransition[]).filter(
      (action) => PROJECT_TRANSITIONS[action].to === 'published',
    );
    expect(publishers).toEqual(['approve']);
    expect(PROJECT_TRANSITIONS.approve.from).toEqual(['submitted']);
  });
});
