import { CORRELATION_ID_HEADER, correlationIdFrom, currentCorrelationId } from '@khoinghiep/observability';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { negotiateLocale } from '../i18n/locale.js';
import { PROBLEM_CONTENT_TYPE } from './problem-document.js';
import { renderProblem } from './render-problem.js';

function describeForLog(exception: unknown): { message: string; stack?: string } {
  if (exception instanceof Error)
    return { message: `${exception.name}: ${exception.message}`, stack: exception.stack };
  return { message: `Non-error thrown: ${typeof exception}` };
}

/**
 * The single place where errors become HTTP answers: an RFC 9457 problem document, in the caller's language,
 * carrying the request's correlation id. Request bodies are never logged here (they may hold passwords).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();

    // Errors raised before the request context exists (body too large, malformed JSON) still get an id.
    const correlationId =
      currentCorrelationId() ??
      (response.getHeader(CORRELATION_ID_HEADER) as string | undefined) ??
      correlationIdFrom(request.headers[CORRELATION_ID_HEADER]);
    const problem = renderProblem(exception, {
      locale: negotiateLocale(request.headers['accept-language']),
      instance: request.originalUrl?.split('?')[0] ?? request.url,
      correlationId,
    });

    if (problem.log) {
      const { message, stack } = describeForLog(exception);
      const line = `${request.method} ${request.path} → ${problem.status} ${problem.body.code}: ${message}`;
      if (problem.log === 'error') this.logger.error(line, stack);
      else this.logger.warn(line);
    }

    if (response.headersSent) {
      response.end();
      return;
    }
    response.setHeader(CORRELATION_ID_HEADER, correlationId);
    for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.body));
  }
}
