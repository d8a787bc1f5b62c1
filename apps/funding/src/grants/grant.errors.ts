import { DomainError } from '@khoinghiep/http';

export class GrantNotFoundError extends DomainError {
  constructor(grantId: string) {
    super({
      code: 'GRANT_NOT_FOUND',
      status: 404,
      params: { grantId },
      extensions: { grantId },
      messages: {
        title: { vi: 'Không tìm thấy khoản tài trợ', en: 'Grant not found' },
        detail: { vi: 'Không tìm thấy khoản tài trợ {grantId}.', en: 'Grant {grantId} was not found.' },
      },
    });
  }
}
