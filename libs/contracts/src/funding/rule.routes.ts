import { defineRoutes, type PathParam, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import { RuleVersionView } from './rule.view.js';
import { ListRulesQueryDto, RecordRuleVersionDto } from './rule-version.dto.js';

const RULE_ID = {
  ruleId: { format: 'uuid', doc: { vi: 'Mã quy định', en: 'Rule id' } },
} as const satisfies Record<string, PathParam>;

const RULE_NOT_FOUND: RouteProblem = {
  status: 404,
  codes: ['RULE_NOT_FOUND'],
  vi: 'Không có quy định này',
  en: 'No such rule',
};
const BAD_VERSION: RouteProblem = {
  status: 400,
  codes: ['VALIDATION_FAILED'],
  vi: 'Nội dung không hợp lệ, nêu từng trường: loại quy định thiếu hoặc thừa trường, ngày kết thúc trước ngày bắt đầu, tỷ lệ quá 100 %…',
  en: 'Invalid body, field by field: a field the kind misses or does not take, an end before the start, a rate over 100 %…',
};

/** The public routes of programme rules (funding service): everyone reads, admins record new versions. */
export const RuleRoutes = defineRoutes(
  { service: 'funding', tag: 'funding-rules' },
  {
    listRulesInForce: {
      method: 'GET',
      path: '/funding/rules',
      query: ListRulesQueryDto,
      response: {
        status: 200,
        view: { list: RuleVersionView },
        doc: { vi: 'Các phiên bản quy định đang có hiệu lực', en: 'The rule versions in force' },
      },
      access: 'public',
      problems: [],
      summary: {
        vi: 'Quy định của các chương trình có hiệu lực vào một ngày',
        en: 'Programme rules in force on a day',
      },
      description: {
        vi: 'Mặc định hôm nay. Với provinceCode: quy định áp dụng ở tỉnh đó (riêng của tỉnh thắng toàn quốc). Không có provinceCode: phiên bản có hiệu lực của mọi phạm vi.',
        en: 'Default today. With provinceCode: what applies in that province (its own rule wins over the national one). Without: the version in force in every scope.',
      },
    },
    ruleVersionHistory: {
      method: 'GET',
      path: '/funding/rules/:ruleId/versions',
      params: RULE_ID,
      response: {
        status: 200,
        view: { list: RuleVersionView },
        doc: { vi: 'Mọi phiên bản, cũ nhất trước', en: 'Every version, oldest first' },
      },
      access: 'public',
      problems: [RULE_NOT_FOUND],
      summary: {
        vi: 'Lịch sử phiên bản của một quy định (mọi phạm vi)',
        en: "One rule's version history (every scope)",
      },
    },
    recordRuleVersion: {
      method: 'POST',
      path: '/funding/rules',
      body: RecordRuleVersionDto,
      response: {
        status: 201,
        view: { one: RuleVersionView },
        headers: ['Location'],
        doc: { vi: 'Phiên bản vừa ghi nhận', en: 'The version recorded' },
      },
      access: [Role.Admin],
      problems: [BAD_VERSION],
      summary: {
        vi: 'Ghi nhận phiên bản mới của một quy định (quản trị)',
        en: 'Record a new version of a rule (admins)',
      },
      description: {
        vi: 'Không bao giờ ghi đè: mỗi thay đổi là một phiên bản mới, có ngày hiệu lực, phạm vi và văn bản pháp lý.',
        en: 'Never an overwrite: each change is a new version with its dates, scope and legal source.',
      },
    },
  },
);
