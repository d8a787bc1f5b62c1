import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { COMMON_PROBLEMS } from '../problems/problem-catalogue.js';
import type { Violation } from './validation-messages.js';

/** Input that breaks the DTO's rules: `400` whose `errors` name each field, worded when the answer is written. */
export class ValidationProblemError extends DomainError {
  constructor(readonly violations: readonly Violation[]) {
    super({
      code: 'VALIDATION_FAILED',
      status: HttpStatus.BAD_REQUEST,
      messages: COMMON_PROBLEMS.VALIDATION_FAILED,
    });
  }
}
