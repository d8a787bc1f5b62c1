import type { LocalisedText } from '../i18n/locale.js';

/** The words of one problem code: a short title and a detail template with `{param}` placeholders. */
export interface ProblemMessages {
  title: LocalisedText;
  detail: LocalisedText;
}

/** Codes every app can produce without declaring them: framework and transport failures. */
export const CommonProblemCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  MalformedRequest: 'MALFORMED_REQUEST',
  BadRequest: 'BAD_REQUEST',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  NotAcceptable: 'NOT_ACCEPTABLE',
  Conflict: 'CONFLICT',
  PreconditionFailed: 'PRECONDITION_FAILED',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unprocessable: 'UNPROCESSABLE_CONTENT',
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL_ERROR',
  BadGateway: 'BAD_GATEWAY',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  GatewayTimeout: 'GATEWAY_TIMEOUT',
} as const;
export type CommonProblemCode = (typeof CommonProblemCode)[keyof typeof CommonProblemCode];

export const COMMON_PROBLEMS: Readonly<Record<CommonProblemCode, ProblemMessages>> = {
  VALIDATION_FAILED: {
    title: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
    detail: {
      vi: 'Yêu cầu có trường không hợp lệ; xem danh sách lỗi.',
      en: 'The request has invalid fields; see the list of errors.',
    },
  },
  MALFORMED_REQUEST: {
    title: { vi: 'Yêu cầu sai định dạng', en: 'Malformed request' },
    detail: {
      vi: 'Nội dung yêu cầu không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    },
  },
  BAD_REQUEST: {
    title: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
    detail: { vi: 'Máy chủ không thể xử lý yêu cầu này.', en: 'The server cannot process this request.' },
  },
  UNAUTHENTICATED: {
    title: { vi: 'Chưa xác thực', en: 'Not authenticated' },
    detail: {
      vi: 'Cần có mã truy cập hợp lệ để thực hiện yêu cầu này.',
      en: 'A valid access token is required for this request.',
    },
  },
  FORBIDDEN: {
    title: { vi: 'Không có quyền', en: 'Forbidden' },
    detail: {
      vi: 'Bạn không có quyền thực hiện thao tác này.',
      en: 'You are not allowed to perform this action.',
    },
  },
  NOT_FOUND: {
    title: { vi: 'Không tìm thấy', en: 'Not found' },
    detail: { vi: 'Không tìm thấy tài nguyên được yêu cầu.', en: 'The requested resource was not found.' },
  },
  METHOD_NOT_ALLOWED: {
    title: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
    detail: {
      vi: 'Tài nguyên này không hỗ trợ phương thức HTTP đã dùng.',
      en: 'This resource does not support the HTTP method used.',
    },
  },
  NOT_ACCEPTABLE: {
    title: { vi: 'Không thể đáp ứng định dạng', en: 'Not acceptable' },
    detail: {
      vi: 'Không có định dạng phản hồi phù hợp với yêu cầu.',
      en: 'No response format matches the request.',
    },
  },
  CONFLICT: {
    title: { vi: 'Xung đột', en: 'Conflict' },
    detail: {
      vi: 'Yêu cầu xung đột với trạng thái hiện tại của tài nguyên.',
      en: 'The request conflicts with the current state of the resource.',
    },
  },
  PRECONDITION_FAILED: {
    title: { vi: 'Điều kiện không thỏa mãn', en: 'Precondition failed' },
    detail: {
      vi: 'Tài nguyên đã thay đổi kể từ phiên bản bạn dựa vào.',
      en: 'The resource has changed since the version you based this on.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    title: { vi: 'Nội dung quá lớn', en: 'Payload too large' },
    detail: {
      vi: 'Nội dung yêu cầu vượt quá giới hạn cho phép.',
      en: 'The request body exceeds the allowed size.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    title: { vi: 'Định dạng nội dung không được hỗ trợ', en: 'Unsupported media type' },
    detail: {
      vi: 'Máy chủ không hỗ trợ định dạng nội dung của yêu cầu.',
      en: 'The server does not support the media type of the request body.',
    },
  },
  UNPROCESSABLE_CONTENT: {
    title: { vi: 'Không thể xử lý', en: 'Unprocessable content' },
    detail: {
      vi: 'Yêu cầu đúng định dạng nhưng không thể xử lý.',
      en: 'The request is well-formed but cannot be processed.',
    },
  },
  RATE_LIMITED: {
    title: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
    detail: {
      vi: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau.',
      en: 'You have sent too many requests. Please try again later.',
    },
  },
  INTERNAL_ERROR: {
    title: { vi: 'Lỗi hệ thống', en: 'Internal error' },
    detail: {
      vi: 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau.',
      en: 'An unexpected error occurred. Please try again later.',
    },
  },
  BAD_GATEWAY: {
    title: { vi: 'Phản hồi không hợp lệ từ dịch vụ', en: 'Bad gateway' },
    detail: {
      vi: 'Một dịch vụ phía sau trả về phản hồi không hợp lệ.',
      en: 'A service behind this one returned an invalid response.',
    },
  },
  SERVICE_UNAVAILABLE: {
    title: { vi: 'Dịch vụ không khả dụng', en: 'Service unavailable' },
    detail: {
      vi: 'Dịch vụ tạm thời không khả dụng. Vui lòng thử lại sau.',
      en: 'The service is temporarily unavailable. Please try again later.',
    },
  },
  GATEWAY_TIMEOUT: {
    title: { vi: 'Quá thời gian chờ', en: 'Gateway timeout' },
    detail: {
      vi: 'Một dịch vụ phía sau không phản hồi kịp thời.',
      en: 'A service behind this one did not answer in time.',
    },
  },
};

const STATUS_CODES: Readonly<Record<number, CommonProblemCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** The common code for an HTTP status; an unlisted 4xx is a bad request, anything else an internal error. */
export function commonCodeForStatus(status: number): CommonProblemCode {
  return STATUS_CODES[status] ?? (status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL_ERROR');
}
