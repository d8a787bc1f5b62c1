import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

/** The service could not be reached (refused, reset, unknown host) or said it is unavailable: `503`. */
export class ServiceUnavailableError extends DomainError {
  constructor(service: string, cause?: unknown) {
    super({
      code: 'SERVICE_UNAVAILABLE',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      params: { service },
      extensions: { service },
      headers: { 'Retry-After': '5' },
      cause,
      messages: {
        title: { vi: 'Dịch vụ không khả dụng', en: 'Service unavailable' },
        detail: {
          vi: 'Dịch vụ {service} hiện không khả dụng. Vui lòng thử lại sau.',
          en: 'The {service} service is unavailable. Please try again later.',
        },
      },
    });
  }
}

/** The service did not answer before the call's deadline: `504`. */
export class ServiceTimeoutError extends DomainError {
  constructor(service: string, timeoutMs: number, cause?: unknown) {
    super({
      code: 'GATEWAY_TIMEOUT',
      status: HttpStatus.GATEWAY_TIMEOUT,
      params: { service, timeoutMs },
      extensions: { service, timeoutMs },
      cause,
      messages: {
        title: { vi: 'Dịch vụ phản hồi quá hạn', en: 'Service timed out' },
        detail: {
          vi: 'Dịch vụ {service} không phản hồi trong {timeoutMs} ms.',
          en: 'The {service} service did not answer within {timeoutMs} ms.',
        },
      },
    });
  }
}

/** The service answered something that is neither its data nor a problem document: `502`. */
export class ServiceBadResponseError extends DomainError {
  constructor(service: string, upstreamStatus: number) {
    super({
      code: 'BAD_GATEWAY',
      status: HttpStatus.BAD_GATEWAY,
      params: { service, upstreamStatus },
      extensions: { service },
      messages: {
        title: { vi: 'Phản hồi không hợp lệ từ dịch vụ', en: 'Bad gateway' },
        detail: {
          vi: 'Dịch vụ {service} trả về phản hồi không hợp lệ (HTTP {upstreamStatus}).',
          en: 'The {service} service returned an invalid response (HTTP {upstreamStatus}).',
        },
      },
    });
  }
}
