import { defineRoutes, type PathParam } from '../http/define-route.js';
import { GrantView } from './grant.view.js';

const ID = {
  id: { format: 'uuid', doc: { vi: 'Mã khoản tài trợ', en: 'Grant id' } },
} as const satisfies Record<string, PathParam>;

/** Grants created by approvals (ADR 0018): read by fund staff and by the grantee. */
export const GrantRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-decisions' },
  {
    getGrant: {
      method: 'GET',
      path: '/funding/grants/:id',
      params: ID,
      response: {
        status: 200,
        view: { one: GrantView },
        doc: { vi: 'Khoản tài trợ', en: 'The grant' },
      },
      access: 'signed-in',
      problems: [
        {
          status: 404,
          codes: ['GRANT_NOT_FOUND'],
          vi: 'Không có khoản tài trợ này (chỉ cán bộ quỹ và người được tài trợ thấy)',
          en: 'No such grant (only fund staff and the grantee see it)',
        },
      ],
      summary: { vi: 'Xem một khoản tài trợ', en: 'Read a grant' },
    },
  },
);
