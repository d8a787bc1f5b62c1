import {
  ProjectApproved,
  type ProjectApprovedPayload,
  type ProjectEventPayload,
  ProjectUnpublished,
  type ProjectUnpublishedPayload,
  ProjectUpdated,
  type ProjectUpdatedPayload,
  ProjectWithdrawn,
  type ProjectWithdrawnPayload,
} from '@khoinghiep/contracts';
import type { EntityManager } from 'typeorm';
import { PROJECT_FACTS_COLUMNS, type ProjectFactsRow } from '../match-index/scoring-rows.js';
import { foldTerms } from '../scoring/fold-terms.js';
import { CataloguedProject } from './catalogued-project.entity.js';

/** The words of a published project that a thesis is compared with: its title and summary, folded. */
export function termsOfApproval(payload: Pick<ProjectApprovedPayload, 'title' | 'summary'>): string[] {
  return foldTerms(`${payload.title} ${payload.summary}`);
}

// How an event of `projects.events` changes `catalogued_projects`, the same for the running projector and for the
// rebuild that replays the topic. Only forward: an event whose project version is not above the row's changes
// nothing (a replay, or a late event), so the catalogue ends the same whatever the order of delivery.

const NEWER = 'catalogued_projects.last_version < EXCLUDED.last_version';

/** What an event did to the catalogue. */
export interface CatalogueChange {
  /** False when the row was at the event's version or later already. */
  readonly applied: boolean;
  /** The project is published after it. */
  readonly published: boolean;
  /** The facts matching scores, when the event brought them (an approval applied). */
  readonly facts?: ProjectFactsRow;
}

/** A project approved and published: every fact matching scores, replacing older ones (answered as scored). */
export async function publishInCatalogue(
  manager: EntityManager,
  payload: ProjectApprovedPayload,
  at: Date,
): Promise<CatalogueChange> {
  const columns = {
    project_id: payload.projectId,
    owner_id: payload.ownerId,
    published: true,
    title: payload.title,
    summary: payload.summary,
    kind: payload.kind,
    sector: payload.sector,
    stage: payload.stage,
    province_code: payload.provinceCode,
    commune: payload.commune,
    funding_ask: payload.fundingAsk,
    team_size: payload.teamSize,
    target_groups: payload.targetGroups,
    ocop_stars: payload.ocopStars,
    certification_level: payload.certificationLevel,
    shared_contact_fields: payload.sharedContactFields,
    terms: termsOfApproval(payload),
    published_at: new Date(payload.publishedAt),
    last_version: payload.version,
    last_event_type: ProjectApproved.type,
    updated_at: at,
  };
  const names = Object.keys(columns);
  const [facts]: ProjectFactsRow[] = await manager.query(
    `INSERT INTO catalogued_projects AS c (${names.join(', ')})
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (project_id) DO UPDATE SET ${names
       .filter((name) => name !== 'project_id')
       .map((name) => `${name} = EXCLUDED.${name}`)
       .join(', ')}
     WHERE c.last_version < EXCLUDED.last_version
     RETURNING ${PROJECT_FACTS_COLUMNS}`,
    Object.values(columns),
  );
  return facts ? { applied: true, published: true, facts } : { applied: false, published: true };
}

/** A founder edited the project: it stays published only if the event says it still is. */
export const updateInCatalogue = (manager: EntityManager, payload: ProjectUpdatedPayload, at: Date) =>
  moveOn(manager, payload, payload.status === 'published', ProjectUpdated.type, at);

export const unpublishInCatalogue = (manager: EntityManager, payload: ProjectUnpublishedPayload, at: Date) =>
  moveOn(manager, payload, false, ProjectUnpublished.type, at);

export const withdrawInCatalogue = (manager: EntityManager, payload: ProjectWithdrawnPayload, at: Date) =>
  moveOn(manager, payload, false, ProjectWithdrawn.type, at);

/** A catalogue write for a payload its caller has validated against the event's contract. */
type CatalogueWrite = (manager: EntityManager, payload: never, at: Date) => Promise<CatalogueChange>;

/** Each event of `projects.events` the catalogue follows, and how it applies it (for a replay of the topic). */
export const CATALOGUE_WRITES: ReadonlyMap<string, CatalogueWrite> = new Map<string, CatalogueWrite>([
  [ProjectApproved.type, publishInCatalogue],
  [ProjectUpdated.type, updateInCatalogue],
  [ProjectUnpublished.type, unpublishInCatalogue],
  [ProjectWithdrawn.type, withdrawInCatalogue],
]);

/**
 * Moves the project to the event's version without new facts: it stays published only if the event says so (a
 * founder's edit of a published project), and keeps its last facts for the record otherwise. A project first heard
 * of this way is kept by version only, unpublished (there are no facts to match on). Answers whether applied.
 */
async function moveOn(
  manager: EntityManager,
  payload: ProjectEventPayload,
  stillPublished: boolean,
  eventType: string,
  at: Date,
): Promise<CatalogueChange> {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(CataloguedProject)
    .values({
      projectId: payload.projectId,
      ownerId: payload.ownerId,
      published: false,
      targetGroups: [],
      sharedContactFields: [],
      terms: [],
      lastVersion: payload.version,
      lastEventType: eventType,
      updatedAt: at,
    })
    .orUpdate(
      ['last_version', 'last_event_type', 'updated_at', ...(stillPublished ? [] : ['published'])],
      ['project_id'],
      { overwriteCondition: { where: NEWER } },
    )
    .returning(['projectId', 'published'])
    .execute();
  const [row] = result.raw as { published: boolean }[];
  return { applied: row !== undefined, published: row?.published ?? false };
}
