import { IsIn, IsISO8601, IsString, IsUUID } from 'class-validator';
import { Doc, Nullable } from '../http/doc.js';
import { INTEREST_STATUSES, type InterestStatus } from './matching-vocabulary.js';

// Views are what the API answers; their decorators document the OpenAPI schemas, nothing validates them at run time.

/** An investor's interest in a project, as its investor and the project's founder read it. Never contact data. */
export class InterestView {
  @IsUUID()
  id!: string;

  @IsUUID()
  projectId!: string;

  @IsString()
  @Doc({ vi: 'Tên dự án khi bày tỏ quan tâm', en: 'Project title when the interest was expressed' })
  projectTitle!: string;

  @IsUUID()
  @Doc({ vi: 'Nhà sáng lập (chủ dự án)', en: 'Founder (owner of the project)' })
  projectOwnerId!: string;

  @IsUUID()
  investorId!: string;

  @IsString()
  @Doc({ vi: 'Tên nhà đầu tư (kèm tổ chức)', en: 'Investor name (with the organisation)' })
  investorName!: string;

  @IsString()
  @Doc({ vi: 'Lời nhắn của nhà đầu tư', en: "The investor's message" })
  message!: string;

  @IsIn(INTEREST_STATUSES)
  @Doc({ vi: 'Trạng thái', en: 'Status', example: 'open' })
  status!: InterestStatus;

  @Nullable()
  @IsString()
  @Doc({ vi: 'Lý do từ chối (nếu có)', en: 'Reason given when declined' })
  declineReason!: string | null;

  @Nullable()
  @IsUUID()
  @Doc({
    vi: 'Lời giới thiệu tạo ra khi chấp nhận: ở đó mới có thông tin liên hệ',
    en: 'Introduction made on acceptance: the only place contacts are shared',
  })
  introductionId!: string | null;

  @IsISO8601({ strict: true })
  expressedAt!: string;

  @Nullable()
  @IsISO8601({ strict: true })
  @Doc({ vi: 'Lúc được trả lời hoặc rút lại', en: 'When it was answered or withdrawn' })
  closedAt!: string | null;
}
