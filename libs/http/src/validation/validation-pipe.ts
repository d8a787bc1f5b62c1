import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { ValidationProblemError } from './validation-problem.error.js';
import { toViolations } from './violations.js';

/**
 * The platform's input validation: unknown fields are refused (not silently dropped), types are never coerced
 * implicitly, bodies become DTO instances, and a failure is a `VALIDATION_FAILED` problem naming each field.
 */
export function createValidationPipe(overrides: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The offending values stay out of the error (a password must never travel into a log or a response).
    validationError: { target: true, value: false },
    exceptionFactory: (errors: ValidationError[]) => new ValidationProblemError(toViolations(errors)),
    ...overrides,
  });
}
