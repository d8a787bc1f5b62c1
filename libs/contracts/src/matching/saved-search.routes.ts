import { defineRoutes, type PathParam } from '../http/define-route.js';
import { Role } from '../role.js';
import { SAVED_SEARCH_LIMITS } from './notification-vocabulary.js';
import { CreateSavedSearchDto } from './saved-search.dto.js';
import { SavedSearchView } from './saved-search.view.js';

const ID = {
  savedSearchId: { format: 'uuid', doc: { vi: 'Mã tìm kiếm đã lưu', en: 'Saved search id' } },
} as const satisfies Record<string, PathParam>;

/** An investor's saved searches: a newly published project that passes one notifies them (ADR 0029). */
export const SavedSearchRoutes = defineRoutes(
  { service: 'matching', tag: 'matching-saved-searches' },
  {
    createSavedSearch: {
      method: 'POST',
      path: '/matching/saved-searches',
      body: CreateSavedSearchDto,
      response: {
        status: 201,
        view: { one: SavedSearchView },
        doc: { vi: 'Tìm kiếm đã lưu', en: 'The saved search' },
      },
      access: [Role.Investor],
      problems: [
        {
          status: 400,
          codes: ['VALIDATION_FAILED'],
          vi: 'Nội dung sai, hoặc khoảng vốn ngược (nêu trường)',
          en: 'Bad body, or an ask range whose minimum exceeds its maximum (field named)',
        },
        {
          status: 409,
          codes: ['SAVED_SEARCH_LIMIT'],
          vi: `Đã có ${SAVED_SEARCH_LIMITS.perInvestor} tìm kiếm đã lưu; hãy xoá bớt`,
          en: `Already ${SAVED_SEARCH_LIMITS.perInvestor} saved searches; delete one first`,
        },
      ],
      summary: { vi: 'Lưu một tìm kiếm dự án (nhà đầu tư)', en: 'Save a project search (investors)' },
      description: {
        vi: 'Khi một dự án mới công bố qua bộ lọc và điểm phù hợp với hồ sơ đã công bố của bạn đạt minScore, bạn nhận một thông báo (một lần cho mỗi dự án).',
        en: 'When a newly published project passes the filters and scores at least minScore against your published profile, you get one notification (once per project).',
      },
    },
    listSavedSearches: {
      method: 'GET',
      path: '/matching/saved-searches',
      response: {
        status: 200,
        view: { list: SavedSearchView },
        doc: { vi: 'Các tìm kiếm đã lưu, mới nhất trước', en: 'Your saved searches, newest first' },
      },
      access: [Role.Investor],
      problems: [],
      summary: { vi: 'Các tìm kiếm đã lưu của tôi', en: 'My saved searches (investors)' },
    },
    deleteSavedSearch: {
      method: 'DELETE',
      path: '/matching/saved-searches/:savedSearchId',
      params: ID,
      response: {
        status: 200,
        view: { one: SavedSearchView },
        doc: { vi: 'Tìm kiếm vừa xoá', en: 'The saved search, deleted' },
      },
      access: [Role.Investor],
      problems: [
        {
          status: 404,
          codes: ['SAVED_SEARCH_NOT_FOUND'],
          vi: 'Không có, hoặc không phải của bạn',
          en: 'Does not exist, or is not yours',
        },
      ],
      summary: { vi: 'Xoá một tìm kiếm đã lưu', en: 'Delete a saved search (investors)' },
      description: {
        vi: 'Thông báo đã nhận vẫn giữ nguyên.',
        en: 'Notifications already received stay.',
      },
    },
  },
);
