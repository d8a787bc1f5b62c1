import type { ProjectView } from '@khoinghiep/contracts';
import type { Project } from './project.entity.js';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The API's view of a project. */
export function toProjectView(project: Project): ProjectView {
  return {
    id: project.id,
    ownerId: project.ownerId,
    status: project.status,
    version: project.version,
    title: project.title,
    summary: project.summary,
    description: project.description,
    kind: project.kind,
    sector: project.sector,
    stage: project.stage,
    provinceCode: project.provinceCode,
    commune: project.commune,
    fundingAsk: project.fundingAsk,
    teamSize: project.teamSize,
    targetGroups: project.targetGroups,
    ocopStars: project.ocopStars,
    certificationLevel: project.certificationLevel,
    website: project.website,
    sharedContactFields: project.sharedContactFields,
    lastReviewComment: project.lastReviewComment,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
    submittedAt: iso(project.submittedAt),
    publishedAt: iso(project.publishedAt),
  };
}
