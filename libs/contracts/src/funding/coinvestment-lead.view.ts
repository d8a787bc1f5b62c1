import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { INVESTOR_KINDS, type InvestorKind } from '../matching/matching-vocabulary.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { CALENDAR_DATE_PATTERN } from './application-field-rules.js';
import { COINVESTMENT_LEAD_STATUSES, type CoinvestmentLeadStatus } from './coinvestment-lead.dto.js';
import { PRIVATE_INVESTOR_KINDS, type PrivateInvestorKind } from './funding-vocabulary.js';

// Views are documentation of what the API answers (OpenAPI schemas are generated from them), not input rules.

const Instant = () => IsISO8601({ strict: true });

/** One private investor of a lead: the latest commitment of one introduction made in matching. */
export class CoinvestmentLeadInvestorView {
  @IsUUID()
  @Doc({ vi: 'Lần giới thiệu (bên kết nối)', en: 'Introduction (in matching)' })
  introductionId!: string;

  @IsUUID()
  investorId!: string;

  @IsString()
  @Doc({ vi: 'Tên nhà đầu tư', en: "Investor's name", example: 'Quỹ Đầu tư Mạo hiểm Sông Hồng' })
  name!: string;

  @IsIn(INVESTOR_KINDS)
  @Doc({ vi: 'Loại nhà đầu tư theo hồ sơ kết nối', en: 'Kind of investor as its matching profile says' })
  investorKind!: InvestorKind;

  @IsIn(PRIVATE_INVESTOR_KINDS)
  @Doc({
    vi: 'Loại nhà đầu tư tư nhân theo Nghị định 38/2018 (dùng cho đề xuất)',
    en: 'Kind of private investor under Decree 38/2018 (as a proposal takes it)',
  })
  kind!: PrivateInvestorKind;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Số vốn cam kết mới nhất (đồng)', en: 'Latest amount committed (đồng)', example: '3000000000' })
  amount!: string;

  @IsIn(['committed', 'invested'])
  @Doc({ vi: 'Đã cam kết hoặc đã đầu tư', en: 'Committed or invested' })
  stage!: 'committed' | 'invested';

  @Matches(CALENDAR_DATE_PATTERN)
  @Doc({ vi: 'Ngày cam kết (giờ Việt Nam)', en: 'Day of the commitment (Vietnam)', example: '2026-10-01' })
  committedOn!: string;

  @Instant()
  recordedAt!: string;
}

/**
 * A co-investment lead (ADR 0028): private investors willing to invest beside the state in one project, their total,
 * and the most the state may co-invest under the rule in force (Decree 38/2018), for a fund officer to take on.
 */
export class CoinvestmentLeadView {
  @IsUUID()
  id!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  @Doc({ vi: 'Người sáng lập dự án', en: "The project's founder" })
  projectOwnerId!: string;

  @Nullable()
  @IsString()
  @Doc({
    vi: 'Tên dự án (null khi danh mục dự án của quỹ chưa nhận được dự án đã công bố)',
    en: "Project title (null until funding's project directory has learnt the published project)",
  })
  projectTitle!: string | null;

  @IsBoolean()
  @Doc({
    vi: 'Dự án đang công bố trong danh mục của quỹ (cần để lập đề xuất)',
    en: "Published in funding's project directory (needed to open a proposal)",
  })
  projectPublished!: boolean;

  @IsIn(COINVESTMENT_LEAD_STATUSES)
  status!: CoinvestmentLeadStatus;

  @Matches(MONEY_PATTERN)
  @Doc({
    vi: 'Tổng vốn tư nhân (mỗi lần giới thiệu tính một lần, theo cam kết mới nhất)',
    en: 'Private total (each introduction once, at its latest commitment)',
    example: '3000000000',
  })
  privateTotal!: string;

  @Nullable()
  @Matches(MONEY_PATTERN)
  @Doc({
    vi: 'Mức đồng đầu tư tối đa của nhà nước = tỷ lệ × tổng vốn tư nhân, làm tròn xuống (null: không có quy định đang hiệu lực)',
    en: 'Most the state may co-invest = cap × private total, rounded down (null: no rule in force)',
    example: '900000000',
  })
  cap!: string | null;

  @Nullable()
  @IsInt()
  @Doc({ vi: 'Tỷ lệ trần (phần vạn)', en: 'The cap (basis points)', example: 3000 })
  capBp!: number | null;

  @Nullable()
  @IsUUID()
  @Doc({ vi: 'Phiên bản quy định trần đã áp dụng', en: 'Version of the cap rule applied' })
  ruleVersionId!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CoinvestmentLeadInvestorView)
  @Doc({ vi: 'Nhà đầu tư tư nhân, cam kết lớn trước', en: 'Private investors, largest first' })
  investors!: CoinvestmentLeadInvestorView[];

  @Instant()
  openedAt!: string;

  @Instant()
  updatedAt!: string;

  @Nullable()
  @IsUUID()
  @Doc({ vi: 'Cán bộ quỹ nhận xử lý', en: 'Fund officer who took it on' })
  takenBy!: string | null;

  @Nullable()
  @Instant()
  takenAt!: string | null;

  @Nullable()
  @IsUUID()
  closedBy!: string | null;

  @Nullable()
  @Instant()
  closedAt!: string | null;

  @Nullable()
  @IsString()
  @Doc({
    vi: 'Lý do đóng (null khi đóng do lập đề xuất)',
    en: 'Why it was closed (null: closed by a proposal)',
  })
  closeReason!: string | null;

  @Nullable()
  @IsUUID()
  @Doc({ vi: 'Đề xuất đồng đầu tư lập từ gợi ý này', en: 'The co-investment proposal opened from it' })
  applicationId!: string | null;
}
