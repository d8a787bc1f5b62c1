import { defineRoutes, type RouteProblem } from '../http/define-route.js';
import { Role } from '../role.js';
import { RecordMatchWeightsDto } from './match-weights.dto.js';
import { MatchWeightsVersionView, MatchWeightsView } from './match-weights.view.js';

const BAD_WEIGHTS: RouteProblem = {
  status: 400,
  codes: ['VALIDATION_FAILED'],
  vi: 'Nội dung không hợp lệ, nêu từng trường: thiếu tiêu chí, điểm âm hoặc lẻ, tổng khác 100, ngày hiệu lực đã qua…',
  en: 'Invalid body, field by field: a criterion missing, points negative or fractional, a total other than 100, a day in the past…',
};

/** The public routes of the match weights (matching service): everyone reads them, admins record new versions. */
export const MatchWeightsRoutes = defineRoutes(
  { service: 'matching', tag: 'matching-weights' },
  {
    getMatchWeights: {
      method: 'GET',
      path: '/matching/weights',
      response: {
        status: 200,
        view: { one: MatchWeightsView },
        doc: { vi: 'Trọng số đang áp dụng và lịch sử', en: 'The weights in force and their history' },
      },
      access: 'public',
      problems: [],
      summary: {
        vi: 'Trọng số chấm điểm ghép nối nhà đầu tư – dự án',
        en: 'The weights that score investor–project matches',
      },
      description: {
        vi: 'Mỗi tiêu chí cho tối đa bấy nhiêu điểm; tổng 100. Phiên bản có hiệu lực là phiên bản có ngày hiệu lực muộn nhất không sau hôm nay.',
        en: 'Each criterion gives at most that many points, 100 in all. The version in force is the one with the latest first day not after today.',
      },
    },
    recordMatchWeights: {
      method: 'POST',
      path: '/matching/weights',
      body: RecordMatchWeightsDto,
      response: {
        status: 201,
        view: { one: MatchWeightsVersionView },
        headers: ['Location'],
        doc: { vi: 'Phiên bản vừa ghi nhận', en: 'The version recorded' },
      },
      access: [Role.Admin],
      problems: [BAD_WEIGHTS],
      summary: {
        vi: 'Ghi nhận phiên bản trọng số mới (quản trị)',
        en: 'Record a new version of the match weights (admins)',
      },
      description: {
        vi: 'Không bao giờ ghi đè: mỗi thay đổi là một phiên bản mới có ngày hiệu lực và lý do. Khi có hiệu lực, mọi ghép nối được chấm lại.',
        en: 'Never an overwrite: each change is a new version with its first day and reason. Once in force, every match is rescored.',
      },
    },
  },
);
