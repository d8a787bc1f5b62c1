import { PROJECT_STATUSES, type ProjectStatus } from '@khoinghiep/contracts';
import {
  type Caller,
  listableStatuses,
  mayCreateProjects,
  mayReview,
  maySee,
  type ProjectVisibilityFacts,
  visibilityCondition,
  visibilityFor,
} from './project-access.policy.js';

const founder: Caller = { userId: 'founder-1', roles: ['founder'] };
const otherFounder: Caller = { userId: 'founder-2', roles: ['founder'] };
const investor: Caller = { userId: 'investor-1', roles: ['investor'] };
const officer: Caller = { userId: 'officer-1', roles: ['programme_officer'] };
const admin: Caller = { userId: 'admin-1', roles: ['admin'] };
const fundOfficer: Caller = { userId: 'fund-1', roles: ['fund_officer'] };

const project = (status: ProjectStatus, submitted = status !== 'draft'): ProjectVisibilityFacts => ({
  ownerId: founder.userId,
  status,
  firstSubmittedAt: submitted ? new Date('2025-09-01T00:00:00Z') : null,
});

describe('who may see a project', () => {
  it.each(PROJECT_STATUSES)('shows a %s project to its founder', (status) => {
    expect(maySee(founder, project(status))).toBe(true);
  });

  it.each(PROJECT_STATUSES)('shows another founder a %s project only when published', (status) => {
    expect(maySee(otherFounder, project(status))).toBe(status === 'published');
  });

  it.each(PROJECT_STATUSES)('shows an investor a %s project only when published', (status) => {
    expect(maySee(investor, project(status))).toBe(status === 'published');
    expect(maySee(fundOfficer, project(status))).toBe(status === 'published');
  });

  it('hides drafts from officers and admins, including drafts withdrawn before anyone saw them', () => {
    expect(maySee(officer, project('draft'))).toBe(false);
    expect(maySee(admin, project('draft'))).toBe(false);
    expect(maySee(officer, project('withdrawn', false))).toBe(false);
  });

  it('shows officers and admins every project that was submitted once', () => {
    for (const status of PROJECT_STATUSES.filter((s) => s !== 'draft')) {
      expect(maySee(officer, project(status, true))).toBe(true);
      expect(maySee(admin, project(status, true))).toBe(true);
    }
  });
});

describe('who may do what', () => {
  it('lets only founders create projects', () => {
    expect(mayCreateProjects(founder)).toBe(true);
    for (const caller of [investor, officer, admin, fundOfficer])
      expect(mayCreateProjects(caller)).toBe(false);
  });

  it('lets only programme officers review', () => {
    expect(mayReview(officer)).toBe(true);
    for (const caller of [founder, investor, admin, fundOfficer]) expect(mayReview(caller)).toBe(false);
  });

  it('never lists drafts in the catalogue, and lists only published projects to non-staff', () => {
    expect(listableStatuses(investor)).toEqual(['published']);
    expect(listableStatuses(founder)).toEqual(['published']);
    expect(listableStatuses(officer)).not.toContain('draft');
    expect(listableStatuses(admin)).toContain('unpublished');
  });
});

describe('the visibility rule rendered for lists', () => {
  it('renders staff visibility as "own or submitted once", with the caller as a parameter', () => {
    expect(visibilityCondition(visibilityFor(officer), 'p')).toEqual({
      sql: '(p.ownerId = :visibleToOwner OR p.firstSubmittedAt IS NOT NULL)',
      params: { visibleToOwner: officer.userId },
    });
  });

  it('renders everyone else as "own or published"', () => {
    for (const caller of [founder, investor, fundOfficer]) {
      expect(visibilityCondition(visibilityFor(caller), 'q')).toEqual({
        sql: "(q.ownerId = :visibleToOwner OR q.status = 'published')",
        params: { visibleToOwner: caller.userId },
      });
    }
  });
});
