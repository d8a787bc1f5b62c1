import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { defineEvent } from '../define-event.js';
import { TOPICS } from '../topics.js';
import {
  CERTIFICATION_LEVELS,
  type CertificationLevel,
  CONTACT_FIELDS,
  type ContactField,
  MONEY_PATTERN,
  PROJECT_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  PROJECT_TEXT_LIMITS,
  type ProjectKind,
  type ProjectSector,
  type ProjectStage,
  type ProjectStatus,
  TARGET_GROUPS,
  type TargetGroup,
} from './project-vocabulary.js';
import { PROVINCE_CODES } from './provinces.js';

// Events of the projects service on `projects.events`, keyed by project id. The envelope already says who acted
// (actor) and when (occurredAt); payloads repeat the officer's id where a consumer needs it as data.
// Changing a payload incompatibly means a new contract with the next version, never an edit of these.

const Nullable = () => ValidateIf((_object: unknown, value: unknown) => value !== null);
const AGGREGATE = 'project';

/** What every project event says: which project, whose, and its version after the change. */
export class ProjectEventPayload {
  @IsUUID()
  projectId!: string;

  @IsUUID()
  ownerId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

/** A founder submitted a project for review (for the first time or after a revision). */
export class ProjectSubmittedPayload extends ProjectEventPayload {
  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.title.max)
  title!: string;

  @IsIn(PROJECT_KINDS)
  kind!: ProjectKind;

  @IsIn(PROJECT_SECTORS)
  sector!: ProjectSector;

  @IsIn(PROJECT_STAGES)
  stage!: ProjectStage;

  @IsIn(PROVINCE_CODES)
  provinceCode!: string;

  @Matches(MONEY_PATTERN)
  fundingAsk!: string;

  @IsISO8601({ strict: true })
  submittedAt!: string;

  /** True when the project comes back after a revision was asked for. */
  @IsBoolean()
  resubmission!: boolean;
}

export const ProjectSubmitted = defineEvent({
  topic: TOPICS.projects.name,
  type: 'projects.project.submitted',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ProjectSubmittedPayload,
});

/**
 * An officer approved a project and it is published. Carries what matching and funding eligibility need, so they
 * never ask the projects service.
 */
export class ProjectApprovedPayload extends ProjectEventPayload {
  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.title.max)
  title!: string;

  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.summary.max)
  summary!: string;

  @IsIn(PROJECT_KINDS)
  kind!: ProjectKind;

  @IsIn(PROJECT_SECTORS)
  sector!: ProjectSector;

  @IsIn(PROJECT_STAGES)
  stage!: ProjectStage;

  @IsIn(PROVINCE_CODES)
  provinceCode!: string;

  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.commune.max)
  commune!: string;

  /** Whole đồng as an integer string. */
  @Matches(MONEY_PATTERN)
  fundingAsk!: string;

  @IsInt()
  @Min(1)
  teamSize!: number;

  @IsArray()
  @ArrayUnique()
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups!: TargetGroup[];

  @Nullable()
  @IsInt()
  @Min(3)
  @Max(5)
  ocopStars!: number | null;

  @Nullable()
  @IsIn(CERTIFICATION_LEVELS)
  certificationLevel!: CertificationLevel | null;

  @Nullable()
  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.website.max)
  website!: string | null;

  @IsArray()
  @ArrayUnique()
  @IsIn(CONTACT_FIELDS, { each: true })
  sharedContactFields!: ContactField[];

  @IsISO8601({ strict: true })
  publishedAt!: string;

  @IsUUID()
  reviewerId!: string;

  @Nullable()
  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.comment.max)
  comment!: string | null;
}

export const ProjectApproved = defineEvent({
  topic: TOPICS.projects.name,
  type: 'projects.project.approved',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ProjectApprovedPayload,
});

/** An officer sent a project back to its founder with a comment. */
export class ProjectRevisionRequestedPayload extends ProjectEventPayload {
  @IsUUID()
  reviewerId!: string;

  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.comment.max)
  comment!: string;
}

export const ProjectRevisionRequested = defineEvent({
  topic: TOPICS.projects.name,
  type: 'projects.project.revision_requested',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ProjectRevisionRequestedPayload,
});

/** An officer rejected a project, with the reason. */
export class ProjectRejectedPayload extends ProjectEventPayload {
  @IsUUID()
  reviewerId!: string;

  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.comment.max)
  reason!: string;
}

export const ProjectRejected = defineEvent({
  topic: TOPICS.projects.name,
  type: 'projects.project.rejected',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ProjectRejectedPayload,
});

/** A founder edited a draft or a project sent back for revision. */
export class ProjectUpdatedPayload extends ProjectEventPayload {
  @IsIn(PROJECT_STATUSES)
  status!: ProjectStatus;

  /** Names of the fields the edit changed. */
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  changedFields!: string[];
}

export const ProjectUpdated = defineEvent({
  topic: TOPICS.projects.name,
  type: 'projects.project.updated',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ProjectUpdatedPayload,
});

/** A founder withdrew a project before a decision. */
export class ProjectWithdrawnPayload extends ProjectEventPayload {
  @IsIn(PROJECT_STATUSES)
  previousStatus!: ProjectStatus;

  @Nullable()
  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.reason.max)
  reason!: string | null;
}

export const ProjectWithdrawn = defineEvent({
  topic: TOPICS.projects.name,
  type: 'projects.project.withdrawn',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ProjectWithdrawnPayload,
});

/** An officer took a published project down; matching must stop showing it. */
export class ProjectUnpublishedPayload extends ProjectEventPayload {
  @IsUUID()
  officerId!: string;

  @IsString()
  @MaxLength(PROJECT_TEXT_LIMITS.reason.max)
  reason!: string;
}

export const ProjectUnpublished = defineEvent({
  topic: TOPICS.projects.name,
  type: 'projects.project.unpublished',
  version: 1,
  aggregateType: AGGREGATE,
  payload: ProjectUnpublishedPayload,
});

/** Every event the projects service publishes. */
export const PROJECT_EVENTS = [
  ProjectSubmitted,
  ProjectApproved,
  ProjectRevisionRequested,
  ProjectRejected,
  ProjectUpdated,
  ProjectWithdrawn,
  ProjectUnpublished,
] as const;
