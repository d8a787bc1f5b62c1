import type { ApplicationStatus } from '@khoinghiep/contracts';
import { DomainError, type DomainFieldError } from '@khoinghiep/http';

/** There is no appraisal of the application yet (nobody assigned): `404`. */
export class AppraisalNotFoundError extends DomainError {
  constructor(applicationId: string) {
    super({
      code: 'APPRAISAL_NOT_FOUND',
      status: 404,
      params: { applicationId },
      extensions: { applicationId },
      messages: {
        title: { vi: 'Chưa có thẩm định', en: 'No appraisal yet' },
        detail: {
          vi: 'Đề án {applicationId} chưa được phân công thẩm định.',
          en: 'Nobody has been assigned to appraise application {applicationId} yet.',
        },
      },
    });
  }
}

/** Maker–checker: the applicant neither appraises their application nor runs its appraisal: `403`. */
export class ApplicantExcludedError extends DomainError {
  constructor(applicationId: string) {
    super({
      code: 'APPRAISAL_APPLICANT_EXCLUDED',
      status: 403,
      params: { applicationId },
      extensions: { applicationId },
      messages: {
        title: { vi: 'Người nộp đề án không được tham gia', en: 'The applicant is excluded' },
        detail: {
          vi: 'Bạn là người nộp đề án {applicationId}: bạn không được thẩm định hay tổ chức thẩm định đề án này.',
          en: 'You submitted application {applicationId}: you may not appraise it or run its appraisal.',
        },
      },
    });
  }
}

/** Maker–checker: the applicant named as an appraiser of their own application: `422`. */
export class ApplicantAsAppraiserError extends DomainError {
  constructor(appraiserId: string, position: number) {
    super({
      code: 'APPRAISAL_APPLICANT_AS_APPRAISER',
      status: 422,
      params: { appraiserId },
      extensions: { appraiserId },
      errors: [
        {
          field: `appraiserIds[${position}]`,
          message: { vi: 'Là người nộp đề án.', en: 'Is the applicant.' },
        },
      ],
      messages: {
        title: { vi: 'Người nộp không thể là thẩm định viên', en: 'The applicant cannot appraise' },
        detail: {
          vi: 'Tài khoản {appraiserId} là người nộp đề án nên không thể thẩm định đề án này.',
          en: 'Account {appraiserId} submitted this application, so it cannot appraise it.',
        },
      },
    });
  }
}

/** Why an account is not taken as a fund officer who may appraise. */
export type NotOfficerReason = 'not_on_roster' | 'not_fund_officer' | 'deactivated' | 'standing_changed';

const REASON_TEXT: Record<NotOfficerReason, { vi: string; en: string }> = {
  not_on_roster: {
    vi: 'chưa đăng ký làm thẩm định viên (POST /funding/appraisers/me)',
    en: 'has not joined the appraiser roster (POST /funding/appraisers/me)',
  },
  not_fund_officer: { vi: 'không có vai trò cán bộ quỹ', en: 'does not hold the fund officer role' },
  deactivated: { vi: 'đã bị vô hiệu hoá', en: 'has been deactivated' },
  standing_changed: {
    vi: 'đã thay đổi quyền sau khi đăng ký; cần đăng ký lại',
    en: 'had its roles changed since joining the roster; it must join again',
  },
};

/** An appraiser must be a fund officer funding knows of (the roster, checked against account standing): `422`. */
export class AppraiserNotFundOfficerError extends DomainError {
  constructor(appraiserId: string, position: number, reason: NotOfficerReason) {
    super({
      code: 'APPRAISER_NOT_FUND_OFFICER',
      status: 422,
      params: { appraiserId, reasonVi: REASON_TEXT[reason].vi, reasonEn: REASON_TEXT[reason].en },
      extensions: { appraiserId, reason },
      errors: [{ field: `appraiserIds[${position}]`, message: REASON_TEXT[reason] }],
      messages: {
        title: { vi: 'Không phải cán bộ quỹ', en: 'Not a fund officer' },
        detail: {
          vi: 'Tài khoản {appraiserId} không thể thẩm định: {reasonVi}.',
          en: 'Account {appraiserId} cannot appraise: it {reasonEn}.',
        },
      },
    });
  }
}

/** The appraiser is already on the panel: `409`. */
export class AppraiserAlreadyAssignedError extends DomainError {
  constructor(appraiserId: string) {
    super({
      code: 'APPRAISER_ALREADY_ASSIGNED',
      status: 409,
      params: { appraiserId },
      extensions: { appraiserId },
      messages: {
        title: { vi: 'Đã được phân công', en: 'Already assigned' },
        detail: {
          vi: 'Tài khoản {appraiserId} đã được phân công thẩm định đề án này.',
          en: 'Account {appraiserId} is already assigned to appraise this application.',
        },
      },
    });
  }
}

/** Only a submitted, eligible application is appraised: `409`, naming where it stands. */
export class ApplicationNotAppraisableError extends DomainError {
  constructor(status: ApplicationStatus, eligible: boolean | null) {
    super({
      code: 'APPRAISAL_APPLICATION_NOT_APPRAISABLE',
      status: 409,
      params: { status, eligible: String(eligible) },
      extensions: { applicationStatus: status, eligible },
      messages: {
        title: { vi: 'Đề án không thể thẩm định', en: 'The application cannot be appraised' },
        detail: {
          vi: 'Chỉ thẩm định đề án đã nộp và đủ điều kiện (đề án đang "{status}", đủ điều kiện: {eligible}).',
          en: 'Only a submitted, eligible application is appraised (this one is "{status}", eligible: {eligible}).',
        },
      },
    });
  }
}

/** The appraisal was closed by a fund officer: nothing changes any more: `409`. */
export class AppraisalClosedError extends DomainError {
  constructor(applicationId: string) {
    super({
      code: 'APPRAISAL_CLOSED',
      status: 409,
      params: { applicationId },
      extensions: { applicationId },
      messages: {
        title: { vi: 'Thẩm định đã kết thúc', en: 'The appraisal is closed' },
        detail: {
          vi: 'Thẩm định đề án {applicationId} đã kết thúc: điểm là chính thức.',
          en: 'The appraisal of application {applicationId} is closed: its scores are final.',
        },
      },
    });
  }
}

/** A decision (or a withdrawal) exists: the appraisal is what it was then: `409`. */
export class ApplicationDecidedError extends DomainError {
  constructor(status: ApplicationStatus) {
    super({
      code: 'APPRAISAL_APPLICATION_DECIDED',
      status: 409,
      params: { status },
      extensions: { applicationStatus: status },
      messages: {
        title: { vi: 'Đề án đã có kết quả', en: 'The application is decided' },
        detail: {
          vi: 'Đề án đang "{status}": thẩm định không thay đổi được nữa.',
          en: 'The application is "{status}": its appraisal can no longer change.',
        },
      },
    });
  }
}

/** The caller is not on the panel of this application: `403`. */
export class NotAssignedError extends DomainError {
  constructor(applicationId: string) {
    super({
      code: 'APPRAISAL_NOT_ASSIGNED',
      status: 403,
      params: { applicationId },
      extensions: { applicationId },
      messages: {
        title: { vi: 'Không được phân công', en: 'Not assigned' },
        detail: {
          vi: 'Bạn không được phân công thẩm định đề án {applicationId}.',
          en: 'You are not assigned to appraise application {applicationId}.',
        },
      },
    });
  }
}

/** A declaration is made once: `409`. */
export class AlreadyDeclaredError extends DomainError {
  constructor(declaration: string) {
    super({
      code: 'APPRAISAL_ALREADY_DECLARED',
      status: 409,
      params: { declaration },
      extensions: { declaration },
      messages: {
        title: { vi: 'Đã khai báo', en: 'Already declared' },
        detail: {
          vi: 'Bạn đã khai báo "{declaration}"; khai báo chỉ một lần.',
          en: 'You already declared "{declaration}"; a declaration is made once.',
        },
      },
    });
  }
}

/** Scores come only after a declaration of no conflict: `409`. */
export class DeclarationRequiredError extends DomainError {
  constructor() {
    super({
      code: 'APPRAISAL_DECLARATION_REQUIRED',
      status: 409,
      messages: {
        title: { vi: 'Cần khai báo xung đột lợi ích', en: 'Declaration required' },
        detail: {
          vi: 'Hãy khai báo không có xung đột lợi ích trước khi chấm điểm.',
          en: 'Declare that you have no conflict of interest before scoring.',
        },
      },
    });
  }
}

/** An appraiser who recused for a conflict of interest never scores: `409`. */
export class ConflictDeclaredError extends DomainError {
  constructor() {
    super({
      code: 'APPRAISAL_CONFLICT_DECLARED',
      status: 409,
      messages: {
        title: { vi: 'Đã rút vì xung đột lợi ích', en: 'Recused for a conflict of interest' },
        detail: {
          vi: 'Bạn đã rút khỏi thẩm định đề án này vì xung đột lợi ích nên không thể chấm điểm.',
          en: 'You recused from this appraisal for a conflict of interest, so you cannot score it.',
        },
      },
    });
  }
}

/** What is wrong with a set of scores, worst first. */
export type ScoresProblem =
  | 'APPRAISAL_UNKNOWN_CRITERION'
  | 'APPRAISAL_SCORE_OUT_OF_SCALE'
  | 'APPRAISAL_CRITERION_MISSING';

const SCORES_TEXT: Record<
  ScoresProblem,
  { title: { vi: string; en: string }; detail: { vi: string; en: string } }
> = {
  APPRAISAL_UNKNOWN_CRITERION: {
    title: { vi: 'Tiêu chí không có trong bảng', en: 'Unknown criterion' },
    detail: {
      vi: 'Chỉ chấm các tiêu chí của đợt: {criteria}.',
      en: "Score only the call's criteria: {criteria}.",
    },
  },
  APPRAISAL_SCORE_OUT_OF_SCALE: {
    title: { vi: 'Điểm ngoài thang', en: 'Score off the scale' },
    detail: {
      vi: 'Điểm phải từ {min} đến {max}.',
      en: 'Scores go from {min} to {max}.',
    },
  },
  APPRAISAL_CRITERION_MISSING: {
    title: { vi: 'Thiếu tiêu chí', en: 'Criterion left out' },
    detail: {
      vi: 'Phải chấm mọi tiêu chí của đợt: {criteria}.',
      en: 'Every criterion of the call must be scored: {criteria}.',
    },
  },
};

/** Scores the rubric does not accept: `422`, each offending field named. */
export class ScoresRefusedError extends DomainError {
  constructor(
    code: ScoresProblem,
    errors: readonly DomainFieldError[],
    rubric: { criteria: readonly string[]; min: number; max: number },
  ) {
    super({
      code,
      status: 422,
      errors,
      params: { criteria: rubric.criteria.join(', '), min: rubric.min, max: rubric.max },
      extensions: { criteria: rubric.criteria, scale: { min: rubric.min, max: rubric.max } },
      messages: SCORES_TEXT[code],
    });
  }
}
