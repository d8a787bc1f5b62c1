import {
  type Bilingual,
  CERTIFICATION_LEVEL_LABELS,
  MATCH_CRITERIA,
  type MatchCriterion,
  PROVINCES,
  REGION_NAMES,
  regionOf,
  SECTOR_LABELS,
  STAGE_LABELS,
  TARGET_GROUP_LABELS,
} from '@khoinghiep/contracts';
import { formatDong, formatDongRange } from './format-dong.js';
import type {
  CriterionScore,
  ExclusionReason,
  ExplainedMatch,
  FilterCheck,
  MatchWeights,
} from './match-inputs.js';
import {
  certificationShare,
  exclusionOf,
  hundredths,
  ocopShare,
  placeOutcome,
  qualityPoints,
  sectorOutcome,
  stageOutcome,
  targetGroupOutcome,
  thesisMatches,
  thesisShare,
  trainingOutcome,
} from './match-rules.js';
import type { PreparedInvestor, PreparedProject } from './prepared.js';

/** What one criterion said about a pair: its points in hundredths and the rest of its `CriterionScore`. */
type Verdict = Omit<CriterionScore, 'criterion' | 'weight' | 'points'> & { readonly hundredths: number };
type Explainer = (investor: PreparedInvestor, project: PreparedProject, weight: number) => Verdict;

const provinceNames = new Map(PROVINCES.map((province) => [province.code, province]));
const provinceName = (code: string): Bilingual => {
  const province = provinceNames.get(code);
  return province ? { vi: province.name, en: province.nameEn } : { vi: code, en: code };
};
const regionName = (code: string): Bilingual => {
  const region = regionOf(code);
  return region ? REGION_NAMES[region] : { vi: 'không rõ vùng', en: 'unknown region' };
};

const codes = (values: readonly string[], none: string) => (values.length === 0 ? none : values.join(', '));
const labels = <T extends string>(
  values: readonly T[],
  names: Readonly<Record<T, Bilingual>>,
): Bilingual => ({
  vi: values.map((value) => names[value].vi).join(', '),
  en: values.map((value) => names[value].en).join(', '),
});
const shortList = (terms: readonly string[]) =>
  terms.length <= 10 ? terms.join(' ') : `${terms.slice(0, 10).join(' ')} …`;

const sector: Explainer = (investor, project, weight) => {
  const outcome = sectorOutcome(investor, project);
  const name = SECTOR_LABELS[project.facts.sector];
  const sentences: Record<typeof outcome.name, Bilingual> = {
    listed: { vi: `Cùng lĩnh vực ${name.vi}`, en: `Same sector: ${name.en}` },
    any: {
      vi: `Nhà đầu tư không giới hạn lĩnh vực; dự án thuộc lĩnh vực ${name.vi}`,
      en: `The investor takes any sector; the project is in ${name.en}`,
    },
    other: {
      vi: `Lĩnh vực ${name.vi} không nằm trong các lĩnh vực nhà đầu tư quan tâm`,
      en: `The sector ${name.en} is not among the investor's sectors`,
    },
  };
  return {
    hundredths: hundredths(weight, outcome.share),
    investorSide: codes(investor.preferences.sectors, 'any'),
    projectSide: project.facts.sector,
    explanation: sentences[outcome.name],
  };
};

const stage: Explainer = (investor, project, weight) => {
  const outcome = stageOutcome(investor, project);
  const name = STAGE_LABELS[project.facts.stage];
  const wanted = labels(investor.preferences.stages, STAGE_LABELS);
  const sentences: Record<typeof outcome.name, Bilingual> = {
    listed: {
      vi: `Đúng giai đoạn nhà đầu tư quan tâm: ${name.vi}`,
      en: `A stage the investor backs: ${name.en}`,
    },
    adjacent: {
      vi: `Giai đoạn ${name.vi} liền kề giai đoạn nhà đầu tư quan tâm (${wanted.vi})`,
      en: `The stage ${name.en} is next to one the investor backs (${wanted.en})`,
    },
    any: {
      vi: `Nhà đầu tư không giới hạn giai đoạn; dự án ở giai đoạn ${name.vi}`,
      en: `The investor takes any stage; the project is at ${name.en}`,
    },
    other: {
      vi: `Giai đoạn ${name.vi} cách xa các giai đoạn nhà đầu tư quan tâm (${wanted.vi})`,
      en: `The stage ${name.en} is far from those the investor backs (${wanted.en})`,
    },
  };
  return {
    hundredths: hundredths(weight, outcome.share),
    investorSide: codes(investor.preferences.stages, 'any'),
    projectSide: project.facts.stage,
    explanation: sentences[outcome.name],
  };
};

const place: Explainer = (investor, project, weight) => {
  const outcome = placeOutcome(investor, project);
  const code = project.facts.provinceCode;
  const name = provinceName(code);
  const region = regionName(code);
  const sentences: Record<typeof outcome.name, Bilingual> = {
    province: {
      vi: `Dự án ở ${name.vi}, địa bàn nhà đầu tư chọn`,
      en: `The project is in ${name.en}, a province the investor chose`,
    },
    region: {
      vi: `Cùng vùng ${region.vi}: dự án ở ${name.vi}`,
      en: `Same region, ${region.en}: the project is in ${name.en}`,
    },
    nationwide: {
      vi: `Nhà đầu tư đầu tư trên cả nước; dự án ở ${name.vi}`,
      en: `The investor invests nationwide; the project is in ${name.en}`,
    },
    elsewhere: {
      vi: `Dự án ở ${name.vi} (vùng ${region.vi}), ngoài các tỉnh, thành và vùng nhà đầu tư chọn`,
      en: `The project is in ${name.en} (${region.en}), outside the investor's provinces and their regions`,
    },
  };
  return {
    hundredths: hundredths(weight, outcome.share),
    investorSide: codes(investor.preferences.provinceCodes, 'nationwide'),
    projectSide: code,
    explanation: sentences[outcome.name],
  };
};

const targetGroups: Explainer = (investor, project, weight) => {
  const outcome = targetGroupOutcome(investor, project);
  const wanted = investor.preferences.targetGroups;
  const shared = labels(
    project.facts.targetGroups.filter((group) => wanted.includes(group)),
    TARGET_GROUP_LABELS,
  );
  const asked = labels(wanted, TARGET_GROUP_LABELS);
  const sentences: Record<typeof outcome.name, Bilingual> = {
    shared: { vi: `Cùng nhóm đối tượng: ${shared.vi}`, en: `Shared target group: ${shared.en}` },
    any: {
      vi: 'Nhà đầu tư không nêu nhóm đối tượng ưu tiên',
      en: 'The investor states no target group',
    },
    other: {
      vi: `Dự án không thuộc nhóm đối tượng nhà đầu tư ưu tiên (${asked.vi})`,
      en: `The project is in none of the investor's target groups (${asked.en})`,
    },
  };
  return {
    hundredths: hundredths(weight, outcome.share),
    investorSide: codes(wanted, 'any'),
    projectSide: codes(project.facts.targetGroups, 'none'),
    explanation: sentences[outcome.name],
  };
};

const percent = (share: number) => `${Math.round(share * 100)} %`;
const upperFirst = (text: string) => `${text[0].toUpperCase()}${text.slice(1)}`;

const quality: Explainer = (_investor, project, weight) => {
  const { ocopStars, certificationLevel } = project.facts;
  const certified = certificationShare(project.facts);
  const stars = ocopShare(project.facts);
  const certificate =
    certificationLevel === null
      ? null
      : {
          vi: `sản phẩm CNNT tiêu biểu ${CERTIFICATION_LEVEL_LABELS[certificationLevel].vi}`,
          en: `${CERTIFICATION_LEVEL_LABELS[certificationLevel].en} typical rural industrial product`,
        };
  const ocop =
    ocopStars === null ? null : { vi: `OCOP ${ocopStars} sao`, en: `OCOP ${ocopStars}-star product` };
  const [better, worse] = certified >= stars ? [certificate, ocop] : [ocop, certificate];
  const share = project.qualityShare;
  const explanation: Bilingual =
    better === null || share === 0
      ? {
          vi: 'Dự án chưa có sao OCOP hay chứng nhận sản phẩm CNNT tiêu biểu',
          en: 'No OCOP stars and no typical rural industrial product certificate',
        }
      : {
          vi: `${upperFirst(better.vi)}: ${percent(share)} số điểm${worse ? ` (tốt hơn ${worse.vi})` : ''}`,
          en: `${upperFirst(better.en)}: ${percent(share)} of the points${worse ? ` (better than ${worse.en})` : ''}`,
        };
  return {
    hundredths: qualityPoints(project, weight),
    investorSide: '',
    projectSide: [ocopStars === null ? '' : `ocop ${ocopStars}`, certificationLevel ?? '']
      .filter(Boolean)
      .join(', '),
    explanation,
  };
};

const thesis: Explainer = (investor, project, weight) => {
  const words: string[] = [];
  const matched = thesisMatches(investor, project, investor.thesisTerms.length, words);
  const full = investor.thesisSaturation;
  const listed = words.map((word) => project.facts.spellings?.get(word) ?? word).join(', ');
  const explanation: Bilingual =
    full === 0
      ? {
          vi: 'Nhà đầu tư chưa viết luận điểm đầu tư nên không so được nội dung',
          en: 'The investor wrote no thesis, so there is no text to compare',
        }
      : matched === 0
        ? {
            vi: 'Không từ nào của luận điểm đầu tư có trong tên và tóm tắt dự án',
            en: "No word of the investor's thesis appears in the project's title and summary",
          }
        : {
            vi: `${matched} từ của luận điểm đầu tư có trong tên và tóm tắt dự án (đủ điểm từ ${full} từ): ${listed}`,
            en: `${matched} ${matched === 1 ? 'word of the thesis appears' : 'words of the thesis appear'} in the project's title and summary (full points from ${full}): ${listed}`,
          };
  return {
    hundredths: hundredths(weight, thesisShare(investor, matched)),
    investorSide: shortList(investor.thesisTerms),
    projectSide: shortList(project.facts.terms),
    explanation,
  };
};

const training: Explainer = (_investor, project, weight) => {
  const outcome = trainingOutcome(project);
  const sentences: Record<typeof outcome.name, Bilingual> = {
    completed: {
      vi: 'Nhóm sáng lập đã hoàn thành tập huấn khởi nghiệp',
      en: 'The founding team completed startup training',
    },
    not_completed: {
      vi: 'Nhóm sáng lập chưa hoàn thành tập huấn khởi nghiệp (hoặc chưa có thông tin)',
      en: 'The founding team has not completed startup training (or it is not known)',
    },
  };
  return {
    hundredths: hundredths(weight, outcome.share),
    investorSide: '',
    projectSide: outcome.name,
    explanation: sentences[outcome.name],
  };
};

const EXPLAINERS: Readonly<Record<MatchCriterion, Explainer>> = {
  sector,
  stage,
  province_region: place,
  target_groups: targetGroups,
  ocop_certification: quality,
  thesis_text: thesis,
  training,
};

const ticketOf = (investor: PreparedInvestor, lang: 'vi' | 'en') =>
  formatDongRange(investor.ticketMin, investor.ticketMax, lang);

function filterSentence(
  filter: ExclusionReason,
  passed: boolean,
  investor: PreparedInvestor,
  project: PreparedProject,
): Bilingual {
  const facts = project.facts;
  switch (filter) {
    case 'ticket':
      return passed
        ? {
            vi: `Ticket ${ticketOf(investor, 'vi')} bao trùm số vốn cần ${formatDong(facts.fundingAsk, 'vi')}`,
            en: `Ticket ${ticketOf(investor, 'en')} covers the ask of ${formatDong(facts.fundingAsk, 'en')}`,
          }
        : {
            vi: `Số vốn cần ${formatDong(facts.fundingAsk, 'vi')} nằm ngoài ticket ${ticketOf(investor, 'vi')}`,
            en: `The ask of ${formatDong(facts.fundingAsk, 'en')} is outside the ticket ${ticketOf(investor, 'en')}`,
          };
    case 'excluded_sector': {
      const name = SECTOR_LABELS[facts.sector];
      const excluded = labels(investor.preferences.excludedSectors, SECTOR_LABELS);
      return passed
        ? {
            vi: `Lĩnh vực ${name.vi} không bị nhà đầu tư loại trừ (${excluded.vi})`,
            en: `The sector ${name.en} is not one the investor excludes (${excluded.en})`,
          }
        : {
            vi: `Nhà đầu tư loại trừ lĩnh vực ${name.vi}`,
            en: `The investor excludes the sector ${name.en}`,
          };
    }
    case 'province': {
      const name = provinceName(facts.provinceCode);
      return passed
        ? {
            vi: `Dự án ở ${name.vi}, trong các tỉnh, thành nhà đầu tư giới hạn`,
            en: `The project is in ${name.en}, within the provinces the investor restricts to`,
          }
        : {
            vi: `Nhà đầu tư chỉ đầu tư tại các tỉnh, thành đã chọn; dự án ở ${name.vi}`,
            en: `The investor invests only in the provinces they chose; the project is in ${name.en}`,
          };
    }
  }
}

/** The hard filters that apply to the investor (the ticket always; the others when the profile sets them). */
function filtersOf(investor: PreparedInvestor): ExclusionReason[] {
  const filters: ExclusionReason[] = ['ticket'];
  if (investor.excludedSectorMask !== 0) filters.push('excluded_sector');
  if (investor.restrictsProvinces) filters.push('province');
  return filters;
}

/**
 * A pair explained: each criterion's weight, points, both sides compared and a vi/en sentence, from the same rules
 * as `scoreMatch` (its `score` equals `scoreMatch` for the pair); or the hard filter that excludes the project.
 */
export function explainMatch(
  investor: PreparedInvestor,
  project: PreparedProject,
  weights: MatchWeights,
): ExplainedMatch {
  const reason = exclusionOf(investor, project);
  if (reason !== null) {
    return { excluded: true, reason, explanation: filterSentence(reason, false, investor, project) };
  }
  let total = 0;
  const criteria = MATCH_CRITERIA.map((criterion): CriterionScore => {
    const weight = weights.points[criterion];
    const { hundredths: points, ...verdict } = EXPLAINERS[criterion](investor, project, weight);
    total += points;
    return { criterion, weight, points: points / 100, ...verdict };
  });
  const filters = filtersOf(investor).map(
    (filter): FilterCheck => ({ filter, explanation: filterSentence(filter, true, investor, project) }),
  );
  return { excluded: false, score: total / 100, criteria, filters, weightsVersionId: weights.versionId };
}
