import { DomainError } from '@khoinghiep/http';

/** No version of the rule was ever recorded (or the id is not a rule id): `404`. */
export class RuleNotFoundError extends DomainError {
  constructor(ruleId: string) {
    super({
      code: 'RULE_NOT_FOUND',
      status: 404,
      params: { ruleId },
      extensions: { ruleId },
      messages: {
        title: { vi: 'Không tìm thấy quy định', en: 'Rule not found' },
        detail: { vi: 'Không có quy định {ruleId}.', en: 'There is no rule {ruleId}.' },
      },
    });
  }
}
