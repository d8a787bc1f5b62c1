import type { FundKind } from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';

/** Kinds run by the central government: no province. */
export const NATIONAL_FUND_KINDS: readonly FundKind[] = ['khuyen_cong_national'];
/** Kinds run by a province: a province is required. Others (startup, SME, association funds) may have one. */
export const PROVINCIAL_FUND_KINDS: readonly FundKind[] = ['khuyen_cong_local', 'provincial_venture_fund'];

/** Why `provinceCode` does not fit a fund of `kind`, or null when it does (the database checks the same). */
export function provinceProblem(kind: FundKind, provinceCode: string | null): DomainFieldError | null {
  if (NATIONAL_FUND_KINDS.includes(kind) && provinceCode !== null) {
    return {
      field: 'provinceCode',
      message: {
        vi: 'Quỹ trung ương ({kind}) không thuộc tỉnh nào: để provinceCode là null.',
        en: 'A national fund ({kind}) has no province: leave provinceCode null.',
      },
      params: { kind },
    };
  }
  if (PROVINCIAL_FUND_KINDS.includes(kind) && provinceCode === null) {
    return {
      field: 'provinceCode',
      message: {
        vi: 'Quỹ địa phương ({kind}) phải có tỉnh: hãy gửi provinceCode.',
        en: 'A provincial fund ({kind}) needs a province: send provinceCode.',
      },
      params: { kind },
    };
  }
  return null;
}
