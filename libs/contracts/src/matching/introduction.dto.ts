import { IsIn, IsOptional } from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money, TextOfLength } from '../projects/field-rules.js';
import { MATCHING_TEXT_LIMITS, PIPELINE_STATUSES, type PipelineStatus } from './matching-vocabulary.js';

/** Body of `PUT /matching/introductions/:introductionId/pipeline`: where the investor stands with the project. */
export class RecordPipelineStatusDto {
  @IsIn(PIPELINE_STATUSES)
  @Doc({
    vi: 'Trạng thái: considering (đang cân nhắc), committed (cam kết), invested (đã đầu tư), passed (không đầu tư)',
    en: 'Status: considering, committed, invested, passed',
    example: 'committed',
  })
  status!: PipelineStatus;

  @IsOptional()
  @Money()
  @Doc({
    vi: 'Số vốn (đồng, > 0): bắt buộc khi committed và invested, không dùng cho trạng thái khác',
    en: 'Amount (đồng, > 0): required for committed and invested, not allowed otherwise',
    example: '2000000000',
  })
  amount?: string;

  @IsOptional()
  @TextOfLength(MATCHING_TEXT_LIMITS.reason)
  @Doc({
    vi: 'Ghi chú (chỉ nhà đầu tư đọc được)',
    en: 'Note (only the investor reads it)',
    example: 'Đã gặp đội ngũ tại Buôn Ma Thuột.',
  })
  note?: string;
}
