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
