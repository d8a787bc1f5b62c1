import type { ProjectStatus } from '@khoinghiep/contracts';

/** Whoever makes a request, as proven by their access token. */
export interface Caller {
  userId: string;
  roles: readonly string[];
}

/** The facts about a project that decide who may see it. */
export interface ProjectVisibilityFacts {
  ownerId: string;
  status: ProjectStatus;
  /** Set once the founder first submitted it; a project never submitted is private to its founder. */
  firstSubmittedAt: Date | null;
}

const REVIEWERS = ['programme_officer'] as const;
/** Staff who may look at every project that has entered review (read only, unless they are reviewers). */
const OVERSEERS = ['programme_officer', 'admin'] as const;

const hasAnyRole = (caller: Caller, roles: readonly string[]) =>
  caller.roles.some((role) => roles.includes(role));

export function isOwner(caller: Caller, project: Pick<ProjectVisibilityFacts, 'ownerId'>): boolean {
  return caller.userId === project.ownerId;
}

/** Only founders create projects. */
export function mayCreateProjects(caller: Caller): boolean {
  return hasAnyRole(caller, ['founder']);
}

/** Only programme officers review, publish and unpublish. */
export function mayReview(caller: Caller): boolean {
  return hasAnyRole(caller, REVIEWERS);
}

export function isOverseer(caller: Caller): boolean {
  return hasAnyRole(caller, OVERSEERS);
}

/**
 * Who sees a project:
 * - its founder, always;
 * - programme officers and admins, once it was submitted (never a draft nobody was shown, even one withdrawn
 *   before it was ever submitted);
 * - every other signed-in user (investors, other founders, trainers, fund staff) only while it is published.
 *
 * Held as data so that single reads evaluate it (`maySee`) and lists render it as SQL (`visibilityCondition`):
 * one rule, so a list can never show what a single read hides. Someone who may not see a project is told it
 * does not exist (`404`), so drafts do not leak.
 */
export interface Visibility {
  /** The caller's own projects are always visible. */
  ownerId: string;
  /** Which projects of others are visible: those submitted at least once, or only published ones. */
  others: 'onceSubmitted' | 'published';
}

export function visibilityFor(caller: Caller): Visibility {
  return { ownerId: caller.userId, others: isOverseer(caller) ? 'onceSubmitted' : 'published' };
}

export function isVisible(visibility: Visibility, project: ProjectVisibilityFacts): boolean {
  if (project.ownerId === visibility.ownerId) return true;
  return visibility.others === 'onceSubmitted'
    ? project.firstSubmittedAt !== null
    : project.status === 'published';
}

export function maySee(caller: Caller, project: ProjectVisibilityFacts): boolean {
  return isVisible(visibilityFor(caller), project);
}

/** A condition for a TypeORM query builder: SQL over the entity's properties and its named parameters. */
export interface QueryCondition {
  sql: string;
  params: Record<string, string>;
}

/** `isVisible` as the SQL condition of a query over projects aliased `alias`. */
export function visibilityCondition(visibility: Visibility, alias: string): QueryCondition {
  // Literal, not a parameter: the planner then matches the partial index on published rows.
  const others =
    visibility.others === 'onceSubmitted'
      ? `${alias}.firstSubmittedAt IS NOT NULL`
      : `${alias}.status = 'published'`;
  return {
    sql: `(${alias}.ownerId = :visibleToOwner OR ${others})`,
    params: { visibleToOwner: visibility.ownerId },
  };
}

/**
 * Statuses a caller may list in the catalogue (`GET /projects`) beside their own projects: officers and admins every
 * status a submitted project can have, everyone else only `published`.
 */
export function listableStatuses(caller: Caller): readonly ProjectStatus[] {
  return isOverseer(caller)
    ? ['submitted', 'revision_requested', 'published', 'rejected', 'withdrawn', 'unpublished']
    : ['published'];
}
