import type { AuthenticatedUser } from '@khoinghiep/auth';
import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  MATCH_CRITERIA,
  MATCH_WEIGHTS_AGGREGATE_ID,
  type MatchCriterion,
  MatchWeightsRecorded,
  type MatchWeightsVersionView,
  type MatchWeightsView,
  type RecordMatchWeightsDto,
  Role,
} from '@khoinghiep/contracts';
import { InvalidFieldsError, RoleRequiredError } from '@khoinghiep/http';
import { UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startOfVietnamDay, vietnamDayOf } from '../common/vietnam-day.js';
import { MatchWeightsVersion } from './match-weights-version.entity.js';
import { weightsVersionProblems } from './weights-version-checks.js';

/** Every criterion's points, in the order of MATCH_CRITERIA (a criterion a version lacks gives none). */
const pointsOf = (given: Partial<Record<MatchCriterion, number>>): Record<MatchCriterion, number> =>
  Object.fromEntries(MATCH_CRITERIA.map((criterion) => [criterion, given[criterion] ?? 0])) as Record<
    MatchCriterion,
    number
  >;

function toView(version: MatchWeightsVersion, inForce: boolean): MatchWeightsVersionView {
  return {
    id: version.id,
    effectiveFrom: vietnamDayOf(version.effectiveFrom),
    effectiveAt: version.effectiveFrom.toISOString(),
    inForce,
    reason: version.reason,
    points: pointsOf(version.weights),
    recordedBy: version.recordedBy,
    recordedAt: version.recordedAt.toISOString(),
  };
}

/** Reading the match weights and recording new versions (admins); scoring reads them with `weightsInForce`. */
@Injectable()
export class MatchWeightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Every version, the latest effective first (the later recorded first on the same start), and which is in force. */
  async all(): Promise<MatchWeightsView> {
    const now = this.clock.now();
    const versions = await this.dataSource
      .getRepository(MatchWeightsVersion)
      .createQueryBuilder('v')
      .orderBy('v.effectiveFrom', 'DESC')
      .addOrderBy('v.recordedAt', 'DESC')
      .getMany();
    // The same choice as weightsInForce: the first of this order that has started.
    const inForce = versions.find((version) => version.effectiveFrom <= now);
    if (!inForce) throw new Error('no match weights version is in force: the foundation migration seeds one');
    const views = versions.map((version) => toView(version, version === inForce));
    return { inForce: views[versions.indexOf(inForce)] as MatchWeightsVersionView, versions: views };
  }

  /** Records a new version (admins): the row, its own audit record, and its event, in one transaction. */
  async record(user: AuthenticatedUser, dto: RecordMatchWeightsDto): Promise<MatchWeightsVersionView> {
    if (!user.roles.includes(Role.Admin)) throw new RoleRequiredError([Role.Admin]);
    const now = this.clock.now();
    const problems = weightsVersionProblems(dto, vietnamDayOf(now));
    if (problems.length > 0) throw new InvalidFieldsError(problems);
    const points = pointsOf(dto.points);
    const version = Object.assign(new MatchWeightsVersion(), {
      id: this.ids.next(),
      weights: points,
      effectiveFrom: startOfVietnamDay(dto.effectiveFrom),
      reason: dto.reason,
      recordedBy: user.id,
      recordedAt: now,
    } satisfies MatchWeightsVersion);
    await this.unitOfWork.run(async (tx) => {
      await tx.manager.insert(MatchWeightsVersion, version);
      tx.record(MatchWeightsRecorded, MATCH_WEIGHTS_AGGREGATE_ID, {
        versionId: version.id,
        points,
        effectiveFrom: version.effectiveFrom.toISOString(),
        reason: version.reason,
        recordedAt: now.toISOString(),
      });
    });
    return toView(version, version.effectiveFrom <= now);
  }
}
