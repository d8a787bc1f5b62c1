import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { TextOfLength } from '../projects/field-rules.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';
import { MEDIA_TYPE_PATTERN, SHA256_PATTERN } from './application-field-rules.js';
import { POSITIVE_MONEY_PATTERN } from './call.dto.js';
import { TRANCHE_KINDS, type TrancheKind } from './funding-vocabulary.js';

export const TRANCHE_LIMITS = {
  reason: { min: 3, max: 2000 },
  note: { max: 2000 },
  paymentReference: { min: 3, max: 100 },
  evidence: { min: 1, max: 50 },
  evidenceName: { min: 1, max: 255 },
  evidenceSize: { min: 1, max: 1_073_741_824 },
} as const;

const MONEY_MESSAGE = '$property must be a whole number of đồng written as a string, e.g. "300000000"';

/** What is known of one piece of evidence (minutes, invoices, photos); the file itself is kept elsewhere. */
export class EvidenceDto {
  @TextOfLength(TRANCHE_LIMITS.evidenceName)
  @Doc({ vi: 'Tên tệp', en: 'File name', example: 'bien-ban-nghiem-thu.pdf' })
  name!: string;

  @IsString()
  @Matches(MEDIA_TYPE_PATTERN, { message: '$property must be a media type such as application/pdf' })
  @Doc({ vi: 'Kiểu tệp', en: 'Media type', example: 'application/pdf' })
  mediaType!: string;

  @IsInt()
  @Min(TRANCHE_LIMITS.evidenceSize.min)
  @Max(TRANCHE_LIMITS.evidenceSize.max)
  @Doc({ vi: 'Dung lượng (byte)', en: 'Size (bytes)', example: 482133 })
  size!: number;

  @IsString()
  @Matches(SHA256_PATTERN, { message: '$property must be 64 lowercase hexadecimal digits (SHA-256)' })
  @Doc({
    vi: 'Mã băm SHA-256 (hex chữ thường)',
    en: 'SHA-256 (lowercase hex)',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256!: string;
}

/**
 * A fund officer asks for a tranche of a grant (the maker): an advance (its amount comes from the advance rate in
 * force), the payment after acceptance (nghiệm thu: accepted cost and evidence), or the settlement (quyết toán: the
 * final amount; the balance is paid or returned).
 */
export class RequestTrancheDto {
  @IsIn(TRANCHE_KINDS)
  @Doc({
    vi: 'Tạm ứng, nghiệm thu hay quyết toán',
    en: 'Advance, acceptance or settlement',
    example: 'advance',
  })
  kind!: TrancheKind;

  @ValidateIf((dto: RequestTrancheDto) => dto.kind === 'acceptance' || dto.amount !== undefined)
  @IsString({ message: MONEY_MESSAGE })
  @Matches(POSITIVE_MONEY_PATTERN, {
    message: '$property must be a whole, positive number of đồng with at most 15 digits',
  })
  @Doc({
    vi: 'Số tiền đề nghị giải ngân sau nghiệm thu (đồng); chỉ cho đợt nghiệm thu',
    en: 'Amount to pay after acceptance (đồng); acceptance only',
    example: '100000000',
  })
  amount?: string;

  @ValidateIf((dto: RequestTrancheDto) => dto.kind === 'acceptance' || dto.acceptedCost !== undefined)
  @IsString({ message: MONEY_MESSAGE })
  @Matches(POSITIVE_MONEY_PATTERN, {
    message: '$property must be a whole, positive number of đồng with at most 15 digits',
  })
  @Doc({
    vi: 'Chi phí được nghiệm thu (đồng); bắt buộc khi nghiệm thu',
    en: 'Accepted cost (đồng); required for acceptance',
    example: '600000000',
  })
  acceptedCost?: string;

  @ValidateIf((dto: RequestTrancheDto) => dto.kind === 'acceptance' || dto.evidence !== undefined)
  @IsArray()
  @ArrayMinSize(TRANCHE_LIMITS.evidence.min)
  @ArrayMaxSize(TRANCHE_LIMITS.evidence.max)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  @Doc({ vi: 'Hồ sơ chứng từ (bắt buộc khi nghiệm thu)', en: 'Evidence (required for acceptance)' })
  evidence?: EvidenceDto[];

  @ValidateIf((dto: RequestTrancheDto) => dto.kind === 'settlement' || dto.finalAmount !== undefined)
  @IsString({ message: MONEY_MESSAGE })
  @Matches(MONEY_PATTERN, { message: '$property must be a whole number of đồng with at most 15 digits' })
  @Doc({
    vi: 'Số tiền quyết toán (đồng, ≤ số được duyệt); bắt buộc khi quyết toán',
    en: 'Final amount settled (đồng, ≤ approved); required for settlement',
    example: '280000000',
  })
  finalAmount?: string;

  @IsOptional()
  @TextOfLength(TRANCHE_LIMITS.note)
  @Doc({ vi: 'Ghi chú', en: 'Note' })
  note?: string;
}

/** The checker's approval of a tranche (the second factor and an Idempotency-Key are required). */
export class ApproveTrancheDto {
  @IsOptional()
  @TextOfLength(TRANCHE_LIMITS.note)
  @Doc({ vi: 'Ghi chú', en: 'Note' })
  note?: string;
}

/** The checker's rejection of a tranche, with the reason. */
export class RejectTrancheDto {
  @TextOfLength(TRANCHE_LIMITS.reason)
  @Doc({ vi: 'Lý do từ chối', en: 'Why it is rejected', example: 'Thiếu hoá đơn mua máy.' })
  reason!: string;
}

/** The payment (or, for a settlement with a return, the receipt of the return) was made. */
export class PayTrancheDto {
  @TextOfLength(TRANCHE_LIMITS.paymentReference)
  @Matches(/^\S(.*\S)?$/, { message: '$property must not start or end with spaces' })
  @Doc({ vi: 'Số chứng từ thanh toán (uỷ nhiệm chi)', en: 'Payment reference', example: 'UNC-2026-000123' })
  paymentReference!: string;
}
