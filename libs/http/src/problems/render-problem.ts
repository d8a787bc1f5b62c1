import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { UpstreamProblemError } from '../errors/upstream-problem.error.js';
import { type Locale, localise } from '../i18n/locale.js';
import { describeViolation } from '../validation/validation-messages.js';
import { ValidationProblemError } from '../validation/validation-problem.error.js';
import { COMMON_PROBLEMS, type CommonProblemCode, commonCodeForStatus } from './problem-catalogue.js';
import { type FieldError, type ProblemDocument, problemTypeFor } from './problem-document.js';

export interface ProblemContext {
  locale: Locale;
  /** The request path the problem occurred on. */
  instance?: string;
  correlationId?: string;
}

export interface RenderedProblem {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: ProblemDocument;
  /** How loudly the server should note it: faults of ours are errors, a missing neighbour a warning. */
  log?: 'error' | 'warn';
}

function commonProblem(code: CommonProblemCode, status: number, context: ProblemContext): ProblemDocument {
  const messages = COMMON_PROBLEMS[code];
  return {
    type: problemTypeFor(code),
    title: messages.title[context.locale],
    status,
    detail: messages.detail[context.locale],
    instance: context.instance,
    code,
    correlationId: context.correlationId,
  };
}

function renderDomainError(error: DomainError, context: ProblemContext): ProblemDocument {
  const errors: FieldError[] =
    error instanceof ValidationProblemError
      ? error.violations.map((v) => ({ field: v.field, message: describeViolation(v, context.locale) }))
      : error.errors.map((e) => ({ field: e.field, message: localise(e.message, context.locale, e.params) }));
  return {
    ...error.extensions,
    type: problemTypeFor(error.code),
    title: localise(error.messages.title, context.locale, error.params),
    status: error.status,
    detail: localise(error.messages.detail, context.locale, error.params),
    instance: context.instance,
    code: error.code,
    correlationId: context.correlationId,
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** Body-parser's "not JSON" arrives as a 400 HttpException caused by a SyntaxError. */
function isMalformedBody(exception: HttpException): boolean {
  return exception.getStatus() === HttpStatus.BAD_REQUEST && exception.cause instanceof SyntaxError;
}

/**
 * The one mapping from anything thrown to the problem document answered: typed domain errors with their code,
 * Nest's HTTP exceptions by status, a neighbour's problem passed through, and anything else a `500` that says
 * nothing about the internals.
 */
export function renderProblem(exception: unknown, context: ProblemContext): RenderedProblem {
  if (exception instanceof UpstreamProblemError) {
    const body: ProblemDocument = {
      ...exception.problem,
      status: exception.status,
      correlationId: exception.problem.correlationId ?? context.correlationId,
    };
    return { status: exception.status, headers: exception.headers, body };
  }
  if (exception instanceof DomainError) {
    return {
      status: exception.status,
      headers: exception.headers,
      body: renderDomainError(exception, context),
      log: exception.status >= 500 ? 'warn' : undefined,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = isMalformedBody(exception) ? 'MALFORMED_REQUEST' : commonCodeForStatus(status);
    return {
      status,
      headers: {},
      body: commonProblem(code, status, context),
      log: status >= 500 ? 'error' : undefined,
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    headers: {},
    body: commonProblem('INTERNAL_ERROR', HttpStatus.INTERNAL_SERVER_ERROR, context),
    log: 'error',
  };
}
