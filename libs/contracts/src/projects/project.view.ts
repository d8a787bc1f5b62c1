import type {
  CertificationLevel,
  ContactField,
  ProjectAction,
  ProjectKind,
  ProjectSector,
  ProjectStage,
  ProjectStatus,
  TargetGroup,
} from './project-vocabulary.js';

/** A project as the API returns it. Money is a string of whole đồng; times are ISO-8601 UTC. */
export interface ProjectView {
  id: string;
  ownerId: string;
  status: ProjectStatus;
  /** Increases with every change; send it back (`If-Match` or `version`) with the next change. */
  version: number;
  title: string;
  summary: string;
  description: string;
  kind: ProjectKind;
  sector: ProjectSector;
  stage: ProjectStage;
  provinceCode: string;
  commune: string;
  fundingAsk: string;
  teamSize: number;
  targetGroups: TargetGroup[];
  ocopStars: number | null;
  certificationLevel: CertificationLevel | null;
  website: string | null;
  sharedContactFields: ContactField[];
  /** The last officer's comment when a revision was asked for or the project rejected or unpublished. */
  lastReviewComment: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

/** One page of a list; `nextCursor` is `null` on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One entry of a project's history (audit trail): what happened, who did it, when and why. */
export interface ProjectHistoryEntryView {
  id: string;
  projectId: string;
  action: ProjectAction;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus;
  /** Version of the project after the change. */
  version: number;
  actor: { userId: string | null; roles: string[] };
  /** The comment or reason given, if any. */
  comment: string | null;
  /** Fields an edit changed. */
  changedFields: string[];
  occurredAt: string;
}

/** A province or centrally-run city, as served by `GET /reference/provinces`. */
export interface ProvinceView {
  code: string;
  name: string;
  nameEn: string;
  kind: 'city' | 'province';
  formerly: string[];
  effectiveFrom: string;
}
