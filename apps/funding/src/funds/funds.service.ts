import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  type CreateFundDto,
  FundCreated,
  type FundEventPayload,
  FundUpdated,
  PAGE_SIZE,
  type Page,
  type PageQueryDto,
  type UpdateFundDto,
} from '@khoinghiep/contracts';
import {
  AccessDeniedError,
  CursorField,
  decodeCursor,
  encodeCursor,
  InvalidFieldsError,
  pageOf,
  type VersionPrecondition,
} from '@khoinghiep/http';
import { UnitOfWork } from '@khoinghiep/messaging';
import { currentCorrelationId } from '@khoinghiep/observability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { type Caller, mayKeepFunds } from '../calls/caller.js';
import {
  type CapitalBySource,
  type CapitalShareCap,
  CapitalShareRules,
  capitalOf,
  checkCapitalShare,
} from './capital-share.js';
import { Fund } from './fund.entity.js';
import { CapitalShareExceededError, FundNotFoundError } from './fund.errors.js';
import { capitalColumns, capitalOfFund, fundSnapshot } from './fund.mapper.js';
import { type FundAction, FundHistoryEntry } from './fund-history-entry.entity.js';
import { provinceProblem } from './fund-province.js';
import { fundVersions } from './fund-versions.js';

const LIST_CURSOR = 'funds';

/** Fields an edit may change, in the order the audit trail names them. */
const EDITABLE_FIELDS = [
  'name',
  'ownerAgency',
  'provinceCode',
  'capitalCentralBudget',
  'capitalProvincialBudget',
  'capitalPrivate',
  'capitalAssociation',
  'provincialBudgetCapBasisPoints',
  'capitalRuleVersionId',
] as const satisfies readonly (keyof Fund)[];

function fundEventPayload(fund: Fund): FundEventPayload {
  return {
    fundId: fund.id,
    version: fund.version,
    kind: fund.kind,
    name: fund.name,
    ownerAgency: fund.ownerAgency,
    provinceCode: fund.provinceCode,
    capitalCentralBudget: fund.capitalCentralBudget,
    capitalProvincialBudget: fund.capitalProvincialBudget,
    capitalPrivate: fund.capitalPrivate,
    capitalAssociation: fund.capitalAssociation,
    capitalRuleVersionId: fund.capitalRuleVersionId,
  };
}

function keepersOnly(caller: Caller): void {
  // The route's roles are checked by the guard too; money rules are re-checked here, not only at the edge.
  if (!mayKeepFunds(caller)) throw new AccessDeniedError();
}

/**
 * Funds: created and edited by fund officers and admins, read by anyone signed in. Every change checks the
 * capital-share rule in force that day and records, with the change, its audit entry and the rule version applied.
 */
@Injectable()
export class FundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly rules: CapitalShareRules,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(caller: Caller, dto: CreateFundDto): Promise<Fund> {
    keepersOnly(caller);
    const provinceCode = dto.provinceCode ?? null;
    const problem = provinceProblem(dto.kind, provinceCode);
    if (problem) throw new InvalidFieldsError([problem]);
    const now = this.clock.now();
    const capital = capitalOf(dto.capital);
    const cap = await this.checkedCap(dto.kind, provinceCode, capital, now);
    const fund = Object.assign(new Fund(), {
      id: this.ids.next(),
      kind: dto.kind,
      name: dto.name,
      ownerAgency: dto.ownerAgency,
      provinceCode,
      ...capitalColumns(capital),
      provincialBudgetCapBasisPoints: cap?.basisPoints ?? null,
      capitalRuleVersionId: cap?.ruleVersionId ?? null,
      version: 1,
      createdBy: caller.userId,
      createdAt: now,
      updatedAt: now,
    } satisfies Fund);
    await this.unitOfWork.run(async (tx) => {
      await tx.manager.insert(Fund, fund);
      await this.record(caller, 'create', null, fund, [], cap, null, now);
      tx.record(FundCreated, fund.id, fundEventPayload(fund));
    });
    return fund;
  }

  async get(fundId: string): Promise<Fund> {
    const fund = isUuid(fundId) ? await this.dataSource.getRepository(Fund).findOneBy({ id: fundId }) : null;
    if (!fund) throw new FundNotFoundError(fundId);
    return fund;
  }

  /** Merge-patches a fund; a patch that changes nothing changes nothing. The capital rule is checked again. */
  update(
    caller: Caller,
    fundId: string,
    dto: UpdateFundDto,
    precondition: VersionPrecondition,
  ): Promise<Fund> {
    keepersOnly(caller);
    return this.unitOfWork.run(async (tx) => {
      const before = isUuid(fundId)
        ? await tx.manager.findOne(Fund, { where: { id: fundId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!before) throw new FundNotFoundError(fundId);
      fundVersions.assertCurrent(precondition, before.version);

      const provinceCode = dto.provinceCode === undefined ? before.provinceCode : dto.provinceCode;
      const problem = provinceProblem(before.kind, provinceCode);
      if (problem) throw new InvalidFieldsError([problem]);
      const now = this.clock.now();
      const capital = dto.capital ? capitalOf(dto.capital) : capitalOfFund(before);
      const cap = await this.checkedCap(before.kind, provinceCode, capital, now);

      const candidate: Partial<Fund> = {
        name: dto.name ?? before.name,
        ownerAgency: dto.ownerAgency ?? before.ownerAgency,
        provinceCode,
        ...capitalColumns(capital),
        provincialBudgetCapBasisPoints: cap?.basisPoints ?? null,
        capitalRuleVersionId: cap?.ruleVersionId ?? null,
      };
      const changedFields = EDITABLE_FIELDS.filter((field) => candidate[field] !== before[field]);
      if (changedFields.length === 0) return before;

      const changes: Partial<Fund> = Object.fromEntries(
        changedFields.map((field) => [field, candidate[field]]),
      );
      Object.assign(changes, { version: before.version + 1, updatedAt: now });
      await tx.manager.update(Fund, { id: before.id }, changes);
      const after = Object.assign(new Fund(), before, changes);
      await this.record(caller, 'update', before, after, changedFields, cap, dto.reason ?? null, now);
      tx.record(FundUpdated, after.id, { ...fundEventPayload(after), changedFields });
      return after;
    });
  }

  /** Every fund, oldest first. */
  async list(page: PageQueryDto): Promise<Page<Fund>> {
    const limit = page.limit ?? PAGE_SIZE.default;
    const query = this.dataSource
      .getRepository(Fund)
      .createQueryBuilder('f')
      .orderBy('f.createdAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(limit + 1);
    if (page.cursor) {
      const [createdAt, id] = decodeCursor<[string, string]>(page.cursor, LIST_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      query.where('(f.createdAt, f.id) > (:createdAt, :id)', { createdAt, id });
    }
    const rows = await query.getMany();
    return pageOf(
      rows,
      limit,
      (row) => row,
      (row) => encodeCursor(LIST_CURSOR, [row.createdAt.toISOString(), row.id]),
    );
  }

  /** The cap in force today for such a fund, after checking the capital against it (`422` over the cap). */
  private async checkedCap(
    kind: Fund['kind'],
    provinceCode: string | null,
    capital: CapitalBySource,
    on: Date,
  ): Promise<CapitalShareCap | null> {
    const cap = await this.rules.capFor({ kind, provinceCode }, on);
    const outcome = checkCapitalShare(capital, cap);
    if (!outcome.ok) {
      throw new CapitalShareExceededError(outcome.sharePercent, outcome.capPercent, outcome.ruleVersionId);
    }
    return cap;
  }

  private async record(
    caller: Caller,
    action: FundAction,
    before: Fund | null,
    after: Fund,
    changedFields: string[],
    cap: CapitalShareCap | null,
    reason: string | null,
    occurredAt: Date,
  ): Promise<void> {
    await this.txHost.tx.insert(FundHistoryEntry, {
      id: this.ids.next(),
      fundId: after.id,
      action,
      version: after.version,
      actorId: caller.userId,
      actorRoles: [...caller.roles],
      changedFields,
      before: before ? fundSnapshot(before) : null,
      after: fundSnapshot(after),
      capitalRuleVersionId: cap?.ruleVersionId ?? null,
      reason,
      correlationId: currentCorrelationId() ?? null,
      occurredAt,
    });
  }
}
