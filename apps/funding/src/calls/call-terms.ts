import type { AppraisalRubric } from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';

/** What a call's terms must satisfy beyond each field's own format: rules across fields. */
export interface CallTerms {
  opensAt: Date;
  closesAt: Date;
  appraisalRubric: AppraisalRubric;
}

/** Every rule across fields the terms break, each naming its field; empty when the terms hold together. */
export function callTermsProblems(terms: CallTerms): DomainFieldError[] {
  const problems: DomainFieldError[] = [];
  if (terms.closesAt.getTime() <= terms.opensAt.getTime()) {
    problems.push({
      field: 'closesAt',
      message: {
        vi: 'Hạn nộp (closesAt) phải sau thời điểm mở ({opensAt}).',
        en: 'closesAt must come after opensAt ({opensAt}).',
      },
      params: { opensAt: terms.opensAt.toISOString() },
    });
  }
  const weights = terms.appraisalRubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (weights !== 100) {
    problems.push({
      field: 'appraisalRubric.criteria',
      message: {
        vi: 'Tổng trọng số các tiêu chí phải bằng 100 (đang là {weights}).',
        en: 'The criteria weights must add up to 100 (they add up to {weights}).',
      },
      params: { weights },
    });
  }
  const { min, max } = terms.appraisalRubric.scale;
  if (max <= min) {
    problems.push({
      field: 'appraisalRubric.scale.max',
      message: {
        vi: 'Điểm cao nhất phải lớn hơn điểm thấp nhất ({min}).',
        en: 'The highest score must be above the lowest ({min}).',
      },
      params: { min },
    });
  }
  return problems;
}
