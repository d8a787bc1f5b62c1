import { BAD_CURSOR, badIfMatch, staleIfMatch } from '../http/common-problems.js';
import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import { PutInvestorProfileDto } from './investor-profile.dto.js';
import { InvestorCardView, InvestorProfileView } from './investor-profile.view.js';
import { ListInvestorsQueryDto } from './list-investors.query.js';

const PROFILE = { vi: 'hồ sơ nhà đầu tư', en: 'investor profile' } as const;

const NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['INVESTOR_PROFILE_NOT_FOUND'],
  vi: 'Chưa có hồ sơ, hoặc hồ sơ không công khai',
  en: 'No profile, or the profile is not published',
};

const INVESTOR_ID = {
  investorId: { format: 'uuid', doc: { vi: 'Mã nhà đầu tư', en: 'Investor id' } },
} as const satisfies Record<string, PathParam>;

/** The public routes of investor profiles: each investor keeps one; founders browse the published cards. */
export const InvestorProfileRoutes = defineRoutes(
  { service: 'matching', tag: 'investors' },
  {
    putMyInvestorProfile: {
      method: 'PUT',
      path: '/matching/investors/me/profile',
      body: PutInvestorProfileDto,
      requestHeaders: ['If-Match'],
      response: {
        status: 200,
        view: { one: InvestorProfileView },
        headers: ['ETag', 'Location'],
        doc: { vi: 'Hồ sơ đã thay; ETag = phiên bản', en: 'The profile replaced; ETag = its version' },
        created: { vi: 'Hồ sơ vừa tạo; ETag = phiên bản', en: 'The profile created; ETag = its version' },
      },
      access: [Role.Investor],
      problems: [
        staleIfMatch('INVESTOR_PROFILE', PROFILE),
        badIfMatch('INVESTOR_PROFILE'),
        {
          status: 428,
          codes: ['INVESTOR_PROFILE_VERSION_REQUIRED'],
          vi: 'Hồ sơ đã có: cần If-Match với phiên bản',
          en: 'The profile exists: If-Match with its version is required',
        },
      ],
      summary: {
        vi: 'Tạo hoặc thay hồ sơ nhà đầu tư của tôi',
        en: 'Create or replace my investor profile (investors)',
      },
      description: {
        vi: 'Tạo (201) khi chưa có; thay toàn bộ (200) khi đã có, với If-Match là phiên bản đã đọc. published = false rút hồ sơ khỏi kết nối và danh bạ công khai.',
        en: 'Creates (201) when there is none; replaces it whole (200) otherwise, with If-Match naming the version read. published = false takes it out of matching and of the public cards.',
      },
    },
    getMyInvestorProfile: {
      method: 'GET',
      path: '/matching/investors/me/profile',
      response: {
        status: 200,
        view: { one: InvestorProfileView },
        headers: ['ETag'],
        doc: { vi: 'Hồ sơ của tôi; ETag = phiên bản', en: 'My profile; ETag = its version' },
      },
      access: [Role.Investor],
      problems: [
        {
          status: 404,
          codes: ['INVESTOR_PROFILE_NOT_FOUND'],
          vi: 'Chưa có hồ sơ',
          en: 'No profile yet',
        },
      ],
      summary: { vi: 'Hồ sơ nhà đầu tư của tôi', en: 'My investor profile, contacts included (investors)' },
    },
    listInvestorCards: {
      method: 'GET',
      path: '/matching/investors',
      query: ListInvestorsQueryDto,
      response: {
        status: 200,
        view: { page: InvestorCardView },
        doc: { vi: 'Một trang thẻ nhà đầu tư', en: 'A page of investor cards' },
      },
      access: 'public',
      problems: [BAD_CURSOR],
      summary: {
        vi: 'Duyệt và tìm nhà đầu tư (thẻ công khai)',
        en: 'Browse and search investors (public cards)',
      },
      description: {
        vi: 'Chỉ hồ sơ công khai, không có thông tin liên hệ. Hồ sơ mới trước, thứ tự ổn định, phân trang bằng con trỏ. Tìm theo từ, không phân biệt dấu.',
        en: 'Published profiles only, never contact details. Newest profile first, stable order, cursor pagination; search ignores diacritics.',
      },
    },
    getInvestorCard: {
      method: 'GET',
      path: '/matching/investors/:investorId',
      params: INVESTOR_ID,
      response: {
        status: 200,
        view: { one: InvestorCardView },
        doc: { vi: 'Thẻ nhà đầu tư', en: 'The investor card' },
      },
      access: 'public',
      problems: [NOT_FOUND],
      summary: { vi: 'Xem thẻ một nhà đầu tư', en: "Read an investor's public card" },
    },
  },
);
