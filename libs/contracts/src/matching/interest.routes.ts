import { BAD_CURSOR } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import {
  AcceptInterestDto,
  DeclineInterestDto,
  ExpressInterestDto,
  ListInterestsQueryDto,
} from './interest.dto.js';
import { InterestView } from './interest.view.js';

const ID = {
  interestId: { format: 'uuid', doc: { vi: 'Mã quan tâm', en: 'Interest id' } },
} as const satisfies Record<string, PathParam>;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['INTEREST_NOT_FOUND'],
  vi: 'Không có, hoặc bạn không phải nhà đầu tư hay nhà sáng lập của nó',
  en: 'Does not exist, or you are neither its investor nor its founder',
};
const NOT_OPEN: RouteProblem = {
  status: 409,
  codes: ['INTEREST_NOT_OPEN'],
  vi: 'Đã được trả lời hoặc đã rút (nêu trạng thái)',
  en: 'Already answered or withdrawn (status named)',
};
const FOUNDER_ONLY: RouteProblem = {
  status: 403,
  codes: ['INTEREST_FOUNDER_ONLY'],
  vi: 'Chỉ nhà sáng lập của dự án được trả lời',
  en: "Only the project's founder answers it",
};
const THE_INTEREST = {
  status: 200,
  view: { one: InterestView },
  doc: { vi: 'Lời bày tỏ quan tâm', en: 'The interest' },
} as const;

/** Interest → consent: an investor expresses interest in a published project, its founder accepts or declines. */
export const InterestRoutes = defineRoutes(
  { service: 'matching', tag: 'matching-interests' },
  {
    expressInterest: {
      method: 'POST',
      path: '/matching/interests',
      body: ExpressInterestDto,
      response: {
        status: 201,
        view: { one: InterestView },
        headers: ['Location'],
        doc: { vi: 'Lời bày tỏ quan tâm, đang chờ trả lời', en: 'The interest, open' },
      },
      access: [Role.Investor],
      problems: [
        {
          status: 409,
          codes: [
            'INTEREST_ALREADY_OPEN',
            'INTEREST_PROJECT_NOT_PUBLISHED',
            'INTEREST_PROFILE_REQUIRED',
            'INTEREST_OWN_PROJECT',
          ],
          vi: 'Đã có quan tâm đang mở với dự án, dự án chưa công bố, bạn chưa công bố hồ sơ, hoặc là dự án của bạn',
          en: 'An interest in the project is already open, the project is not published, your profile is not published, or the project is yours',
        },
        {
          status: 429,
          codes: ['INTEREST_DAILY_CAP_REACHED'],
          vi: 'Đã đạt số lần bày tỏ quan tâm tối đa trong ngày (giờ Việt Nam); Retry-After cho biết đến ngày mới',
          en: 'Daily cap of interests reached (Vietnam day); Retry-After says when the next day starts',
        },
      ],
      summary: { vi: 'Bày tỏ quan tâm tới một dự án', en: 'Express interest in a project (investors)' },
      description: {
        vi: 'Cần hồ sơ nhà đầu tư đã công bố. Một quan tâm đang mở cho mỗi dự án; số lần mỗi ngày có giới hạn. Nhà sáng lập chỉ thấy thông tin liên hệ sau khi chấp nhận.',
        en: 'Needs a published investor profile. One open interest per project; a daily cap applies. Contacts are exchanged only once the founder accepts.',
      },
    },
    listInterests: {
      method: 'GET',
      path: '/matching/interests',
      query: ListInterestsQueryDto,
      response: {
        status: 200,
        view: { page: InterestView },
        doc: { vi: 'Một trang lời quan tâm', en: 'A page of interests' },
      },
      access: [Role.Investor, Role.Founder],
      problems: [BAD_CURSOR],
      summary: {
        vi: 'Quan tâm tôi đã gửi (nhà đầu tư) hoặc nhận trên dự án của tôi (nhà sáng lập)',
        en: 'Interests I sent (investor) or received on my projects (founder)',
      },
      description: { vi: 'Mới nhất trước, phân trang bằng con trỏ.', en: 'Newest first, cursor pages.' },
    },
    getInterest: {
      method: 'GET',
      path: '/matching/interests/:interestId',
      params: ID,
      response: THE_INTEREST,
      access: [Role.Investor, Role.Founder],
      problems: [NOT_FOUND],
      summary: { vi: 'Xem một lời quan tâm', en: 'Read an interest (its investor and founder)' },
    },
    acceptInterest: {
      method: 'POST',
      path: '/matching/interests/:interestId/accept',
      params: ID,
      body: AcceptInterestDto,
      response: {
        ...THE_INTEREST,
        doc: {
          vi: 'Quan tâm đã chấp nhận, kèm mã lời giới thiệu',
          en: 'The interest, accepted, with its introduction id',
        },
      },
      access: [Role.Founder],
      problems: [
        NOT_FOUND,
        NOT_OPEN,
        FOUNDER_ONLY,
        {
          status: 400,
          codes: ['VALIDATION_FAILED'],
          vi: 'Một trường liên hệ dự án không chia sẻ, hoặc thiếu giá trị cho trường được chia sẻ (nêu trường)',
          en: 'A contact field the project does not share, or no value for one it shares (field named)',
        },
      ],
      summary: {
        vi: 'Chấp nhận quan tâm và giới thiệu hai bên',
        en: 'Accept an interest and make the introduction (its founder)',
      },
      description: {
        vi: 'Hai bên nhận thông tin liên hệ đã chọn chia sẻ, chụp lại tại lúc này. Email mặc định là email đăng nhập.',
        en: "Both sides get each other's shared contacts, as they are now. The email defaults to the sign-in email.",
      },
    },
    declineInterest: {
      method: 'POST',
      path: '/matching/interests/:interestId/decline',
      params: ID,
      body: DeclineInterestDto,
      response: THE_INTEREST,
      access: [Role.Founder],
      problems: [NOT_FOUND, NOT_OPEN, FOUNDER_ONLY],
      summary: { vi: 'Từ chối quan tâm', en: 'Decline an interest (its founder)' },
    },
    withdrawInterest: {
      method: 'POST',
      path: '/matching/interests/:interestId/withdraw',
      params: ID,
      response: THE_INTEREST,
      access: [Role.Investor],
      problems: [
        NOT_FOUND,
        NOT_OPEN,
        {
          status: 403,
          codes: ['INTEREST_INVESTOR_ONLY'],
          vi: 'Chỉ nhà đầu tư đã gửi được rút',
          en: 'Only the investor who sent it withdraws it',
        },
      ],
      summary: { vi: 'Rút lại quan tâm chưa được trả lời', en: 'Withdraw an open interest (its investor)' },
    },
  },
);
