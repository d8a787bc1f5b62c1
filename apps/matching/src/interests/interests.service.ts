import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  type AcceptInterestDto,
  type ContactField,
  type DeclineInterestDto,
  type ExpressInterestDto,
  InterestAccepted,
  InterestDeclined,
  InterestExpressed,
  type InterestStatus,
  InterestWithdrawn,
  IntroductionMade,
  type ListInterestsQueryDto,
  PAGE_SIZE,
  type Page,
  Role,
} from '@khoinghiep/contracts';
import {
  CursorField,
  decodeCursor,
  encodeCursor,
  InvalidFieldsError,
  pageOf,
  RoleRequiredError,
} from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import { secondsUntilNextVietnamDay, vietnamDayOf } from '../common/vietnam-day.js';
import { Introduction } from '../introductions/introduction.entity.js';
import { InvestorProfile } from '../profiles/investor-profile.entity.js';
import { Interest } from './interest.entity.js';
import {
  InterestAlreadyOpenError,
  InterestDailyCapReachedError,
  InterestFounderOnlyError,
  InterestInvestorOnlyError,
  InterestNotFoundError,
  InterestNotOpenError,
  InterestOwnProjectError,
  InterestProfileRequiredError,
  InterestProjectNotPublishedError,
} from './interest.errors.js';
import { type Caller, isInvestor, isParty, listedSides } from './interest-access.policy.js';
import { type InterestAction, interestTransition } from './interest-state-machine.js';
import { founderContactOf, investorContactOf, investorNameOf } from './parties.js';

const LIST_CURSOR = 'interests';

const isUniqueViolation = (error: unknown, constraint: string) =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
  (error.driverError as { constraint?: string }).constraint === constraint;

/** The interest's facts every interest event repeats. */
const eventFacts = (interest: Interest) => ({
  interestId: interest.id,
  projectId: interest.projectId,
  projectOwnerId: interest.projectOwnerId,
  projectTitle: interest.projectTitle,
  investorId: interest.investorId,
  investorName: interest.investorName,
});

/**
 * Interest → consent (ADR 0027): investors express interest in published projects, founders accept (which makes the
 * introduction, the only place contacts are shared) or decline, investors withdraw. Each change is one transaction
 * with its events; the limits that stop spam are held by the database.
 */
@Injectable()
export class InterestsService {
  private readonly dailyCap: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    config: ConfigService,
  ) {
    this.dailyCap = config.getOrThrow<number>('INTEREST_DAILY_CAP');
  }

  async express(caller: Caller, dto: ExpressInterestDto): Promise<Interest> {
    if (!isInvestor(caller)) throw new RoleRequiredError([Role.Investor]);
    try {
      return await this.unitOfWork.run((tx) => this.expressIn(tx, caller, dto));
    } catch (error) {
      // Two requests for one pair at once: both passed the read below, the partial unique index lets one through.
      if (isUniqueViolation(error, 'UQ_interests_open_pair'))
        throw new InterestAlreadyOpenError(dto.projectId, null);
      throw error;
    }
  }

  private async expressIn(tx: Transaction, caller: Caller, dto: ExpressInterestDto): Promise<Interest> {
    const profile = await tx.manager.findOneBy(InvestorProfile, { investorId: caller.userId });
    if (!profile?.published) throw new InterestProfileRequiredError();
    // Shared lock: an unpublication waits for this interest, or this interest sees it.
    const project = await tx.manager.findOne(CataloguedProject, {
      where: { projectId: dto.projectId },
      lock: { mode: 'pessimistic_read' },
    });
    if (!project?.published || project.title === null)
      throw new InterestProjectNotPublishedError(dto.projectId);
    if (project.ownerId === caller.userId) throw new InterestOwnProjectError(dto.projectId);
    const open = await tx.manager.findOneBy(Interest, {
      investorId: caller.userId,
      projectId: dto.projectId,
      status: 'open',
    });
    if (open) throw new InterestAlreadyOpenError(dto.projectId, open.id);

    const now = this.clock.now();
    await this.countTowardsDailyCap(tx, caller.userId, now);
    const interest = Object.assign(new Interest(), {
      id: this.ids.next(),
      projectId: project.projectId,
      projectOwnerId: project.ownerId,
      projectTitle: project.title,
      investorId: caller.userId,
      investorName: investorNameOf(profile),
      message: dto.message,
      status: 'open',
      declineReason: null,
      introductionId: null,
      expressedAt: now,
      closedAt: null,
    } satisfies Interest);
    await tx.manager.insert(Interest, interest);
    tx.record(InterestExpressed, interest.id, {
      ...eventFacts(interest),
      message: interest.message,
      expressedAt: now.toISOString(),
    });
    return interest;
  }

  /**
   * One more interest today, unless the cap is reached: an upsert that increments only below the cap. The row lock
   * it takes queues concurrent requests of one investor, each seeing the count the previous one committed; a
   * refused interest rolls its increment back with it.
   */
  private async countTowardsDailyCap(tx: Transaction, investorId: string, now: Date): Promise<void> {
    const counted: unknown[] = await tx.manager.query(
      `INSERT INTO "interest_daily_counts" ("investor_id", "day", "expressed") VALUES ($1, $2, 1)
       ON CONFLICT ("investor_id", "day") DO UPDATE SET "expressed" = "interest_daily_counts"."expressed" + 1
       WHERE "interest_daily_counts"."expressed" < $3
       RETURNING "expressed"`,
      [investorId, vietnamDayOf(now), this.dailyCap],
    );
    if (counted.length === 0)
      throw new InterestDailyCapReachedError(this.dailyCap, secondsUntilNextVietnamDay(now));
  }

  async get(caller: Caller, interestId: string): Promise<Interest> {
    const interest = isUuid(interestId)
      ? await this.dataSource.getRepository(Interest).findOneBy({ id: interestId })
      : null;
    if (!interest || !isParty(caller, interest)) throw new InterestNotFoundError(interestId);
    return interest;
  }

  /** What the caller sent (as an investor) or received on their projects (as a founder), newest first. */
  async list(caller: Caller, query: ListInterestsQueryDto): Promise<Page<Interest>> {
    const limit = query.limit ?? PAGE_SIZE.default;
    const sides = listedSides(caller);
    const mine = [
      ...(sides.asInvestor ? ['i.investorId = :me'] : []),
      ...(sides.asFounder ? ['i.projectOwnerId = :me'] : []),
    ];
    const builder = this.dataSource
      .getRepository(Interest)
      .createQueryBuilder('i')
      .where(mine.length > 0 ? `(${mine.join(' OR ')})` : 'false', { me: caller.userId })
      .orderBy('i.expressedAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit + 1);
    if (query.status) builder.andWhere('i.status = :status', { status: query.status });
    if (query.projectId) builder.andWhere('i.projectId = :projectId', { projectId: query.projectId });
    if (query.cursor) {
      const [expressedAt, id] = decodeCursor<[string, string]>(query.cursor, LIST_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      builder.andWhere('(i.expressedAt, i.id) < (:expressedAt, :id)', { expressedAt, id });
    }
    return pageOf(
      await builder.getMany(),
      limit,
      (row) => row,
      (row) => encodeCursor(LIST_CURSOR, [row.expressedAt.toISOString(), row.id]),
    );
  }

  /**
   * The founder consents: the introduction is made in the same transaction, with the founder's contacts for the
   * fields the project shares and the investor's for the fields their profile shares, as they are now.
   */
  accept(caller: Caller, interestId: string, dto: AcceptInterestDto): Promise<Interest> {
    return this.close(caller, interestId, 'accept', async (tx, interest, now, status) => {
      const project = await tx.manager.findOneBy(CataloguedProject, { projectId: interest.projectId });
      const given: Partial<Record<ContactField, string>> = {};
      if (dto.contact?.email !== undefined) given.email = dto.contact.email;
      if (dto.contact?.phone !== undefined) given.phone = dto.contact.phone;
      const founder = founderContactOf(project?.sharedContactFields ?? [], given, caller.email);
      if (!founder.ok) throw new InvalidFieldsError(founder.problems);
      const profile = await tx.manager.findOneBy(InvestorProfile, { investorId: interest.investorId });

      const introduction = Object.assign(new Introduction(), {
        id: this.ids.next(),
        interestId: interest.id,
        projectId: interest.projectId,
        projectOwnerId: interest.projectOwnerId,
        projectTitle: interest.projectTitle,
        investorId: interest.investorId,
        investorName: interest.investorName,
        founderContact: founder.contact,
        investorContact: profile ? investorContactOf(profile) : {},
        madeAt: now,
        pipelineStatus: null,
        pipelineAmount: null,
      } satisfies Omit<Introduction, 'interest'>);
      const changes = { status, introductionId: introduction.id, closedAt: now };
      await tx.manager.update(Interest, { id: interest.id }, changes);
      await tx.manager.insert(Introduction, introduction);
      const accepted = Object.assign(new Interest(), interest, changes);
      tx.record(InterestAccepted, accepted.id, {
        ...eventFacts(accepted),
        introductionId: introduction.id,
        acceptedAt: now.toISOString(),
      });
      tx.record(IntroductionMade, introduction.id, {
        introductionId: introduction.id,
        interestId: accepted.id,
        projectId: introduction.projectId,
        projectOwnerId: introduction.projectOwnerId,
        investorId: introduction.investorId,
        projectTitle: introduction.projectTitle,
        investorName: introduction.investorName,
        madeAt: now.toISOString(),
      });
      return accepted;
    });
  }

  decline(caller: Caller, interestId: string, dto: DeclineInterestDto): Promise<Interest> {
    return this.close(caller, interestId, 'decline', async (tx, interest, now, status) => {
      const changes = { status, declineReason: dto.reason ?? null, closedAt: now };
      await tx.manager.update(Interest, { id: interest.id }, changes);
      const declined = Object.assign(new Interest(), interest, changes);
      tx.record(InterestDeclined, declined.id, {
        ...eventFacts(declined),
        ...(dto.reason === undefined ? {} : { reason: dto.reason }),
        declinedAt: now.toISOString(),
      });
      return declined;
    });
  }

  withdraw(caller: Caller, interestId: string): Promise<Interest> {
    return this.close(caller, interestId, 'withdraw', async (tx, interest, now, status) => {
      const changes = { status, closedAt: now };
      await tx.manager.update(Interest, { id: interest.id }, changes);
      const withdrawn = Object.assign(new Interest(), interest, changes);
      tx.record(InterestWithdrawn, withdrawn.id, {
        ...eventFacts(withdrawn),
        withdrawnAt: now.toISOString(),
      });
      return withdrawn;
    });
  }

  /**
   * The one way an open interest closes: lock it (so two answers at once queue, and the second finds it closed),
   * hide it from anyone but its parties (`404`), let only the right party act (`403`), only while open (`409`).
   */
  private close(
    caller: Caller,
    interestId: string,
    action: InterestAction,
    apply: (tx: Transaction, interest: Interest, now: Date, status: InterestStatus) => Promise<Interest>,
  ): Promise<Interest> {
    return this.unitOfWork.run(async (tx) => {
      const interest = isUuid(interestId)
        ? await tx.manager.findOne(Interest, {
            where: { id: interestId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!interest || !isParty(caller, interest)) throw new InterestNotFoundError(interestId);
      if (action === 'withdraw' && caller.userId !== interest.investorId)
        throw new InterestInvestorOnlyError();
      if (action !== 'withdraw' && caller.userId !== interest.projectOwnerId)
        throw new InterestFounderOnlyError();
      const outcome = interestTransition(interest.status, action);
      if (!outcome.allowed) throw new InterestNotOpenError(action, outcome.from);
      return apply(tx, interest, this.clock.now(), outcome.to);
    });
  }
}
