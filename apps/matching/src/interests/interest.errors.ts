import type { InterestStatus } from '@khoinghiep/contracts';
import { DomainError } from '@khoinghiep/http';

/** The interest does not exist, or the caller is neither of its parties (`404` either way, so ids do not leak). */
export class InterestNotFoundError extends DomainError {
  constructor(interestId: string) {
    super({
      code: 'INTEREST_NOT_FOUND',
      status: 404,
      params: { interestId },
      extensions: { interestId },
      messages: {
        title: { vi: 'Không tìm thấy lời quan tâm', en: 'Interest not found' },
        detail: {
          vi: 'Không tìm thấy lời quan tâm {interestId}.',
          en: 'Interest {interestId} was not found.',
        },
      },
    });
  }
}

/** The project is not (or no longer) published, or matching never heard of it: `409`. */
export class InterestProjectNotPublishedError extends DomainError {
  constructor(projectId: string) {
    super({
      code: 'INTEREST_PROJECT_NOT_PUBLISHED',
      status: 409,
      params: { projectId },
      extensions: { projectId },
      messages: {
        title: { vi: 'Dự án chưa công bố', en: 'Project not published' },
        detail: {
          vi: 'Dự án {projectId} chưa được công bố (hoặc không tồn tại): chỉ bày tỏ quan tâm với dự án đã công bố.',
          en: 'Project {projectId} is not published (or does not exist): interest goes to published projects only.',
        },
      },
    });
  }
}

/** The investor has no published profile, so the founder would not know who is asking: `409`. */
export class InterestProfileRequiredError extends DomainError {
  constructor() {
    super({
      code: 'INTEREST_PROFILE_REQUIRED',
      status: 409,
      messages: {
        title: { vi: 'Cần hồ sơ nhà đầu tư', en: 'Investor profile required' },
        detail: {
          vi: 'Hãy công bố hồ sơ nhà đầu tư trước khi bày tỏ quan tâm.',
          en: 'Publish your investor profile before expressing interest.',
        },
      },
    });
  }
}

/** An investor who also founded the project cannot court it: `409`. */
export class InterestOwnProjectError extends DomainError {
  constructor(projectId: string) {
    super({
      code: 'INTEREST_OWN_PROJECT',
      status: 409,
      params: { projectId },
      extensions: { projectId },
      messages: {
        title: { vi: 'Dự án của chính bạn', en: 'Your own project' },
        detail: {
          vi: 'Dự án {projectId} là của bạn: không thể bày tỏ quan tâm.',
          en: 'Project {projectId} is yours: you cannot express interest in it.',
        },
      },
    });
  }
}

/** An interest in the project is already open (the partial unique index decides under concurrency): `409`. */
export class InterestAlreadyOpenError extends DomainError {
  constructor(projectId: string, interestId: string | null) {
    super({
      code: 'INTEREST_ALREADY_OPEN',
      status: 409,
      params: { projectId },
      extensions: { projectId, interestId },
      messages: {
        title: { vi: 'Đã có quan tâm đang mở', en: 'An interest is already open' },
        detail: {
          vi: 'Bạn đã bày tỏ quan tâm tới dự án {projectId} và đang chờ trả lời.',
          en: 'You already expressed interest in project {projectId}, awaiting an answer.',
        },
      },
    });
  }
}

/** The investor reached the daily cap: `429`, `Retry-After` until the next Vietnam day. */
export class InterestDailyCapReachedError extends DomainError {
  constructor(cap: number, retryAfterSeconds: number) {
    super({
      code: 'INTEREST_DAILY_CAP_REACHED',
      status: 429,
      params: { cap },
      headers: { 'Retry-After': String(retryAfterSeconds) },
      extensions: { cap, retryAfterSeconds },
      messages: {
        title: { vi: 'Đã đạt giới hạn trong ngày', en: 'Daily cap reached' },
        detail: {
          vi: 'Mỗi ngày (giờ Việt Nam) bạn bày tỏ quan tâm được tối đa {cap} lần; hãy thử lại vào ngày mai.',
          en: 'You may express interest at most {cap} times a day (Vietnam time); try again tomorrow.',
        },
      },
    });
  }
}

/** The interest was already answered or withdrawn: `409`, naming its status. */
export class InterestNotOpenError extends DomainError {
  constructor(action: string, currentStatus: InterestStatus) {
    super({
      code: 'INTEREST_NOT_OPEN',
      status: 409,
      params: { action, status: currentStatus },
      extensions: { action, currentStatus },
      messages: {
        title: { vi: 'Lời quan tâm không còn mở', en: 'Interest no longer open' },
        detail: {
          vi: 'Không thể "{action}": lời quan tâm đang ở trạng thái "{status}".',
          en: 'Cannot {action}: the interest is "{status}".',
        },
      },
    });
  }
}

/** The investor of the interest tried to answer it: `403`. */
export class InterestFounderOnlyError extends DomainError {
  constructor() {
    super({
      code: 'INTEREST_FOUNDER_ONLY',
      status: 403,
      messages: {
        title: { vi: 'Chỉ nhà sáng lập trả lời', en: 'Only the founder answers' },
        detail: {
          vi: 'Chỉ nhà sáng lập của dự án được chấp nhận hoặc từ chối lời quan tâm.',
          en: "Only the project's founder may accept or decline an interest.",
        },
      },
    });
  }
}

/** The founder of the project tried to withdraw the investor's interest: `403`. */
export class InterestInvestorOnlyError extends DomainError {
  constructor() {
    super({
      code: 'INTEREST_INVESTOR_ONLY',
      status: 403,
      messages: {
        title: { vi: 'Chỉ nhà đầu tư được rút', en: 'Only the investor withdraws' },
        detail: {
          vi: 'Chỉ nhà đầu tư đã gửi lời quan tâm được rút lại.',
          en: 'Only the investor who sent the interest may withdraw it.',
        },
      },
    });
  }
}
