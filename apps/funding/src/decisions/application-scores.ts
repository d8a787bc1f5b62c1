import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Where `score` calls get their appraisal scores: each application's weighted mean, or null when nobody has scored
 * it. Appraisal (another feature) provides it as `AppraisalSummaries`; until it is wired in, `NoApplicationScores`
 * answers null for every application and `score` calls are ranked first come (the ranking says so).
 */
export abstract class ApplicationScores {
  abstract weightedMeans(
    applicationIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, number | null>>;
}

@Injectable()
export class NoApplicationScores extends ApplicationScores {
  async weightedMeans(applicationIds: readonly string[]): Promise<Map<string, number | null>> {
    return new Map(applicationIds.map((id) => [id, null]));
  }
}
