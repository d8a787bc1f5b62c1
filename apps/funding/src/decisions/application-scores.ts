import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Where `score` calls get their appraisal scores: each application's weighted mean, or null when nobody has scored
 * it. Appraisal provides it (`AppraisalSummaries`); `NoApplicationScores` answers null for every application (a
 * `score` call is then ranked first come, and the ranking says so), for tests or a service without appraisal.
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
