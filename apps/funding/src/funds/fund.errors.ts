import { DomainError } from '@khoinghiep/http';

/** The fund does not exist: `404`. */
export class FundNotFoundError extends DomainError {
  constructor(fundId: string) {
    super({
      code: 'FUND_NOT_FOUND',
      status: 404,
      params: { fundId },
      extensions: { fundId },
      messages: {
        title: { vi: 'Không tìm thấy quỹ', en: 'Fund not found' },
        detail: { vi: 'Không tìm thấy quỹ {fundId}.', en: 'Fund {fundId} was not found.' },
      },
    });
  }
}

/**
 * The provincial budget's share of the capital exceeds the cap in force (Decree 264/2025 for a provincial venture
 * fund): `422`, naming the share, the cap and the rule version applied.
 */
export class CapitalShareExceededError extends DomainError {
  constructor(share: string, cap: string, ruleVersionId: string) {
    super({
      code: 'FUND_CAPITAL_SHARE_EXCEEDED',
      status: 422,
      params: { share, cap, ruleVersionId },
      extensions: { share, cap, ruleVersionId },
      messages: {
        title: { vi: 'Vượt trần tỷ lệ vốn ngân sách tỉnh', en: 'Provincial-budget share over the cap' },
        detail: {
          vi: 'Ngân sách tỉnh chiếm {share} % vốn của quỹ, vượt trần {cap} % (quy định {ruleVersionId}).',
          en: 'The provincial budget is {share} % of the fund’s capital, over the cap of {cap} % (rule {ruleVersionId}).',
        },
      },
    });
  }
}
