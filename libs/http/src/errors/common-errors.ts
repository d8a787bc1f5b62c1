import { HttpStatus } from '@nestjs/common';
import { COMMON_PROBLEMS } from '../problems/problem-catalogue.js';
import { DomainError, type DomainFieldError } from './domain-error.js';

/** Something the caller may not see does not exist for them: `404`. Say which kind of thing, never why. */
export class ResourceNotFoundError extends DomainError {
  constructor(resource: string) {
    super({
      code: 'RESOURCE_NOT_FOUND',
      status: HttpStatus.NOT_FOUND,
      params: { resource },
      extensions: { resource },
      messages: {
        title: COMMON_PROBLEMS.NOT_FOUND.title,
        detail: { vi: 'Không tìm thấy tài nguyên ({resource}).', en: 'The {resource} was not found.' },
      },
    });
  }
}

/** The caller is known but not allowed: `403`. */
export class AccessDeniedError extends DomainError {
  constructor() {
    super({ code: 'FORBIDDEN', status: HttpStatus.FORBIDDEN, messages: COMMON_PROBLEMS.FORBIDDEN });
  }
}

/** The caller's roles do not allow the action: `403`, naming the roles that would (checked in the service too). */
export class RoleRequiredError extends DomainError {
  constructor(roles: readonly string[]) {
    super({
      code: 'ROLE_REQUIRED',
      status: HttpStatus.FORBIDDEN,
      params: { roles: roles.join(', ') },
      extensions: { requiredRoles: roles },
      messages: {
        title: { vi: 'Không có quyền', en: 'Forbidden' },
        detail: {
          vi: 'Thao tác này cần một trong các vai trò: {roles}.',
          en: 'This action needs one of the roles: {roles}.',
        },
      },
    });
  }
}

/** Domain rules that concern several fields at once, reported like input validation: `400` with `errors`. */
export class InvalidFieldsError extends DomainError {
  constructor(errors: readonly DomainFieldError[]) {
    super({
      code: 'VALIDATION_FAILED',
      status: HttpStatus.BAD_REQUEST,
      errors,
      messages: COMMON_PROBLEMS.VALIDATION_FAILED,
    });
  }
}
