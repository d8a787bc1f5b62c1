import type { AllocationRule, PriorityGroup } from '@khoinghiep/contracts';

/** An eligible submitted application as the ranking sees it. */
export interface RankCandidate {
  applicationId: string;
  submittedAt: Date;
  requested: bigint;
  /** Appraisal weighted mean; null when nobody has scored it. */
  score: number | null;
  priorityGroups: readonly PriorityGroup[];
}

export interface RankedEntry extends RankCandidate {
  position: number;
  /** The priority groups in force it belongs to (the tie-break). */
  priorityMatched: PriorityGroup[];
  reason: { vi: string; en: string };
  cumulativeRequested: bigint;
  covered: boolean;
}

export interface Ranking {
  /** How the list was actually ordered: a `score` call with no score yet is ordered first come. */
  rankedBy: AllocationRule;
  entries: RankedEntry[];
}

const formatScore = (score: number) => score.toFixed(2);

/**
 * Orders a call's eligible submitted applications by its allocation rule: `first_come` by submission time, `score`
 * by appraisal score (highest first, unscored last; first come while nobody is scored). Applications equal on that
 * key go first when they belong to a priority group in force (more groups first); then by submission time, then id,
 * so the order is total and stable. `covered` says whether `remaining` reaches it, counting everything before it.
 */
export function rank(
  candidates: readonly RankCandidate[],
  allocationRule: AllocationRule,
  priorityGroupsInForce: readonly PriorityGroup[],
  remaining: bigint,
): Ranking {
  const rankedBy: AllocationRule =
    allocationRule === 'score' && candidates.some((candidate) => candidate.score !== null)
      ? 'score'
      : 'first_come';
  const matched = (candidate: RankCandidate) =>
    priorityGroupsInForce.filter((group) => candidate.priorityGroups.includes(group));
  const primary = (a: RankCandidate, b: RankCandidate): number => {
    if (rankedBy === 'score') {
      if (a.score === b.score) return 0;
      if (a.score === null) return 1;
      if (b.score === null) return -1;
      return b.score - a.score;
    }
    return a.submittedAt.getTime() - b.submittedAt.getTime();
  };
  const ordered = [...candidates].sort(
    (a, b) =>
      primary(a, b) ||
      matched(b).length - matched(a).length ||
      a.submittedAt.getTime() - b.submittedAt.getTime() ||
      (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
  );

  let cumulative = 0n;
  const entries = ordered.map((candidate, index): RankedEntry => {
    cumulative += candidate.requested;
    const neighbours = [ordered[index - 1], ordered[index + 1]].filter(
      (other): other is RankCandidate => other !== undefined,
    );
    const tied = neighbours.some((other) => primary(candidate, other) === 0);
    const groups = matched(candidate);
    const key =
      rankedBy === 'score'
        ? candidate.score === null
          ? { vi: 'chưa có điểm thẩm định', en: 'no appraisal score yet' }
          : {
              vi: `điểm thẩm định ${formatScore(candidate.score)}`,
              en: `appraisal score ${formatScore(candidate.score)}`,
            }
        : {
            vi: `nộp lúc ${candidate.submittedAt.toISOString()} (nộp trước xếp trước)`,
            en: `submitted at ${candidate.submittedAt.toISOString()} (first come, first ranked)`,
          };
    const fallback =
      allocationRule === 'score' && rankedBy === 'first_come'
        ? {
            vi: '; đợt xét theo điểm nhưng chưa có điểm nào nên xếp theo thứ tự nộp',
            en: '; a score call with no score yet, so ranked first come',
          }
        : { vi: '', en: '' };
    const tie = tied
      ? groups.length > 0
        ? {
            vi: `; bằng nhau, ưu tiên nhóm ${groups.join(', ')}`,
            en: `; tied, priority group ${groups.join(', ')} goes first`,
          }
        : { vi: '; bằng nhau, không thuộc nhóm ưu tiên', en: '; tied, in no priority group' }
      : { vi: '', en: '' };
    return {
      ...candidate,
      position: index + 1,
      priorityMatched: groups,
      reason: {
        vi: `${key.vi}${tie.vi}${fallback.vi}`,
        en: `${key.en}${tie.en}${fallback.en}`,
      },
      cumulativeRequested: cumulative,
      covered: cumulative <= remaining,
    };
  });
  return { rankedBy, entries };
}
