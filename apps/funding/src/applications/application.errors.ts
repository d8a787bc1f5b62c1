import type { ApplicationStatus, CallStatus } from '@khoinghiep/contracts';
import { DomainError, type DomainFieldError } from '@khoinghiep/http';

/** The application does not exist, or the caller may not know it does (`404` either way). */
export class ApplicationNotFoundError extends DomainError {
  constructor(applicationId: string) {
    super({
      code: 'APPLICATION_NOT_FOUND',
      status: 404,
      params: { applicationId },
      extensions: { applicationId },
      messages: {
        title: { vi: 'Không tìm thấy đề án', en: 'Application not found' },
        detail: {
          vi: 'Không tìm thấy đề án {applicationId}.',
          en: 'Application {applicationId} was not found.',
        },
      },
    });
  }
}

/** Fund staff may read an application but only its applicant changes it: `403`. */
export class NotApplicantError extends DomainError {
  constructor() {
    super({
      code: 'APPLICATION_OWNER_ONLY',
      status: 403,
      messages: {
        title: { vi: 'Chỉ người nộp được thực hiện', en: 'Only the applicant may do this' },
        detail: {
          vi: 'Chỉ người nộp đề án mới được sửa, nộp hoặc rút đề án.',
          en: 'Only the applicant may edit, submit or withdraw the application.',
        },
      },
    });
  }
}

/** The state machine refuses the action: `409`, naming the current state. */
export class IllegalApplicationTransitionError extends DomainError {
  constructor(action: string, currentStatus: ApplicationStatus, allowedFrom: readonly ApplicationStatus[]) {
    super({
      code: 'APPLICATION_ILLEGAL_TRANSITION',
      status: 409,
      params: { action, status: currentStatus, allowed: allowedFrom.join(', ') },
      extensions: { action, currentStatus, allowedFrom },
      messages: {
        title: { vi: 'Không thể thực hiện ở trạng thái hiện tại', en: 'Not possible in the current state' },
        detail: {
          vi: 'Không thể thực hiện "{action}" khi đề án đang ở trạng thái "{status}" (chỉ được phép khi: {allowed}).',
          en: 'Cannot {action} an application whose status is "{status}" (allowed only when: {allowed}).',
        },
      },
    });
  }
}

/** Funding has heard nothing of the project (never published, or its event has not arrived yet): `409`. */
export class ProjectUnknownError extends DomainError {
  constructor(projectId: string) {
    super({
      code: 'APPLICATION_PROJECT_UNKNOWN',
      status: 409,
      params: { projectId },
      extensions: { projectId },
      messages: {
        title: { vi: 'Quỹ chưa biết dự án này', en: 'Funding does not know this project' },
        detail: {
          vi: 'Dự án {projectId} chưa được công bố, hoặc tin công bố chưa đến hệ thống quỹ. Chỉ dự án đã công bố mới được lập đề án.',
          en: 'Project {projectId} has not been published, or funding has not heard of its publication yet. Only published projects may apply.',
        },
      },
    });
  }
}

/** The project is known but not published now (unpublished, withdrawn, under revision): `409`. */
export class ProjectNotPublishedError extends DomainError {
  constructor(projectId: string, lastEvent: string) {
    super({
      code: 'APPLICATION_PROJECT_NOT_PUBLISHED',
      status: 409,
      params: { projectId, lastEvent },
      extensions: { projectId, lastEvent },
      messages: {
        title: { vi: 'Dự án không đang được công bố', en: 'The project is not published' },
        detail: {
          vi: 'Dự án {projectId} không đang được công bố (sự kiện gần nhất: {lastEvent}). Chỉ dự án đang công bố mới được lập và nộp đề án.',
          en: 'Project {projectId} is not published now (latest event: {lastEvent}). Only published projects may apply.',
        },
      },
    });
  }
}

/** The project belongs to another founder: `403`. */
export class ProjectNotYoursError extends DomainError {
  constructor(projectId: string) {
    super({
      code: 'APPLICATION_PROJECT_NOT_YOURS',
      status: 403,
      params: { projectId },
      extensions: { projectId },
      messages: {
        title: { vi: 'Không phải dự án của bạn', en: 'Not your project' },
        detail: {
          vi: 'Dự án {projectId} là của nhà sáng lập khác; chỉ chủ dự án mới được lập đề án cho dự án.',
          en: 'Project {projectId} belongs to another founder; only its founder may apply for it.',
        },
      },
    });
  }
}

/** The project already has a live application in this call: `409`. */
export class DuplicateApplicationError extends DomainError {
  constructor(existingId: string) {
    super({
      code: 'APPLICATION_DUPLICATE',
      status: 409,
      params: { existingId },
      extensions: { existingApplicationId: existingId },
      messages: {
        title: { vi: 'Dự án đã có đề án trong đợt này', en: 'Already applied to this call' },
        detail: {
          vi: 'Dự án đã có đề án {existingId} trong đợt này; hãy sửa đề án đó hoặc rút nó trước.',
          en: 'The project already has application {existingId} in this call; edit it, or withdraw it first.',
        },
      },
    });
  }
}

/** No such call: `409` (the body names it; the route is not about the call). */
export class CallUnknownError extends DomainError {
  constructor(callId: string) {
    super({
      code: 'APPLICATION_CALL_UNKNOWN',
      status: 409,
      params: { callId },
      extensions: { callId },
      messages: {
        title: { vi: 'Không có đợt kêu gọi này', en: 'No such call' },
        detail: { vi: 'Không có đợt kêu gọi {callId}.', en: 'There is no funding call {callId}.' },
      },
    });
  }
}

/** The call takes no application now: `409`, naming its status. */
export class CallNotOpenError extends DomainError {
  constructor(callId: string, status: CallStatus) {
    super({
      code: 'APPLICATION_CALL_NOT_OPEN',
      status: 409,
      params: { callId, status },
      extensions: { callId, callStatus: status },
      messages: {
        title: { vi: 'Đợt kêu gọi không đang mở', en: 'The call is not open' },
        detail: {
          vi: 'Đợt {callId} đang ở trạng thái "{status}"; chỉ đợt đang mở mới nhận đề án.',
          en: 'Call {callId} is "{status}"; only an open call takes applications.',
        },
      },
    });
  }
}

/** The draft cannot be submitted as it is: `422`, each field named. */
export class ApplicationIncompleteError extends DomainError {
  constructor(errors: readonly DomainFieldError[]) {
    super({
      code: 'APPLICATION_INCOMPLETE',
      status: 422,
      errors,
      messages: {
        title: { vi: 'Đề án chưa đủ để nộp', en: 'The application cannot be submitted yet' },
        detail: {
          vi: 'Hãy sửa các trường được nêu rồi nộp lại.',
          en: 'Fix the fields listed, then submit again.',
        },
      },
    });
  }
}

/** The call is open, but not taking applications at this moment (before it opens or after it closes): `409`. */
export class CallOutsideWindowError extends DomainError {
  constructor(callId: string, opensAt: Date, closesAt: Date) {
    super({
      code: 'APPLICATION_CALL_NOT_OPEN',
      status: 409,
      params: { callId, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
      extensions: { callId, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
      messages: {
        title: { vi: 'Đợt kêu gọi không nhận đề án lúc này', en: 'The call is not taking applications now' },
        detail: {
          vi: 'Đợt {callId} chỉ nhận đề án từ {opensAt} đến {closesAt}.',
          en: 'Call {callId} takes applications only from {opensAt} until {closesAt}.',
        },
      },
    });
  }
}
