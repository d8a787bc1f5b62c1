import {
  programmeOfCategory,
  programmeOfFundKind,
  type RecordRuleVersionDto,
  type RuleKind,
} from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';
import type { RuleSubject } from './rule-identity.js';

type ShapeField =
  | 'programme'
  | 'category'
  | 'fundKind'
  | 'capitalSource'
  | 'amountCap'
  | 'basisPoints'
  | 'priorityGroups';

const SHAPE_FIELDS: readonly ShapeField[] = [
  'programme',
  'category',
  'fundKind',
  'capitalSource',
  'amountCap',
  'basisPoints',
  'priorityGroups',
];

/** Which fields each kind requires, and which it also takes (`programme` is implied where not required). */
const SHAPES: Readonly<
  Record<RuleKind, { required: readonly ShapeField[]; optional: readonly ShapeField[] }>
> = {
  support_ceiling: { required: ['category'], optional: ['programme', 'amountCap', 'basisPoints'] },
  advance_rate: { required: ['category', 'basisPoints'], optional: ['programme'] },
  coinvestment_cap: { required: ['basisPoints'], optional: ['programme'] },
  capital_share_cap: { required: ['fundKind', 'capitalSource', 'basisPoints'], optional: ['programme'] },
  priority_groups: { required: ['programme', 'priorityGroups'], optional: [] },
};

const given = (value: unknown) => value !== undefined && value !== null;

/** A real calendar day (the pattern lets `2026-02-31` through). */
export function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** `2026-02-30` and the like, named with their field. */
export function notACalendarDay(field: string, day: string): DomainFieldError {
  return {
    field,
    message: { vi: '{day} không phải một ngày có thật', en: '{day} is not a real calendar day' },
    params: { day },
  };
}

/** The programme a version belongs to, implied by its subject where the kind has one. */
function impliedProgramme(dto: RecordRuleVersionDto) {
  if (dto.kind === 'coinvestment_cap') return 'venture_coinvestment';
  if (dto.category) return programmeOfCategory(dto.category);
  if (dto.fundKind) return programmeOfFundKind(dto.fundKind);
  return dto.programme ?? null;
}

/**
 * What the field-by-field validation of the body cannot see: the fields a kind requires or does not take, a
 * programme that contradicts the category or fund kind, impossible days and an end before the start. Each problem
 * names its field, in Vietnamese and English.
 */
export function ruleVersionProblems(dto: RecordRuleVersionDto): DomainFieldError[] {
  const problems: DomainFieldError[] = [];
  const shape = SHAPES[dto.kind];
  for (const field of SHAPE_FIELDS) {
    const present = given(dto[field]);
    if (shape.required.includes(field) && !present) {
      problems.push({
        field,
        message: {
          vi: '{field} là bắt buộc với loại quy định {kind}',
          en: '{field} is required for a rule of kind {kind}',
        },
        params: { field, kind: dto.kind },
      });
    } else if (present && !shape.required.includes(field) && !shape.optional.includes(field)) {
      problems.push({
        field,
        message: {
          vi: 'Loại quy định {kind} không có trường {field}',
          en: 'A rule of kind {kind} does not take {field}',
        },
        params: { field, kind: dto.kind },
      });
    }
  }
  if (dto.kind === 'support_ceiling' && !given(dto.amountCap) && !given(dto.basisPoints)) {
    problems.push({
      field: 'amountCap',
      message: {
        vi: 'Mức trần cần số tiền (amountCap), tỷ lệ chi phí (basisPoints), hoặc cả hai',
        en: 'A support ceiling needs an amount (amountCap), a share of the cost (basisPoints), or both',
      },
    });
  }
  const implied = impliedProgramme(dto);
  if (given(dto.programme) && implied !== null && dto.programme !== implied) {
    problems.push({
      field: 'programme',
      message: {
        vi: 'Chương trình phải là {implied} cho nội dung này (gửi {programme})',
        en: 'The programme must be {implied} for this subject (got {programme})',
      },
      params: { implied, programme: dto.programme ?? null },
    });
  }
  for (const field of ['effectiveFrom', 'effectiveUntil'] as const) {
    const day = dto[field];
    if (typeof day === 'string' && !isCalendarDay(day)) problems.push(notACalendarDay(field, day));
  }
  if (given(dto.effectiveUntil) && (dto.effectiveUntil as string) < dto.effectiveFrom) {
    problems.push({
      field: 'effectiveUntil',
      message: {
        vi: 'Ngày kết thúc {until} trước ngày bắt đầu {from}',
        en: 'The end {until} is before the start {from}',
      },
      params: { until: dto.effectiveUntil ?? null, from: dto.effectiveFrom },
    });
  }
  return problems;
}

/** The subject of a version whose body passed `ruleVersionProblems`. */
export function subjectOfVersion(dto: RecordRuleVersionDto): RuleSubject {
  const programme = impliedProgramme(dto);
  if (programme === null) throw new Error('a checked rule version always has a programme');
  return {
    kind: dto.kind,
    programme,
    category: dto.category ?? null,
    fundKind: dto.fundKind ?? null,
    capitalSource: dto.capitalSource ?? null,
  };
}
