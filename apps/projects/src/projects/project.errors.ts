import type { ProjectStatus } from '@khoinghiep/contracts';
import { DomainError } from '@khoinghiep/http';

/** The project does not exist, or the caller may not know it does (`404` either way, so drafts do not leak). */
export class ProjectNotFoundError extends DomainError {
  constructor(projectId: string) {
    super({
      code: 'PROJECT_NOT_FOUND',
      status: 404,
      params: { projectId },
      extensions: { projectId },
      messages: {
        title: { vi: 'Không tìm thấy dự án', en: 'Project not found' },
        detail: { vi: 'Không tìm thấy dự án {projectId}.', en: 'Project {projectId} was not found.' },
      },
    });
  }
}

/** The state machine refuses the action: `409`, naming the project's current state. */
export class IllegalProjectTransitionError extends DomainError {
  constructor(action: string, currentStatus: ProjectStatus, allowedFrom: readonly ProjectStatus[]) {
    super({
      code: 'PROJECT_ILLEGAL_TRANSITION',
      status: 409,
      params: { action, status: currentStatus, allowed: allowedFrom.join(', ') },
      extensions: { action, currentStatus, allowedFrom },
      messages: {
        title: { vi: 'Không thể thực hiện ở trạng thái hiện tại', en: 'Not possible in the current state' },
        detail: {
          vi: 'Không thể thực hiện "{action}" khi dự án đang ở trạng thái "{status}" (chỉ được phép khi: {allowed}).',
          en: 'Cannot {action} a project whose status is "{status}" (allowed only when: {allowed}).',
        },
      },
    });
  }
}

/**
 * The change was based on an older version than the stored one. `412` when the version came in `If-Match`
 * (HTTP precondition), `409` when it came in the body.
 */
export class StaleProjectVersionError extends DomainError {
  constructor(expectedVersion: number, currentVersion: number, source: 'if-match' | 'body') {
    super({
      code: 'PROJECT_VERSION_STALE',
      status: source === 'if-match' ? 412 : 409,
      params: { expectedVersion, currentVersion },
      extensions: { expectedVersion, currentVersion },
      messages: {
        title: { vi: 'Dự án đã được thay đổi', en: 'The project has changed' },
        detail: {
          vi: 'Bạn sửa dựa trên phiên bản {expectedVersion} nhưng dự án đã ở phiên bản {currentVersion}. Hãy tải lại rồi sửa tiếp.',
          en: 'Your change is based on version {expectedVersion} but the project is at version {currentVersion}. Reload it and try again.',
        },
      },
    });
  }
}

/** An edit must say which version it is based on (`If-Match` or `version`): `428`. */
export class ProjectVersionRequiredError extends DomainError {
  constructor() {
    super({
      code: 'PROJECT_VERSION_REQUIRED',
      status: 428,
      messages: {
        title: { vi: 'Thiếu phiên bản', en: 'Version required' },
        detail: {
          vi: 'Hãy gửi phiên bản dự án bạn dựa vào, qua tiêu đề If-Match hoặc trường "version".',
          en: 'Send the project version your change is based on, in the If-Match header or the "version" field.',
        },
      },
    });
  }
}

/** `If-Match` and `version` disagree, or `If-Match` is not a version this API issued: `400`. */
export class InvalidVersionPreconditionError extends DomainError {
  constructor(reason: string) {
    super({
      code: 'PROJECT_VERSION_INVALID',
      status: 400,
      params: { reason },
      messages: {
        title: { vi: 'Phiên bản không hợp lệ', en: 'Invalid version' },
        detail: {
          vi: 'Phiên bản gửi kèm không hợp lệ: {reason}.',
          en: 'The version sent is not valid: {reason}.',
        },
      },
    });
  }
}

/** Someone who can see the project but is not its founder tried to change it: `403`. */
export class NotProjectOwnerError extends DomainError {
  constructor() {
    super({
      code: 'PROJECT_OWNER_ONLY',
      status: 403,
      messages: {
        title: { vi: 'Chỉ chủ dự án được thực hiện', en: 'Only the project founder may do this' },
        detail: {
          vi: 'Chỉ người sáng lập dự án mới được sửa, nộp hoặc rút dự án.',
          en: 'Only the founder of the project may edit, submit or withdraw it.',
        },
      },
    });
  }
}

/** The caller's roles do not allow the action: `403`, naming the roles that would. */
export class RoleRequiredError extends DomainError {
  constructor(roles: readonly string[]) {
    super({
      code: 'ROLE_REQUIRED',
      status: 403,
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
