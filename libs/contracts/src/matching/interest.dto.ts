import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { TextOfLength } from '../projects/field-rules.js';
import { PageQueryDto } from '../projects/list-projects.query.js';
import {
  INTEREST_STATUSES,
  type InterestStatus,
  MATCHING_TEXT_LIMITS,
  PHONE_PATTERN,
} from './matching-vocabulary.js';

/** Body of `POST /matching/interests`: an investor tells a founder they are interested in a published project. */
export class ExpressInterestDto {
  @IsUUID()
  @Doc({ vi: 'Dự án đã công bố', en: 'Published project' })
  projectId!: string;

  @TextOfLength(MATCHING_TEXT_LIMITS.message)
  @Doc({
    vi: `Lời nhắn cho nhà sáng lập (${MATCHING_TEXT_LIMITS.message.min}–${MATCHING_TEXT_LIMITS.message.max} ký tự)`,
    en: `Message to the founder (${MATCHING_TEXT_LIMITS.message.min}–${MATCHING_TEXT_LIMITS.message.max} characters)`,
    example: 'Quỹ chúng tôi đầu tư vào nông nghiệp công nghệ cao ở Tây Nguyên; xin được trao đổi thêm.',
  })
  message!: string;
}

/**
 * The founder's contact values an introduction shares: only the fields the project shares
 * (`sharedContactFields` of the project); the email defaults to the founder's sign-in email.
 */
export class FounderContactDto {
  @IsOptional()
  @IsEmail()
  @MaxLength(MATCHING_TEXT_LIMITS.contactValue.max)
  @Doc({
    vi: 'Email (mặc định: email đăng nhập)',
    en: 'Email (default: the sign-in email)',
    example: 'an.nguyen@caphe-bmt.vn',
  })
  email?: string;

  @IsOptional()
  @Matches(PHONE_PATTERN, { message: '$property must be a telephone number, e.g. "0912 345 678"' })
  @Doc({ vi: 'Số điện thoại', en: 'Telephone number', example: '0912 345 678' })
  phone?: string;
}

/** Body of `POST /matching/interests/:interestId/accept`. */
export class AcceptInterestDto {
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FounderContactDto)
  @Doc({
    vi: 'Thông tin liên hệ của bạn cho các trường dự án chia sẻ',
    en: 'Your contact values for the fields the project shares',
  })
  contact?: FounderContactDto;
}

/** Body of `POST /matching/interests/:interestId/decline`. */
export class DeclineInterestDto {
  @IsOptional()
  @TextOfLength(MATCHING_TEXT_LIMITS.reason)
  @Doc({
    vi: 'Lý do (nhà đầu tư đọc được)',
    en: 'Reason (the investor reads it)',
    example: 'Dự án chưa gọi vốn trong năm nay.',
  })
  reason?: string;
}

/** `GET /matching/interests`: the interests I sent (investor) or received on my projects (founder), newest first. */
export class ListInterestsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(INTEREST_STATUSES)
  @Doc({ vi: 'Trạng thái', en: 'Status', example: 'open' })
  status?: InterestStatus;

  @IsOptional()
  @IsUUID()
  @Doc({ vi: 'Dự án', en: 'Project' })
  projectId?: string;
}
