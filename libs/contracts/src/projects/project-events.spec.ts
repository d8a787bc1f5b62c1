import 'reflect-metadata';
import { eventCatalogue } from '../define-event.js';
import { validatePayload } from '../event-validation.js';
import { TOPICS } from '../topics.js';
import {
  PROJECT_EVENTS,
  ProjectApproved,
  ProjectRevisionRequested,
  ProjectSubmitted,
  ProjectUpdated,
} from './project-events.js';

const ids = {
  projectId: '0198f1a2-7c3b-7d4e-8f90-123456789abc',
  ownerId: '0198f1a2-7c3b-7d4e-8f90-123456789abd',
  reviewerId: '0198f1a2-7c3b-7d4e-8f90-123456789abe',
};

const approved = {
  ...ids,
  version: 3,
  title: 'Cà phê đặc sản Buôn Ma Thuột',
  summary: 'Rang xay cà phê Robusta đặc sản.',
  kind: 'innovative_startup',
  sector: 'agriculture_food',
  stage: 'early_revenue',
  provinceCode: '66',
  commune: 'Phường Buôn Ma Thuột',
  fundingAsk: '1500000000',
  teamSize: 6,
  targetGroups: ['women_led'],
  ocopStars: null,
  certificationLevel: null,
  website: null,
  sharedContactFields: ['email'],
  publishedAt: '2025-09-01T08:00:00.000Z',
  comment: null,
};

describe('project event contracts', () => {
  it('puts every project event on projects.events, about a project, at version 1', () => {
    expect(PROJECT_EVENTS.map((event) => event.type)).toEqual([
      'projects.project.submitted',
      'projects.project.approved',
      'projects.project.revision_requested',
      'projects.project.rejected',
      'projects.project.updated',
      'projects.project.withdrawn',
      'projects.project.unpublished',
    ]);
    for (const event of PROJECT_EVENTS) {
      expect(event.topic).toBe(TOPICS.projects.name);
      expect(event.aggregateType).toBe('project');
      expect(event.version).toBe(1);
      expect(eventCatalogue.find(event.type, 1)).toBe(event);
    }
  });

  it('accepts a published project with the fields matching and eligibility need', () => {
    expect(validatePayload(ProjectApproved, approved)).toMatchObject({ ok: true });
  });

  it('refuses money as a number and an unknown field', () => {
    const result = validatePayload(ProjectApproved, { ...approved, fundingAsk: 1500000000, extra: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.join('\n')).toMatch(/fundingAsk/);
      expect(result.problems.join('\n')).toMatch(/extra/);
    }
  });

  it('needs the comment that sends a project back', () => {
    expect(validatePayload(ProjectRevisionRequested, { ...ids, version: 2 }).ok).toBe(false);
    expect(validatePayload(ProjectRevisionRequested, { ...ids, version: 2, comment: 'Bổ sung' }).ok).toBe(
      true,
    );
  });

  it('validates submissions and edits', () => {
    const { reviewerId, ...owner } = ids;
    expect(
      validatePayload(ProjectSubmitted, {
        ...owner,
        version: 2,
        title: 'Du lịch cộng đồng',
        kind: 'household_business',
        sector: 'tourism',
        stage: 'idea',
        provinceCode: '15',
        fundingAsk: '0',
        submittedAt: '2025-09-01T08:00:00.000Z',
        resubmission: false,
      }).ok,
    ).toBe(true);
    expect(
      validatePayload(ProjectUpdated, { ...owner, version: 2, status: 'draft', changedFields: ['title'] }).ok,
    ).toBe(true);
  });
});
