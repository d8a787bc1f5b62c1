import type { MatchWeights } from './match-inputs.js';
import {
  exclusionOf,
  placePoints,
  qualityPoints,
  sectorPoints,
  stagePoints,
  targetGroupPoints,
  thesisPoints,
  trainingPoints,
} from './match-rules.js';
import type { PreparedInvestor, PreparedProject } from './prepared.js';

/**
 * The score of a pair, 0..100 with two decimals, or null when a hard filter excludes the project (see
 * `match-rules.ts`). Allocates nothing: it runs on every pair of a rescore.
 */
export function scoreMatch(
  investor: PreparedInvestor,
  project: PreparedProject,
  weights: MatchWeights,
): number | null {
  if (exclusionOf(investor, project) !== null) return null;
  const points = weights.points;
  return (
    (sectorPoints(investor, project, points.sector) +
      stagePoints(investor, project, points.stage) +
      placePoints(investor, project, points.province_region) +
      targetGroupPoints(investor, project, points.target_groups) +
      qualityPoints(project, points.ocop_certification) +
      thesisPoints(investor, project, points.thesis_text) +
      trainingPoints(project, points.training)) /
    100
  );
}
