import { DomainError } from '@khoinghiep/http';

/** An investor without a published profile has no matches: `409`, saying how to get some. */
export class InvestorProfileRequiredError extends DomainError {
  constructor() {
    super({
      code: 'INVESTOR_PROFILE_REQUIRED',
      status: 409,
      messages: {
        title: { vi: 'Chưa có hồ sơ nhà đầu tư', en: 'No investor profile' },
        detail: {
          vi: 'Hãy tạo và công bố hồ sơ nhà đầu tư (PUT /matching/investors/me/profile) để xem các dự án phù hợp.',
          en: 'Create and publish your investor profile (PUT /matching/investors/me/profile) to see matching projects.',
        },
      },
    });
  }
}

/** The project is not published (or not the caller's, for a founder's read): `404`, never saying which. */
export class MatchProjectNotFoundError extends DomainError {
  constructor(projectId: string) {
    super({
      code: 'MATCH_PROJECT_NOT_FOUND',
      status: 404,
      params: { projectId },
      extensions: { projectId },
      messages: {
        title: { vi: 'Không tìm thấy dự án', en: 'Project not found' },
        detail: {
          vi: 'Không có dự án đã công bố {projectId} mà bạn được xem.',
          en: 'There is no published project {projectId} that you may see.',
        },
      },
    });
  }
}
