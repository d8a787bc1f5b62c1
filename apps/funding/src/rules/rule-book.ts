import { Clock } from '@khoinghiep/clock';
import {
  type CapitalSource,
  type FundKind,
  type PriorityGroup,
  type Programme,
  programmeOfCategory,
  programmeOfFundKind,
  type SupportCategory,
} from '@khoinghiep/contracts';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { RuleNotInForceError } from './rule.errors.js';
import { type RuleSubject, ruleIdOf } from './rule-identity.js';
import { dayOf, resolveVersion } from './rule-resolution.js';
import { RuleVersion } from './rule-version.entity.js';

/**
 * A rule's value as it applies, with the version it came from, so a decision can record the versions it applied
 * (`versionId`) and show its legal source.
 */
export interface AppliedRule<T> {
  value: T;
  /** The rule version applied: store it beside the decision. */
  versionId: string;
  /** The rule every version of this kind and subject belongs to. */
  ruleId: string;
  /** Scope of the version applied: a province code, or null for the national rule. */
  provinceCode: string | null;
  legalSourceNumber: string;
}

/** A support ceiling: absolute đồng and/or a share of the cost (either may be absent, never both). */
export interface SupportCeiling {
  amountCap: bigint | null;
  shareOfCostBp: number | null;
}

/** A calendar day `YYYY-MM-DD`, or an instant (read as a day in Vietnam); absent: today. */
export type RuleDay = Date | string;

/**
 * The programme rules in force, for other features to apply inside their own transactions: reads join the
 * caller's transaction when there is one (nestjs-cls), so a decision and the rules it applied are read together.
 * Every method answers `null` when no version of the rule is in force for that province and day.
 */
@Injectable()
export class RuleBook {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly clock: Clock,
  ) {}

  /** Ceiling of a support category (Circular 28/2018/TT-BTC, or the province's own). */
  async supportCeiling(
    category: SupportCategory,
    provinceCode: string | null,
    on?: RuleDay,
  ): Promise<AppliedRule<SupportCeiling> | null> {
    const version = await this.find(
      { ...NO_SUBJECT, kind: 'support_ceiling', programme: programmeOfCategory(category), category },
      provinceCode,
      on,
    );
    return version
      ? applied(version, {
          amountCap: version.amountCap === null ? null : BigInt(version.amountCap),
          shareOfCostBp: version.basisPoints,
        })
      : null;
  }

  /** Share of the approved amount paid in advance, in basis points (Circular 36/2013/TT-BCT). */
  async advanceRate(
    category: SupportCategory,
    provinceCode: string | null,
    on?: RuleDay,
  ): Promise<AppliedRule<number> | null> {
    const version = await this.find(
      { ...NO_SUBJECT, kind: 'advance_rate', programme: programmeOfCategory(category), category },
      provinceCode,
      on,
    );
    return version ? applied(version, version.basisPoints as number) : null;
  }

  /** Most the state may co-invest, in basis points of the private funds' amount (Decree 38/2018/NĐ-CP). */
  async coinvestmentCap(provinceCode: string | null, on?: RuleDay): Promise<AppliedRule<number> | null> {
    const version = await this.find(
      { ...NO_SUBJECT, kind: 'coinvestment_cap', programme: 'venture_coinvestment' },
      provinceCode,
      on,
    );
    return version ? applied(version, version.basisPoints as number) : null;
  }

  /**
   * Largest share of a fund's capital one source may hold, in basis points (e.g. provincial budget ≤ 49 % of a
   * provincial venture fund, Decree 264/2025/NĐ-CP). `null`: no cap for that fund kind and source.
   */
  async capitalShareCap(
    fundKind: FundKind,
    capitalSource: CapitalSource,
    provinceCode: string | null,
    on?: RuleDay,
  ): Promise<AppliedRule<number> | null> {
    const version = await this.find(
      {
        ...NO_SUBJECT,
        kind: 'capital_share_cap',
        programme: programmeOfFundKind(fundKind),
        fundKind,
        capitalSource,
      },
      provinceCode,
      on,
    );
    return version ? applied(version, version.basisPoints as number) : null;
  }

  /** Groups that go first when applications of a programme tie (Decree 80/2021; Decree 235/2025). */
  async priorityGroups(
    programme: Programme,
    on?: RuleDay,
    provinceCode: string | null = null,
  ): Promise<AppliedRule<PriorityGroup[]> | null> {
    const version = await this.find({ ...NO_SUBJECT, kind: 'priority_groups', programme }, provinceCode, on);
    return version ? applied(version, version.priorityGroups ?? []) : null;
  }

  /** The version of a rule that applies; reads only the rule's versions in force in the two scopes concerned. */
  private async find(
    subject: RuleSubject,
    provinceCode: string | null,
    on: RuleDay | undefined,
  ): Promise<RuleVersion | null> {
    const day = dayOf(on ?? this.clock.now());
    const query = this.txHost.tx
      .getRepository(RuleVersion)
      .createQueryBuilder('version')
      .where('version.ruleId = :ruleId', { ruleId: ruleIdOf(subject) })
      .andWhere('version.effectiveFrom <= :day', { day })
      .andWhere('(version.effectiveUntil IS NULL OR version.effectiveUntil >= :day)', { day });
    if (provinceCode === null) query.andWhere('version.provinceCode IS NULL');
    else
      query.andWhere('(version.provinceCode IS NULL OR version.provinceCode = :provinceCode)', {
        provinceCode,
      });
    return resolveVersion(await query.getMany(), provinceCode, day);
  }
}

/**
 * The rule, or a `422` problem naming it when none is in force: for commands that cannot go on without one (an
 * advance needs an advance rate). `rule` names it in the problem, e.g. `advance_rate kc_training`.
 */
export function requireRule<T>(
  applied: AppliedRule<T> | null,
  rule: string,
  provinceCode: string | null,
  on: RuleDay,
): AppliedRule<T> {
  if (applied === null) throw new RuleNotInForceError(rule, provinceCode, dayOf(on));
  return applied;
}

const NO_SUBJECT = { category: null, fundKind: null, capitalSource: null } as const;

function applied<T>(version: RuleVersion, value: T): AppliedRule<T> {
  return {
    value,
    versionId: version.id,
    ruleId: version.ruleId,
    provinceCode: version.provinceCode,
    legalSourceNumber: version.legalSourceNumber,
  };
}
