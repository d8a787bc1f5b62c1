import { DomainError } from '@khoinghiep/http';

/** The application was decided already (one decision per application): `409`. */
export class AlreadyDecidedError extends DomainError {
  constructor(applicationId: string, status: string) {
    super({
      code: 'DECISION_ALREADY_MADE',
      status: 409,
      params: { applicationId, status },
      extensions: { applicationId, status },
      messages: {
        title: { vi: 'Đã có quyết định', en: 'Already decided' },
        detail: {
          vi: 'Đề án {applicationId} đã được quyết định ({status}).',
          en: 'Application {applicationId} was already decided ({status}).',
        },
      },
    });
  }
}

/** Only a submitted, eligible application is decided: `409`. */
export class NotDecidableError extends DomainError {
  constructor(applicationId: string, status: string, eligible: boolean | null) {
    super({
      code: 'DECISION_NOT_DECIDABLE',
      status: 409,
      params: { applicationId, status, eligible: String(eligible) },
      extensions: { applicationId, status, eligible },
      messages: {
        title: { vi: 'Không thể quyết định đề án này', en: 'This application cannot be decided' },
        detail: {
          vi: 'Chỉ quyết định đề án đã nộp và đủ điều kiện; đề án {applicationId} đang {status}, đủ điều kiện: {eligible}.',
          en: 'Only a submitted, eligible application is decided; {applicationId} is {status}, eligible: {eligible}.',
        },
      },
    });
  }
}

/** Decisions are made while a call is open or closed, not on a draft or finalised call: `409`. */
export class CallNotDecidingError extends DomainError {
  constructor(callId: string, status: string) {
    super({
      code: 'DECISION_CALL_NOT_DECIDING',
      status: 409,
      params: { callId, status },
      extensions: { callId, status },
      messages: {
        title: { vi: 'Đợt không ở giai đoạn xét duyệt', en: 'The call is not being decided' },
        detail: {
          vi: 'Đợt {callId} đang {status}; chỉ xét duyệt khi đợt mở hoặc đã đóng.',
          en: 'Call {callId} is {status}; decisions are made while it is open or closed.',
        },
      },
    });
  }
}

/** The approver is the applicant: `422`. */
export class OwnApplicationError extends DomainError {
  constructor() {
    super({
      code: 'DECISION_OWN_APPLICATION',
      status: 422,
      messages: {
        title: { vi: 'Không tự phê duyệt', en: 'No decision on your own application' },
        detail: {
          vi: 'Người phê duyệt không được quyết định đề án của chính mình.',
          en: 'An approver may not decide their own application.',
        },
      },
    });
  }
}

/** Above the approver's approval limit (financial delegation): `409`, problem `over-approval-limit`. */
export class OverApprovalLimitError extends DomainError {
  constructor(amount: bigint, limit: bigint | null) {
    const limitText = limit === null ? 'none' : limit.toString();
    super({
      code: 'OVER_APPROVAL_LIMIT',
      status: 409,
      params: { amount: amount.toString(), limit: limitText },
      extensions: { amount: amount.toString(), limit: limit === null ? null : limit.toString() },
      messages: {
        title: { vi: 'Vượt hạn mức phê duyệt', en: 'Over the approval limit' },
        detail: {
          vi: 'Phê duyệt {amount} đồng vượt hạn mức của bạn ({limit} đồng mỗi quyết định).',
          en: 'Approving {amount} đồng is above your approval limit ({limit} đồng per decision).',
        },
      },
    });
  }
}

/** More than is left of the call's budget: `409`. */
export class CallBudgetExceededError extends DomainError {
  constructor(amount: bigint, remaining: bigint, cause?: unknown) {
    super({
      code: 'CALL_BUDGET_EXCEEDED',
      status: 409,
      cause,
      params: { amount: amount.toString(), remaining: remaining.toString() },
      extensions: { amount: amount.toString(), remaining: remaining.toString() },
      messages: {
        title: { vi: 'Vượt ngân sách còn lại của đợt', en: 'Over what is left of the call' },
        detail: {
          vi: 'Phê duyệt {amount} đồng nhưng đợt chỉ còn {remaining} đồng.',
          en: 'Approving {amount} đồng but the call has only {remaining} đồng left.',
        },
      },
    });
  }
}

/** Above the requested total: `422`. */
export class AmountOverRequestedError extends DomainError {
  constructor(amount: bigint, requested: bigint) {
    super({
      code: 'DECISION_AMOUNT_OVER_REQUESTED',
      status: 422,
      params: { amount: amount.toString(), requested: requested.toString() },
      extensions: { amount: amount.toString(), requested: requested.toString() },
      errors: [
        {
          field: 'amount',
          message: {
            vi: 'Số tiền phê duyệt ({amount} đồng) vượt tổng đề nghị ({requested} đồng).',
            en: 'The amount ({amount} đồng) is above the total requested ({requested} đồng).',
          },
          params: { amount: amount.toString(), requested: requested.toString() },
        },
      ],
      messages: {
        title: { vi: 'Vượt số đề nghị', en: 'Above the request' },
        detail: {
          vi: 'Số tiền phê duyệt {amount} đồng vượt tổng đề nghị {requested} đồng.',
          en: 'The amount {amount} đồng is above the {requested} đồng requested.',
        },
      },
    });
  }
}

/** Above what the ceilings in force on the decision date allow for the application's categories: `422`. */
export class AmountOverCeilingError extends DomainError {
  constructor(amount: bigint, allowed: bigint, day: string, ruleVersionIds: readonly string[]) {
    super({
      code: 'DECISION_AMOUNT_OVER_CEILING',
      status: 422,
      params: { amount: amount.toString(), allowed: allowed.toString(), day },
      extensions: { amount: amount.toString(), allowed: allowed.toString(), day, ruleVersionIds },
      messages: {
        title: { vi: 'Vượt mức trần hỗ trợ', en: 'Above the support ceilings' },
        detail: {
          vi: 'Phê duyệt {amount} đồng vượt mức trần đang hiệu lực ngày {day}: tối đa {allowed} đồng.',
          en: 'Approving {amount} đồng is above the ceilings in force on {day}: at most {allowed} đồng.',
        },
      },
    });
  }
}

/**
 * A co-investment over the Decree 38/2018 cap in force: at most `capBp` basis points of the private funds' total
 * (`422`), naming the cap, the private total and the rule version applied.
 */
export class CoinvestmentOverCapError extends DomainError {
  constructor(amount: bigint, cap: bigint, privateTotal: bigint, capBp: number, ruleVersionId: string) {
    const params = {
      amount: amount.toString(),
      cap: cap.toString(),
      privateTotal: privateTotal.toString(),
      capPercent: (capBp / 100).toString(),
      ruleVersionId,
    };
    super({
      code: 'DECISION_COINVESTMENT_OVER_CAP',
      status: 422,
      params,
      extensions: { ...params, capBasisPoints: capBp },
      messages: {
        title: { vi: 'Vượt mức trần đồng đầu tư', en: 'Above the co-investment cap' },
        detail: {
          vi: 'Đồng đầu tư {amount} đồng vượt mức trần {cap} đồng ({capPercent} % của {privateTotal} đồng vốn tư nhân, quy định {ruleVersionId}).',
          en: 'Co-investing {amount} đồng is above the cap of {cap} đồng ({capPercent} % of the {privateTotal} đồng private funds, rule version {ruleVersionId}).',
        },
      },
    });
  }
}
