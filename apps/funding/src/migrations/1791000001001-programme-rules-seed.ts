import type {
  CapitalSource,
  FundKind,
  PriorityGroup,
  Programme,
  RuleKind,
  SupportCategory,
} from '@khoinghiep/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { ruleIdOf } from '../rules/rule-identity.js';

/** Namespace of the seeded version ids, so every database holds the same ids for them. */
const SEED_NAMESPACE = 'b3f0e6a4-51c1-4b8e-8d43-9e4f6c2a7d10';

interface SeedVersion {
  kind: RuleKind;
  programme: Programme;
  category?: SupportCategory;
  fundKind?: FundKind;
  capitalSource?: CapitalSource;
  provinceCode?: string;
  amountCap?: string;
  basisPoints?: number;
  priorityGroups?: PriorityGroup[];
  effectiveFrom: string;
  legalSourceNumber: string;
  legalSourceName: string;
  reason: string;
}

const CIRCULAR_28 = {
  effectiveFrom: '2018-05-12',
  legalSourceNumber: '28/2018/TT-BTC',
  legalSourceName:
    'Thông tư hướng dẫn lập, quản lý và sử dụng kinh phí khuyến công (Circular on the industrial-promotion budget)',
} as const;
const CIRCULAR_36 = {
  effectiveFrom: '2014-02-15',
  legalSourceNumber: '36/2013/TT-BCT',
  legalSourceName:
    'Thông tư quy định về việc xây dựng kế hoạch, tổ chức thực hiện và quản lý kinh phí khuyến công quốc gia',
} as const;

const ceiling = (
  category: SupportCategory,
  amountCap: string | null,
  basisPoints: number | null,
  reason: string,
) =>
  ({
    kind: 'support_ceiling',
    programme: 'khuyen_cong',
    category,
    ...(amountCap === null ? {} : { amountCap }),
    ...(basisPoints === null ? {} : { basisPoints }),
    ...CIRCULAR_28,
    reason,
  }) satisfies SeedVersion;

const advance = (category: SupportCategory, basisPoints: number) =>
  ({
    kind: 'advance_rate',
    programme: 'khuyen_cong',
    category,
    basisPoints,
    ...CIRCULAR_36,
    reason: 'Tạm ứng theo vòng đời đề án khuyến công quốc gia / Advance per the national proposal lifecycle',
  }) satisfies SeedVersion;

/**
 * The rules of DOMAIN.md ("Rules of the programmes"), as read from public summaries in 2026. Categories without a
 * known ceiling (training, trade fairs, branding, cleaner production, consulting, digital transformation, and the
 * startup-fund and SME-fund categories) get none: no row, so `RuleBook.supportCeiling` answers null for them.
 * An admin records newer versions through the API; these rows are never edited.
 */
export const SEED_VERSIONS: readonly SeedVersion[] = [
  ceiling('kc_new_rural_enterprise', '10000000', null, 'Cơ sở CNNT mới thành lập ở địa bàn khó khăn'),
  ceiling(
    'kc_demonstration_model',
    '1000000000',
    3000,
    'Mô hình trình diễn: ≤ 30 % chi phí, ≤ 1.000 triệu ₫',
  ),
  ceiling('kc_machinery', '300000000', null, 'Máy móc, chuyển giao công nghệ: ≤ 300 triệu ₫ mỗi cơ sở'),
  ceiling('kc_machinery_line', '450000000', null, 'Dây chuyền máy móc: ≤ 450 triệu ₫'),
  ceiling('kc_product_contest_regional', '200000000', null, 'Bình chọn sản phẩm CNNT tiêu biểu cấp khu vực'),
  ceiling('kc_product_contest_national', '400000000', null, 'Bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia'),
  ceiling('kc_cluster_infrastructure', '6000000000', null, 'Hạ tầng cụm công nghiệp: ≤ 6.000 triệu ₫'),
  advance('kc_training', 7000),
  advance('kc_consulting', 7000),
  advance('kc_trade_fair', 7000),
  advance('kc_cluster_infrastructure', 3000),
  {
    kind: 'coinvestment_cap',
    programme: 'venture_coinvestment',
    basisPoints: 3000,
    effectiveFrom: '2018-03-11',
    legalSourceNumber: '38/2018/NĐ-CP',
    legalSourceName: 'Nghị định quy định chi tiết về đầu tư cho doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo',
    reason:
      'Vốn nhà nước đồng đầu tư ≤ 30 % vốn của quỹ tư nhân / State co-investment ≤ 30 % of private funds',
  },
  {
    kind: 'capital_share_cap',
    programme: 'venture_coinvestment',
    fundKind: 'provincial_venture_fund',
    capitalSource: 'provincial_budget',
    basisPoints: 4900,
    effectiveFrom: '2025-10-10',
    legalSourceNumber: '264/2025/NĐ-CP',
    legalSourceName: 'Nghị định về quỹ đầu tư mạo hiểm của địa phương (provincial venture funds)',
    reason: 'Ngân sách tỉnh ≤ 49 % vốn điều lệ của quỹ / Provincial budget ≤ 49 % of the fund capital',
  },
  {
    kind: 'priority_groups',
    programme: 'sme_support',
    priorityGroups: ['women_led', 'social_enterprise'],
    effectiveFrom: '2021-08-26',
    legalSourceNumber: '80/2021/NĐ-CP',
    legalSourceName: 'Nghị định quy định chi tiết Luật Hỗ trợ doanh nghiệp nhỏ và vừa',
    reason: 'Khi bằng nhau: doanh nghiệp do phụ nữ làm chủ, doanh nghiệp xã hội trước',
  },
  {
    kind: 'priority_groups',
    programme: 'khuyen_cong',
    priorityGroups: ['women_led', 'ethnic_minority_led'],
    effectiveFrom: '2025-10-15',
    legalSourceNumber: '235/2025/NĐ-CP',
    legalSourceName: 'Nghị định sửa đổi, bổ sung Nghị định 45/2012/NĐ-CP về khuyến công',
    reason: 'Ưu tiên cơ sở do phụ nữ, người dân tộc thiểu số làm chủ',
  },
  {
    kind: 'support_ceiling',
    programme: 'khuyen_cong',
    category: 'kc_demonstration_model',
    provinceCode: '66',
    amountCap: '800000000',
    basisPoints: 3000,
    effectiveFrom: '2025-01-01',
    legalSourceNumber: 'Nghị quyết HĐND tỉnh Đắk Lắk 2025 (số hiệu cần đối chiếu)',
    legalSourceName:
      'Mức hỗ trợ khuyến công địa phương tỉnh Đắk Lắk (Dak Lak local industrial-promotion support)',
    reason: 'Mô hình trình diễn ở Đắk Lắk: ≤ 30 % và ≤ 800 triệu ₫',
  },
];

/** Loads the programme rules of DOMAIN.md as the first versions (recorded by nobody: `recorded_by` is null). */
export class ProgrammeRulesSeed1791000001001 implements MigrationInterface {
  name = 'ProgrammeRulesSeed1791000001001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const seed of SEED_VERSIONS) {
      const ruleId = ruleIdOf({
        kind: seed.kind,
        programme: seed.programme,
        category: seed.category ?? null,
        fundKind: seed.fundKind ?? null,
        capitalSource: seed.capitalSource ?? null,
      });
      const id = uuidv5(`${ruleId}|${seed.provinceCode ?? ''}|${seed.effectiveFrom}`, SEED_NAMESPACE);
      await queryRunner.query(
        `INSERT INTO "programme_rule_versions" ("id", "rule_id", "kind", "programme", "category", "fund_kind",
           "capital_source", "province_code", "amount_cap", "basis_points", "priority_groups", "effective_from",
           "effective_until", "legal_source_number", "legal_source_name", "reason", "recorded_by", "recorded_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, $13, $14, $15, NULL, now())`,
        [
          id,
          ruleId,
          seed.kind,
          seed.programme,
          seed.category ?? null,
          seed.fundKind ?? null,
          seed.capitalSource ?? null,
          seed.provinceCode ?? null,
          seed.amountCap ?? null,
          seed.basisPoints ?? null,
          seed.priorityGroups ?? null,
          seed.effectiveFrom,
          seed.legalSourceNumber,
          seed.legalSourceName,
          seed.reason,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The versions table refuses DELETE by design; emptying it is the only way back.
    await queryRunner.query('TRUNCATE "programme_rule_versions"');
  }
}
