import { type AuthenticatedUser } from '@khoinghiep/auth';
import { Clock, IdGenerator } from '@khoinghiep/clock';
import {
  type ListRulesQueryDto,
  type RecordRuleVersionDto,
  Role,
  RuleVersionRecorded,
  type RuleVersionView,
} from '@khoinghiep/contracts';
import { AccessDeniedError, InvalidFieldsError } from '@khoinghiep/http';
import { UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { RuleNotFoundError } from './rule.errors.js';
import { ruleIdOf } from './rule-identity.js';
import { dayOf, resolveVersion } from './rule-resolution.js';
import { RuleVersion } from './rule-version.entity.js';
import {
  isCalendarDay,
  notACalendarDay,
  ruleVersionProblems,
  subjectOfVersion,
} from './rule-version-checks.js';

/** Listing order: by kind and subject, the national version before the provinces', then by start. */
const ORDER = ['kind', 'programme', 'category', 'fundKind', 'capitalSource'] as const;

function compareVersions(a: RuleVersion, b: RuleVersion): number {
  for (const field of ORDER) {
    const left = a[field] ?? '';
    const right = b[field] ?? '';
    if (left !== right) return left < right ? -1 : 1;
  }
  const scope =
    (a.provinceCode ?? '') < (b.provinceCode ?? '') ? -1 : a.provinceCode === b.provinceCode ? 0 : 1;
  if (scope !== 0) return scope;
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? -1 : 1;
  return a.recordedAt.getTime() - b.recordedAt.getTime();
}

export function toRuleVersionView(version: RuleVersion): RuleVersionView {
  return {
    id: version.id,
    ruleId: version.ruleId,
    kind: version.kind,
    programme: version.programme,
    category: version.category,
    fundKind: version.fundKind,
    capitalSource: version.capitalSource,
    provinceCode: version.provinceCode,
    amountCap: version.amountCap,
    basisPoints: version.basisPoints,
    priorityGroups: version.priorityGroups,
    effectiveFrom: version.effectiveFrom,
    effectiveUntil: version.effectiveUntil,
    legalSourceNumber: version.legalSourceNumber,
    legalSourceName: version.legalSourceName,
    reason: version.reason,
    recordedBy: version.recordedBy,
    recordedAt: version.recordedAt.toISOString(),
  };
}

/** Reading and recording programme rules (the routes); features apply them through `RuleBook`. */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * The versions in force on a day (default today in Vietnam). For a province: per rule, the version that applies
   * there (its own, else the national one). Without: per rule and scope, the version in force.
   */
  async inForce(query: ListRulesQueryDto): Promise<RuleVersion[]> {
    if (query.on !== undefined && !isCalendarDay(query.on)) {
      throw new InvalidFieldsError([notACalendarDay('on', query.on)]);
    }
    const day = query.on ?? dayOf(this.clock.now());
    const select = this.dataSource
      .getRepository(RuleVersion)
      .createQueryBuilder('version')
      .where('version.effectiveFrom <= :day', { day })
      .andWhere('(version.effectiveUntil IS NULL OR version.effectiveUntil >= :day)', { day });
    if (query.kind) select.andWhere('version.kind = :kind', { kind: query.kind });
    if (query.programme) select.andWhere('version.programme = :programme', { programme: query.programme });
    if (query.category) select.andWhere('version.category = :category', { category: query.category });
    const province = query.provinceCode ?? null;
    if (province !== null) {
      select.andWhere('(version.provinceCode IS NULL OR version.provinceCode = :province)', { province });
    }
    const groups = new Map<string, RuleVersion[]>();
    for (const version of await select.getMany()) {
      const key = province === null ? `${version.ruleId}|${version.provinceCode ?? ''}` : version.ruleId;
      groups.set(key, [...(groups.get(key) ?? []), version]);
    }
    return [...groups.values()]
      .map((versions) => resolveVersion(versions, province ?? versions[0]?.provinceCode ?? null, day))
      .filter((version): version is RuleVersion => version !== null)
      .sort(compareVersions);
  }

  /** Every version of one rule, in every scope, national first, then by start and recording. */
  async history(ruleId: string): Promise<RuleVersion[]> {
    const versions = isUuid(ruleId)
      ? await this.dataSource.getRepository(RuleVersion).findBy({ ruleId })
      : [];
    if (versions.length === 0) throw new RuleNotFoundError(ruleId);
    return versions.sort(compareVersions);
  }

  /** Records a new version (admins): the row, which is its own audit record, and its event, in one transaction. */
  async record(user: AuthenticatedUser, dto: RecordRuleVersionDto): Promise<RuleVersion> {
    if (!user.roles.includes(Role.Admin)) throw new AccessDeniedError();
    const problems = ruleVersionProblems(dto);
    if (problems.length > 0) throw new InvalidFieldsError(problems);
    const subject = subjectOfVersion(dto);
    const version = Object.assign(new RuleVersion(), {
      id: this.ids.next(),
      ruleId: ruleIdOf(subject),
      ...subject,
      provinceCode: dto.provinceCode ?? null,
      amountCap: dto.amountCap ?? null,
      basisPoints: dto.basisPoints ?? null,
      priorityGroups: dto.priorityGroups ?? null,
      effectiveFrom: dto.effectiveFrom,
      effectiveUntil: dto.effectiveUntil ?? null,
      legalSourceNumber: dto.legalSourceNumber,
      legalSourceName: dto.legalSourceName,
      reason: dto.reason ?? null,
      recordedBy: user.id,
      recordedAt: this.clock.now(),
    } satisfies RuleVersion);
    await this.unitOfWork.run(async (tx) => {
      await tx.manager.insert(RuleVersion, version);
      tx.record(RuleVersionRecorded, version.ruleId, {
        versionId: version.id,
        ruleId: version.ruleId,
        kind: version.kind,
        programme: version.programme,
        category: version.category,
        fundKind: version.fundKind,
        capitalSource: version.capitalSource,
        provinceCode: version.provinceCode,
        amountCap: version.amountCap,
        basisPoints: version.basisPoints,
        priorityGroups: version.priorityGroups,
        effectiveFrom: version.effectiveFrom,
        effectiveUntil: version.effectiveUntil,
        legalSourceNumber: version.legalSourceNumber,
      });
    });
    return version;
  }
}
