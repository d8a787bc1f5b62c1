import type { CallStatus } from '@khoinghiep/contracts';
import { DomainError } from '@khoinghiep/http';

/** The call does not exist, or the caller may not see it (a draft, for anyone but fund staff): `404`. */
export class CallNotFoundError extends DomainError {
  constructor(callId: string) {
    super({
      code: 'CALL_NOT_FOUND',
      status: 404,
      params: { callId },
      extensions: { callId },
      messages: {
        title: { vi: 'Không tìm thấy đợt', en: 'Call not found' },
        detail: { vi: 'Không tìm thấy đợt {callId}.', en: 'Funding call {callId} was not found.' },
      },
    });
  }
}

/** The state machine refuses the action: `409`, naming the call's current state. */
export class IllegalCallTransitionError extends DomainError {
  constructor(action: string, currentStatus: CallStatus, allowedFrom: readonly CallStatus[]) {
    super({
      code: 'CALL_ILLEGAL_TRANSITION',
      status: 409,
      params: { action, status: currentStatus, allowed: allowedFrom.join(', ') },
      extensions: { action, currentStatus, allowedFrom },
      messages: {
        title: { vi: 'Không thể thực hiện ở trạng thái hiện tại', en: 'Not possible in the current state' },
        detail: {
          vi: 'Không thể thực hiện "{action}" khi đợt đang ở trạng thái "{status}" (chỉ được phép khi: {allowed}).',
          en: 'Cannot {action} a call whose status is "{status}" (allowed only when: {allowed}).',
        },
      },
    });
  }
}

/** A call cannot be opened once its closing time has passed: `409`. */
export class CallAlreadyClosedError extends DomainError {
  constructor(closesAt: Date) {
    super({
      code: 'CALL_ALREADY_CLOSED',
      status: 409,
      params: { closesAt: closesAt.toISOString() },
      extensions: { closesAt: closesAt.toISOString() },
      messages: {
        title: { vi: 'Đã quá hạn nhận hồ sơ', en: 'The closing time has passed' },
        detail: {
          vi: 'Đợt hết hạn nhận hồ sơ lúc {closesAt}; hãy sửa thời hạn trước khi mở.',
          en: 'The call closed for applications at {closesAt}; change its closing time before opening it.',
        },
      },
    });
  }
}

/** A budget may not go below what decisions have committed: `409`, naming both amounts. */
export class BudgetBelowCommittedError extends DomainError {
  constructor(requestedBudget: string, committed: string) {
    super({
      code: 'CALL_BUDGET_BELOW_COMMITTED',
      status: 409,
      params: { requestedBudget, committed },
      extensions: { requestedBudget, committed },
      messages: {
        title: { vi: 'Kinh phí thấp hơn số đã cam kết', en: 'Budget below what is committed' },
        detail: {
          vi: 'Không thể đặt kinh phí {requestedBudget} đồng: đợt đã cam kết {committed} đồng.',
          en: 'Cannot set the budget to {requestedBudget} đồng: the call has committed {committed} đồng.',
        },
      },
    });
  }
}
