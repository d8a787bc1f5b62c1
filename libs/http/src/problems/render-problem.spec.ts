import 'reflect-metadata';
import { BadRequestException, HttpStatus, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { IsEmail, IsString } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';
import { UpstreamProblemError } from '../errors/upstream-problem.error.js';
import { ServiceTimeoutError, ServiceUnavailableError } from '../service-client/service-client.errors.js';
import { createValidationPipe } from '../validation/validation-pipe.js';
import { ValidationProblemError } from '../validation/validation-problem.error.js';
import { type ProblemContext, renderProblem } from './render-problem.js';

const vi: ProblemContext = { locale: 'vi', instance: '/api/v1/things', correlationId: 'corr-1' };
const en: ProblemContext = { ...vi, locale: 'en' };

class QuotaExceededError extends DomainError {
  constructor(limit: number) {
    super({
      code: 'QUOTA_EXCEEDED',
      status: HttpStatus.CONFLICT,
      params: { limit },
      headers: { 'x-quota': String(limit) },
      messages: {
        title: { vi: 'Vượt hạn mức', en: 'Quota exceeded' },
        detail: { vi: 'Tối đa {limit} mục.', en: 'At most {limit} items.' },
      },
    });
  }
}

class SignUpDto {
  @IsEmail()
  email!: string;

  @IsString()
  fullName!: string;
}

async function validationErrorFor(body: unknown): Promise<ValidationProblemError> {
  const pipe = createValidationPipe();
  try {
    await pipe.transform(body, { type: 'body', metatype: SignUpDto });
  } catch (error) {
    if (error instanceof ValidationProblemError) return error;
    throw error;
  }
  throw new Error('expected the pipe to refuse the body');
}

describe('renderProblem', () => {
  it('answers a domain error with its code, status, headers and words in the chosen language', () => {
    const vietnamese = renderProblem(new QuotaExceededError(3), vi);
    expect(vietnamese).toEqual({
      status: 409,
      headers: { 'x-quota': '3' },
      log: undefined,
      body: {
        type: 'urn:khoinghiep-hub:problem:quota-exceeded',
        title: 'Vượt hạn mức',
        status: 409,
        detail: 'Tối đa 3 mục.',
        instance: '/api/v1/things',
        code: 'QUOTA_EXCEEDED',
        correlationId: 'corr-1',
      },
    });
    expect(renderProblem(new QuotaExceededError(3), en).body.detail).toBe('At most 3 items.');
  });

  it('names every offending field of a validation failure, unknown ones included', async () => {
    const error = await validationErrorFor({ email: 'not-an-email', fullName: 7, role: 'admin' });
    const { status, body } = renderProblem(error, en);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'email must be a valid email address' },
        { field: 'fullName', message: 'fullName must be a string' },
        { field: 'role', message: 'role is not an allowed field' },
      ]),
    );
    expect(body.errors).toHaveLength(3);
    expect(renderProblem(error, vi).body.errors).toContainEqual({
      field: 'role',
      message: 'role là trường không được phép',
    });
  });

  it('never echoes the rejected values', async () => {
    const error = await validationErrorFor({ email: 'hunter2-secret', fullName: 'x' });
    expect(JSON.stringify(renderProblem(error, en))).not.toContain('hunter2-secret');
  });

  it('maps the rate limiter to 429, an oversized body to 413 and malformed JSON to 400', () => {
    expect(renderProblem(new ThrottlerException(), vi).body).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
    });
    expect(renderProblem(new PayloadTooLargeException(), en).body).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      title: 'Payload too large',
    });
    const malformed = new BadRequestException('Unexpected token', {
      cause: new SyntaxError('Unexpected token'),
    });
    expect(renderProblem(malformed, en).body).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
    expect(renderProblem(new NotFoundException('Cannot GET /x'), vi).body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      title: 'Không tìm thấy',
    });
  });

  it('hides the internals of an unexpected error behind a logged 500', () => {
    const problem = renderProblem(new Error('relation "users" does not exist at /srv/app.js:12'), en);
    expect(problem.status).toBe(500);
    expect(problem.log).toBe('error');
    expect(problem.body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(problem.body)).not.toMatch(/relation "users"|app\.js/);
  });

  it('names the missing service in a 503 and the deadline in a 504', () => {
    const down = renderProblem(new ServiceUnavailableError('projects'), en);
    expect(down).toMatchObject({ status: 503, headers: { 'Retry-After': '5' }, log: 'warn' });
    expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'projects' });
    expect(down.body.detail).toBe('The projects service is unavailable. Please try again later.');
    const late = renderProblem(new ServiceTimeoutError('funding', 800), vi);
    expect(late.body).toMatchObject({ status: 504, code: 'GATEWAY_TIMEOUT', service: 'funding' });
    expect(late.body.detail).toBe('Dịch vụ funding không phản hồi trong 800 ms.');
  });

  it("passes a service's problem through with its status, adding the correlation id if it had none", () => {
    const upstream = new UpstreamProblemError('projects', 409, {
      type: 'urn:khoinghiep-hub:problem:invalid-transition',
      title: 'Chuyển trạng thái không hợp lệ',
      status: 409,
      detail: 'Dự án đang ở trạng thái draft.',
      code: 'INVALID_TRANSITION',
      instance: '/projects/1/review',
    });
    const { status, body } = renderProblem(upstream, vi);
    expect(status).toBe(409);
    expect(body).toMatchObject({
      code: 'INVALID_TRANSITION',
      correlationId: 'corr-1',
      instance: '/projects/1/review',
    });
  });
});
