import { IsIn, ValidateIf } from 'class-validator';
import { Doc } from '../http/doc.js';
import { TextOfLength } from '../projects/field-rules.js';
import { PageQueryDto } from '../projects/list-projects.query.js';

/**
 * Life of a co-investment lead (ADR 0028): `open` when private commitments arrive from matching, `taken` once a
 * fund officer takes it on, `closed` when a proposal is opened from it or an officer closes it (final).
 */
export const COINVESTMENT_LEAD_STATUSES = ['open', 'taken', 'closed'] as const;
export type CoinvestmentLeadStatus = (typeof COINVESTMENT_LEAD_STATUSES)[number];

/** Statuses in which a lead still gathers commitments; a project has at most one lead in them. */
export const LIVE_COINVESTMENT_LEAD_STATUSES = [
  'open',
  'taken',
] as const satisfies readonly CoinvestmentLeadStatus[];

export const COINVESTMENT_LEAD_LIMITS = {
  reason: { min: 3, max: 1000 },
} as const;

/** `GET /funding/coinvestment-leads`: newest first, optionally of one status. */
export class ListCoinvestmentLeadsQueryDto extends PageQueryDto {
  @ValidateIf((_object: unknown, value: unknown) => value !== undefined)
  @IsIn(COINVESTMENT_LEAD_STATUSES, { message: '$property must be one of: $constraint1' })
  @Doc({ vi: 'Chỉ gợi ý ở trạng thái này', en: 'Only leads in this status', example: 'open' })
  status?: CoinvestmentLeadStatus;
}

/** `POST /funding/coinvestment-leads/:leadId/close`: why the lead is closed without a proposal. */
export class CloseCoinvestmentLeadDto {
  @TextOfLength(COINVESTMENT_LEAD_LIMITS.reason)
  @Doc({
    vi: 'Lý do đóng',
    en: 'Why it is closed',
    example: 'Dự án chưa đủ điều kiện doanh nghiệp khởi nghiệp sáng tạo.',
  })
  reason!: string;
}
