import { SAVED_SEARCH_LIMITS } from '@khoinghiep/contracts';
import { DomainError } from '@khoinghiep/http';

/** The investor already keeps as many saved searches as allowed: `409`. */
export class SavedSearchLimitError extends DomainError {
  constructor() {
    const limit = SAVED_SEARCH_LIMITS.perInvestor;
    super({
      code: 'SAVED_SEARCH_LIMIT',
      status: 409,
      params: { limit },
      extensions: { limit },
      messages: {
        title: { vi: 'Đã đủ số tìm kiếm được lưu', en: 'Too many saved searches' },
        detail: {
          vi: 'Mỗi nhà đầu tư lưu được tối đa {limit} tìm kiếm; hãy xoá một tìm kiếm trước khi lưu thêm.',
          en: 'An investor keeps at most {limit} saved searches; delete one before saving another.',
        },
      },
    });
  }
}

/** No such saved search among the caller's own: `404` (another investor's looks the same as none). */
export class SavedSearchNotFoundError extends DomainError {
  constructor(savedSearchId: string) {
    super({
      code: 'SAVED_SEARCH_NOT_FOUND',
      status: 404,
      params: { savedSearchId },
      extensions: { savedSearchId },
      messages: {
        title: { vi: 'Không tìm thấy tìm kiếm đã lưu', en: 'Saved search not found' },
        detail: {
          vi: 'Bạn không có tìm kiếm đã lưu {savedSearchId}.',
          en: 'You have no saved search {savedSearchId}.',
        },
      },
    });
  }
}
