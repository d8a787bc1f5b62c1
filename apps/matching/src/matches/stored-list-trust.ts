import type { EntityManager } from 'typeorm';

/**
 * Whether a stored best list may serve pages, as the match index records it (ADR 0024): built with the weights in
 * force, not waiting for a refill (a removal left it short, or the weights changed), and for an investor, built from
 * the profile as it is now (the index applies a profile change after it is committed, from its event). A list
 * without a record has never been built. Anything else: the page is scored on demand, which is always right.
 */
export async function investorListIsCurrent(
  manager: EntityManager,
  investorId: string,
  profileRevision: string,
  weightsVersionId: string,
): Promise<boolean> {
  const [list] = (await manager.query(
    `SELECT l.active, l.profile_revision AS "profileRevision", l.weights_version_id AS "weightsVersionId",
       EXISTS (SELECT 1 FROM match_refills r WHERE r.side = 'investor' AND r.owner_id = l.investor_id) AS "refilling"
     FROM investor_match_lists l WHERE l.investor_id = $1`,
    [investorId],
  )) as {
    active: boolean;
    profileRevision: string | null;
    weightsVersionId: string | null;
    refilling: boolean;
  }[];
  if (list === undefined) return false;
  return (
    list.active &&
    !list.refilling &&
    list.profileRevision === profileRevision &&
    list.weightsVersionId === weightsVersionId
  );
}

/** The same for a published project's list of investors (its facts and its list change in one transaction). */
export async function projectListIsCurrent(
  manager: EntityManager,
  projectId: string,
  weightsVersionId: string,
): Promise<boolean> {
  const [list] = (await manager.query(
    `SELECT p.list_weights_version_id AS "weightsVersionId",
       EXISTS (SELECT 1 FROM match_refills r WHERE r.side = 'project' AND r.owner_id = p.project_id) AS "refilling"
     FROM catalogued_projects p WHERE p.project_id = $1 AND p.published`,
    [projectId],
  )) as { weightsVersionId: string | null; refilling: boolean }[];
  return list !== undefined && !list.refilling && list.weightsVersionId === weightsVersionId;
}
