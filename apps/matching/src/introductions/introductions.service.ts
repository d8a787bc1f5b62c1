import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  CommitmentRecorded,
  PAGE_SIZE,
  type Page,
  type PageQueryDto,
  PipelineStatusRecorded,
  type RecordPipelineStatusDto,
} from '@khoinghiep/contracts';
import { CursorField, decodeCursor, encodeCursor, InvalidFieldsError, pageOf } from '@khoinghiep/http';
import { UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { InterestProfileRequiredError } from '../interests/interest.errors.js';
import { type Caller, isParty } from '../interests/interest-access.policy.js';
import { investorNameOf } from '../interests/parties.js';
import { InvestorProfile } from '../profiles/investor-profile.entity.js';
import { Introduction } from './introduction.entity.js';
import {
  IntroductionInvestorOnlyError,
  IntroductionNotFoundError,
  PipelineIllegalTransitionError,
} from './introduction.errors.js';
import { PipelineEntry } from './pipeline-entry.entity.js';
import { amountProblems, mayRecord, STATUSES_WITH_AMOUNT } from './pipeline-rules.js';

const LIST_CURSOR = 'introductions';

/** An introduction and its pipeline history, oldest first. */
export interface IntroductionRecord {
  introduction: Introduction;
  pipeline: PipelineEntry[];
}

/**
 * Introductions, read by their two parties only, and the investor's pipeline after them. A commitment or an
 * investment is also told to funding (`CommitmentRecorded`), which may open a state co-investment beside it.
 */
@Injectable()
export class IntroductionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async get(caller: Caller, introductionId: string): Promise<IntroductionRecord> {
    const introduction = isUuid(introductionId)
      ? await this.dataSource.getRepository(Introduction).findOneBy({ id: introductionId })
      : null;
    if (!introduction || !isParty(caller, introduction)) throw new IntroductionNotFoundError(introductionId);
    return { introduction, pipeline: await this.pipelineOf(this.dataSource.manager, introduction.id) };
  }

  /** The caller's introductions, on either side, newest first. */
  async list(caller: Caller, query: PageQueryDto): Promise<Page<Introduction>> {
    const limit = query.limit ?? PAGE_SIZE.default;
    const builder = this.dataSource
      .getRepository(Introduction)
      .createQueryBuilder('n')
      .where('(n.investorId = :me OR n.projectOwnerId = :me)', { me: caller.userId })
      .orderBy('n.madeAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (query.cursor) {
      const [madeAt, id] = decodeCursor<[string, string]>(query.cursor, LIST_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      builder.andWhere('(n.madeAt, n.id) < (:madeAt, :id)', { madeAt, id });
    }
    return pageOf(
      await builder.getMany(),
      limit,
      (row) => row,
      (row) => encodeCursor(LIST_CURSOR, [row.madeAt.toISOString(), row.id]),
    );
  }

  /**
   * Records where the investor stands, under the introduction's row lock (two recordings at once queue), with its
   * history entry and its events in one transaction.
   */
  recordPipelineStatus(
    caller: Caller,
    introductionId: string,
    dto: RecordPipelineStatusDto,
  ): Promise<IntroductionRecord> {
    const problems = amountProblems(dto.status, dto.amount);
    if (problems.length > 0) throw new InvalidFieldsError(problems);
    const next = { status: dto.status, amount: dto.amount ?? null };
    return this.unitOfWork.run(async (tx) => {
      const introduction = isUuid(introductionId)
        ? await tx.manager.findOne(Introduction, {
            where: { id: introductionId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!introduction || !isParty(caller, introduction))
        throw new IntroductionNotFoundError(introductionId);
      if (caller.userId !== introduction.investorId) throw new IntroductionInvestorOnlyError();
      const current = { status: introduction.pipelineStatus, amount: introduction.pipelineAmount };
      if (!mayRecord(current, next)) throw new PipelineIllegalTransitionError(current.status, next.status);

      const now = this.clock.now();
      await tx.manager.insert(PipelineEntry, {
        id: this.ids.next(),
        introductionId: introduction.id,
        status: next.status,
        amount: next.amount,
        note: dto.note ?? null,
        recordedBy: caller.userId,
        recordedAt: now,
      } satisfies Omit<PipelineEntry, 'introduction'>);
      const changes = { pipelineStatus: next.status, pipelineAmount: next.amount };
      await tx.manager.update(Introduction, { id: introduction.id }, changes);
      const recorded = Object.assign(new Introduction(), introduction, changes);

      const parties = {
        introductionId: recorded.id,
        interestId: recorded.interestId,
        projectId: recorded.projectId,
        projectOwnerId: recorded.projectOwnerId,
        investorId: recorded.investorId,
      };
      tx.record(PipelineStatusRecorded, recorded.id, {
        ...parties,
        status: next.status,
        ...(next.amount === null ? {} : { amount: next.amount }),
        recordedAt: now.toISOString(),
      });
      if (next.amount !== null && STATUSES_WITH_AMOUNT.includes(next.status)) {
        // Kind and willingness to co-invest as the profile says now: funding decides on them.
        const profile = await tx.manager.findOneBy(InvestorProfile, { investorId: recorded.investorId });
        if (!profile) throw new InterestProfileRequiredError();
        tx.record(CommitmentRecorded, recorded.id, {
          introductionId: recorded.id,
          projectId: recorded.projectId,
          projectOwnerId: recorded.projectOwnerId,
          investorId: recorded.investorId,
          investorKind: profile.kind,
          investorName: investorNameOf(profile),
          coinvestWithState: profile.coinvestWithState,
          amount: next.amount,
          stage: next.status as 'committed' | 'invested',
          recordedAt: now.toISOString(),
        });
      }
      return { introduction: recorded, pipeline: await this.pipelineOf(tx.manager, recorded.id) };
    });
  }

  private pipelineOf(manager: EntityManager, introductionId: string): Promise<PipelineEntry[]> {
    return manager.find(PipelineEntry, {
      where: { introductionId },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
  }
}
