import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, MoreThan } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { spreadOf } from './appraisal-arithmetic.js';
import { AppraisalAssignment } from './appraisal-assignment.entity.js';

/**
 * The appraisal scores other features rank by (decisions of `score` calls): for each application, the mean of the
 * weighted means of the appraisers who have scored it (recused and not-yet-scored appraisers do not count), or
 * `null` when nobody has. Reads the latest scores, whether the appraisal is still open or closed.
 */
@Injectable()
export class AppraisalSummaries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every id asked for is in the answer. Pass the manager of a running transaction to read within it (e.g. the
   * decision's, after it has locked the applications).
   */
  async weightedMeans(
    applicationIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, number | null>> {
    const answer = new Map<string, number | null>(applicationIds.map((id) => [id, null]));
    const ids = [...answer.keys()].filter((id) => isUuid(id));
    if (ids.length === 0) return answer;
    const scored = await manager.find(AppraisalAssignment, {
      where: { applicationId: In(ids), revision: MoreThan(0) },
      select: { applicationId: true, weightedMean: true },
    });
    const byApplication = new Map<string, number[]>();
    for (const row of scored) {
      const means = byApplication.get(row.applicationId) ?? [];
      means.push(Number(row.weightedMean));
      byApplication.set(row.applicationId, means);
    }
    for (const [id, means] of byApplication) answer.set(id, spreadOf(means).mean);
    return answer;
  }
}
