import { IsIn, IsNotEmpty, IsOptional, ValidateIf } from 'class-validator';
import { Doc } from '../http/doc.js';
import { BasedOnVersion, TextOfLength } from './field-rules.js';
import { PROJECT_TEXT_LIMITS, REVIEW_DECISIONS, type ReviewDecision } from './project-vocabulary.js';

/** Body of `POST /projects/{id}/submit` (may be empty). */
export class SubmitProjectDto {
  @IsOptional()
  @BasedOnVersion()
  version?: number;
}

/** Body of `POST /projects/{id}/withdraw`: an optional reason. */
export class WithdrawProjectDto {
  @IsOptional()
  @TextOfLength({ max: PROJECT_TEXT_LIMITS.reason.max })
  @Doc({ vi: 'Lý do rút', en: 'Why the project is withdrawn' })
  reason?: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}

/**
 * Body of `POST /projects/{id}/review`. Approving publishes the project; asking for a revision or rejecting needs a
 * comment that tells the founder why.
 */
export class ReviewProjectDto {
  @IsIn(REVIEW_DECISIONS)
  @Doc({
    vi: 'approve: công bố; request_revision: trả lại để sửa; reject: từ chối',
    en: 'approve publishes, request_revision sends back, reject refuses',
    example: 'request_revision',
  })
  decision!: ReviewDecision;

  @ValidateIf(
    (review: ReviewProjectDto, value: unknown) => review.decision !== 'approve' || value !== undefined,
  )
  @TextOfLength({ max: PROJECT_TEXT_LIMITS.comment.max })
  @IsNotEmpty({ message: 'comment is required when asking for a revision or rejecting' })
  @Doc({
    vi: 'Nhận xét; bắt buộc khi trả lại hoặc từ chối',
    en: 'Comment; required to request a revision or reject',
    example: 'Đề nghị bổ sung kế hoạch tài chính 3 năm.',
  })
  comment?: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}

/** Body of `POST /projects/{id}/unpublish`: why the project is taken down. */
export class UnpublishProjectDto {
  @TextOfLength(PROJECT_TEXT_LIMITS.reason)
  @Doc({
    vi: 'Lý do gỡ công bố',
    en: 'Why the project is taken down',
    example: 'Doanh nghiệp tạm ngừng hoạt động.',
  })
  reason!: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}
