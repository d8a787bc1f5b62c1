import { IsIn, IsNotEmpty, IsOptional, ValidateIf } from 'class-validator';
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
  decision!: ReviewDecision;

  @ValidateIf(
    (review: ReviewProjectDto, value: unknown) => review.decision !== 'approve' || value !== undefined,
  )
  @TextOfLength({ max: PROJECT_TEXT_LIMITS.comment.max })
  @IsNotEmpty({ message: 'comment is required when asking for a revision or rejecting' })
  comment?: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}

/** Body of `POST /projects/{id}/unpublish`: why the project is taken down. */
export class UnpublishProjectDto {
  @TextOfLength(PROJECT_TEXT_LIMITS.reason)
  reason!: string;

  @IsOptional()
  @BasedOnVersion()
  version?: number;
}
