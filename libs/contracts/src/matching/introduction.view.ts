import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsString, IsUUID, ValidateNested } from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { Money } from '../projects/field-rules.js';
import { PIPELINE_STATUSES, type PipelineStatus } from './matching-vocabulary.js';

// Views are what the API answers; their decorators document the OpenAPI schemas, nothing validates them at run time.

/** Contact values one side agreed to share, as they were when the introduction was made (`null`: not shared). */
export class IntroductionContactView {
  @Nullable()
  @IsString()
  @Doc({ example: 'an.nguyen@caphe-bmt.vn' })
  email!: string | null;

  @Nullable()
  @IsString()
  @Doc({ example: '0912 345 678' })
  phone!: string | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Trang web (chỉ nhà đầu tư)', en: 'Website (investors only)' })
  website!: string | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Địa chỉ (chỉ nhà đầu tư)', en: 'Address (investors only)' })
  address!: string | null;
}

/** One recorded pipeline status. */
export class PipelineEntryView {
  @IsIn(PIPELINE_STATUSES)
  status!: PipelineStatus;

  @Nullable()
  @Money()
  @Doc({ vi: 'Số vốn (đồng)', en: 'Amount (đồng)', example: '2000000000' })
  amount!: string | null;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Ghi chú (chỉ nhà đầu tư thấy)', en: 'Note (shown to the investor only)' })
  note!: string | null;

  @IsISO8601({ strict: true })
  recordedAt!: string;
}

/** An introduction between an investor and a founder, with both sides' shared contacts (its two parties only). */
export class IntroductionSummaryView {
  @IsUUID()
  id!: string;

  @IsUUID()
  interestId!: string;

  @IsUUID()
  projectId!: string;

  @IsString()
  projectTitle!: string;

  @IsUUID()
  projectOwnerId!: string;

  @IsUUID()
  investorId!: string;

  @IsString()
  investorName!: string;

  @ValidateNested()
  @Type(() => IntroductionContactView)
  @Doc({ vi: 'Liên hệ của nhà sáng lập', en: "The founder's contacts" })
  founderContact!: IntroductionContactView;

  @ValidateNested()
  @Type(() => IntroductionContactView)
  @Doc({ vi: 'Liên hệ của nhà đầu tư', en: "The investor's contacts" })
  investorContact!: IntroductionContactView;

  @IsISO8601({ strict: true })
  madeAt!: string;

  @Nullable()
  @IsIn(PIPELINE_STATUSES)
  @Doc({ vi: 'Trạng thái đầu tư hiện tại', en: 'Current pipeline status', example: 'considering' })
  pipelineStatus!: PipelineStatus | null;

  @Nullable()
  @Money()
  @Doc({ vi: 'Số vốn hiện tại (đồng)', en: 'Current amount (đồng)' })
  pipelineAmount!: string | null;
}

/** An introduction with the history of its pipeline, oldest first. */
export class IntroductionView extends IntroductionSummaryView {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PipelineEntryView)
  @Doc({ vi: 'Lịch sử trạng thái đầu tư, cũ trước', en: 'Pipeline history, oldest first' })
  pipeline!: PipelineEntryView[];
}
