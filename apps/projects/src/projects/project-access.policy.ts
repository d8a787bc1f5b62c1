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
 * - programme officers and admins, once it was submitted (never a draft nobody was shown);
 * - every other signed-in user (investors, other founders, trainers, fund staff) only while it is published.
 *
 * Someone who may not see a project is told it does not exist (`404`), so drafts do not leak.
 */
export function maySee(caller: Caller, project: ProjectVisibilityFacts): boolean {
  if (isOwner(caller, project)) return true;
  if (isOverseer(caller)) return project.firstSubmittedAt !== null;
  return project.status === 'published';
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
