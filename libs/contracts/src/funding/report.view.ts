import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Doc } from '../http/doc.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import {
  GRANT_DISBURSEMENT_STAGES,
  type GrantDisbursementStage,
  SUPPORT_CATEGORIES,
  type SupportCategory,
} from './funding-vocabulary.js';

/** One call: its budget, what is committed to grants, paid out, returned, and still available. */
export class CallReportRow {
  @IsUUID()
  callId!: string;

  @IsUUID()
  fundId!: string;

  @IsString()
  title!: string;

  @IsInt()
  fiscalYear!: number;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Ngân sách (đồng)', en: 'Budget (đồng)' })
  budget!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Đã cam kết cho các khoản tài trợ (đồng)', en: 'Committed to grants (đồng)' })
  committed!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Đã chi (đồng)', en: 'Paid out (đồng)' })
  disbursed!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Đã thu hồi khi quyết toán (đồng)', en: 'Returned at settlement (đồng)' })
  returned!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Còn lại chưa cam kết (đồng)', en: 'Available, not committed (đồng)' })
  available!: string;
}

export class CallReportView {
  @IsISO8601({ strict: true })
  asOf!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CallReportRow)
  rows!: CallReportRow[];
}

/** One grant: approved, paid out, returned, and what is still to disburse. */
export class GrantReportRow {
  @IsUUID()
  grantId!: string;

  @IsUUID()
  callId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  beneficiaryId!: string;

  @IsIn(GRANT_DISBURSEMENT_STAGES)
  stage!: GrantDisbursementStage;

  @Matches(MONEY_PATTERN)
  approved!: string;

  @Matches(MONEY_PATTERN)
  disbursed!: string;

  @Matches(MONEY_PATTERN)
  returned!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Còn có thể giải ngân (0 khi đã quyết toán)', en: 'Still to disburse (0 once settled)' })
  remaining!: string;
}

export class GrantReportView {
  @IsISO8601({ strict: true })
  asOf!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GrantReportRow)
  rows!: GrantReportRow[];
}

/**
 * Budget against actual for one support category (grants counted under their main category): the budget is what
 * was approved, the actual what was paid net of returns.
 */
export class CategoryReportRow {
  @IsIn(SUPPORT_CATEGORIES)
  category!: SupportCategory;

  @IsInt()
  grants!: number;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Dự toán: tổng được duyệt (đồng)', en: 'Budget: total approved (đồng)' })
  budget!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Thực hiện: đã chi trừ thu hồi (đồng)', en: 'Actual: paid out less returns (đồng)' })
  actual!: string;

  @Matches(/^-?(0|[1-9][0-9]{0,14})$/)
  @Doc({ vi: 'Chênh lệch dự toán − thực hiện (đồng)', en: 'Variance, budget − actual (đồng)' })
  variance!: string;
}

export class CategoryReportView {
  @IsISO8601({ strict: true })
  asOf!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CategoryReportRow)
  rows!: CategoryReportRow[];
}
