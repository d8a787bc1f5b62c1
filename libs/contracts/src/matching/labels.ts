import type { Bilingual } from '../http/doc.js';
import type {
  CertificationLevel,
  ProjectSector,
  ProjectStage,
  TargetGroup,
} from '../projects/project-vocabulary.js';
import type { InvestorKind, MatchCriterion } from './matching-vocabulary.js';

/**
 * What people read for the codes of the vocabularies investors and founders choose from: match explanations and the
 * web portal use the same words. Names are written to fit inside a sentence ("Cùng lĩnh vực Nông nghiệp – thực
 * phẩm", "Same sector: agriculture and food"), so the English ones start in lower case.
 */

export const SECTOR_LABELS: Readonly<Record<ProjectSector, Bilingual>> = {
  agriculture_food: { vi: 'Nông nghiệp – thực phẩm', en: 'agriculture and food' },
  handicrafts: { vi: 'Thủ công mỹ nghệ', en: 'handicrafts' },
  tourism: { vi: 'Du lịch', en: 'tourism' },
  education: { vi: 'Giáo dục', en: 'education' },
  health: { vi: 'Y tế – sức khỏe', en: 'health' },
  manufacturing: { vi: 'Sản xuất – chế biến', en: 'manufacturing and processing' },
  clean_production: { vi: 'Sản xuất sạch hơn', en: 'cleaner production' },
  digital_it: { vi: 'Công nghệ số – CNTT', en: 'digital technology and IT' },
  trade_services: { vi: 'Thương mại – dịch vụ', en: 'trade and services' },
  other: { vi: 'Lĩnh vực khác', en: 'other sectors' },
};

export const STAGE_LABELS: Readonly<Record<ProjectStage, Bilingual>> = {
  idea: { vi: 'Ý tưởng', en: 'idea' },
  prototype: { vi: 'Sản phẩm mẫu', en: 'prototype' },
  early_revenue: { vi: 'Có doanh thu ban đầu', en: 'early revenue' },
  growth: { vi: 'Tăng trưởng', en: 'growth' },
};

export const TARGET_GROUP_LABELS: Readonly<Record<TargetGroup, Bilingual>> = {
  women_led: { vi: 'Phụ nữ khởi nghiệp', en: 'women-led' },
  student: { vi: 'Học sinh, sinh viên', en: 'pupils and students' },
  poverty_escape: { vi: 'Hộ thoát nghèo', en: 'households escaping poverty' },
  youth: { vi: 'Thanh niên', en: 'youth' },
};

export const CERTIFICATION_LEVEL_LABELS: Readonly<Record<CertificationLevel, Bilingual>> = {
  province: { vi: 'cấp tỉnh', en: 'provincial' },
  region: { vi: 'cấp khu vực', en: 'regional' },
  national: { vi: 'cấp quốc gia', en: 'national' },
};

export const INVESTOR_KIND_LABELS: Readonly<Record<InvestorKind, Bilingual>> = {
  angel: { vi: 'Nhà đầu tư thiên thần', en: 'angel investor' },
  venture_fund: { vi: 'Quỹ đầu tư khởi nghiệp', en: 'startup or venture fund' },
  enterprise: { vi: 'Doanh nghiệp', en: 'enterprise' },
  association_fund: { vi: 'Quỹ của hiệp hội', en: 'association fund' },
  state_fund: { vi: 'Quỹ nhà nước', en: 'state fund' },
};

export const MATCH_CRITERION_LABELS: Readonly<Record<MatchCriterion, Bilingual>> = {
  sector: { vi: 'Lĩnh vực', en: 'sector' },
  stage: { vi: 'Giai đoạn', en: 'stage' },
  province_region: { vi: 'Tỉnh, thành và vùng', en: 'province and region' },
  target_groups: { vi: 'Nhóm đối tượng', en: 'target groups' },
  ocop_certification: { vi: 'OCOP và chứng nhận sản phẩm CNNT tiêu biểu', en: 'OCOP and certification' },
  thesis_text: { vi: 'Luận điểm đầu tư', en: 'investment thesis' },
  training: { vi: 'Tập huấn khởi nghiệp', en: 'startup training' },
};
