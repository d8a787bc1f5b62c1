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

/**
 * A command needs a rule that has no version in force for its province and day (e.g. an advance with no advance
 * rate for the category): `422`, naming the rule, the scope and the day, so an admin knows what to record.
 */
export class RuleNotInForceError extends DomainError {
  constructor(rule: string, provinceCode: string | null, day: string) {
    super({
      code: 'RULE_NOT_IN_FORCE',
      status: 422,
      params: { rule, province: provinceCode ?? 'toàn quốc / national', day },
      extensions: { rule, provinceCode, day },
      messages: {
        title: { vi: 'Chưa có quy định áp dụng', en: 'No rule in force' },
        detail: {
          vi: 'Không có quy định {rule} có hiệu lực ngày {day} cho phạm vi {province}.',
          en: 'No {rule} rule is in force on {day} for {province}.',
        },
      },
    });
  }
}
