import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import { rules, TextOfLength } from '../projects/field-rules.js';
import { APPLICANT_KINDS, PRIORITY_GROUPS, SUPPORT_CATEGORIES } from './funding-vocabulary.js';

/** Bounds of an application (đề án): counts, lengths and sizes. */
export const APPLICATION_LIMITS = {
  budgetLines: { max: 50 },
  attachments: { max: 20 },
  lineDescription: { min: 1, max: 500 },
  attachmentName: { min: 1, max: 255 },
  mediaType: { max: 127 },
  /** 100 MiB: attachments are metadata here; the file lives in document storage. */
  attachmentBytes: { max: 104_857_600 },
  reason: { max: 1000 },
} as const;

/** `type/subtype` as RFC 6838 names it, lower case, without parameters. */
export const MEDIA_TYPE_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/;
/** SHA-256 as 64 lower-case hex digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
/** A calendar date, `YYYY-MM-DD`. */
export const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const SupportCategoryRule = () =>
  rules(
    IsIn(SUPPORT_CATEGORIES, { message: '$property must be one of the support categories: $constraint1' }),
    Doc({ vi: 'Nội dung hỗ trợ', en: 'Support category', example: 'kc_machinery' }),
  );

export const LineDescription = () =>
  rules(
    TextOfLength(APPLICATION_LIMITS.lineDescription),
    Doc({
      vi: 'Diễn giải khoản chi',
      en: 'What the money is for',
      example: 'Máy rang cà phê 15 kg/mẻ',
    }),
  );

export const ApplicantKindRule = () =>
  rules(
    IsIn(APPLICANT_KINDS, { message: '$property must be one of: $constraint1' }),
    Doc({ vi: 'Loại hình người nộp', en: 'Applicant kind', example: 'rural_industry' }),
  );

export const DeclaredPriorityGroups = () =>
  rules(
    IsArray(),
    ArrayMaxSize(PRIORITY_GROUPS.length),
    ArrayUnique(),
    IsIn(PRIORITY_GROUPS, { each: true, message: 'each of $property must be one of: $constraint1' }),
    Doc({
      vi: 'Nhóm ưu tiên tự khai (women_led cũng lấy từ đối tượng của dự án)',
      en: "Priority groups declared (women_led also comes from the project's target groups)",
      example: ['ethnic_minority_led'],
    }),
  );

/** `YYYY-MM-DD` naming a day that exists (no 2023-02-30). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !CALENDAR_DATE_PATTERN.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/**
 * `YYYY-MM-DD` at the edge; whether the day exists (no 2023-02-30) is checked by the service with `isCalendarDate`,
 * which keeps the OpenAPI schema a plain pattern.
 */
export const CalendarDate = () =>
  rules(
    IsString(),
    Matches(CALENDAR_DATE_PATTERN, {
      message: '$property must be a date written YYYY-MM-DD, e.g. 2023-05-17',
    }),
  );

export const AttachmentName = () =>
  rules(
    TextOfLength(APPLICATION_LIMITS.attachmentName),
    Doc({ vi: 'Tên tệp', en: 'File name', example: 'du-toan-kinh-phi.pdf' }),
  );

export const MediaType = () =>
  rules(
    IsString(),
    MaxLength(APPLICATION_LIMITS.mediaType.max),
    Matches(MEDIA_TYPE_PATTERN, { message: '$property must be a media type such as application/pdf' }),
    Doc({ vi: 'Kiểu nội dung', en: 'Media type', example: 'application/pdf' }),
  );

export const AttachmentSize = () =>
  rules(
    IsInt(),
    Min(1),
    Max(APPLICATION_LIMITS.attachmentBytes.max),
    Doc({ vi: 'Kích thước (byte)', en: 'Size in bytes', example: 482113 }),
  );

export const Sha256 = () =>
  rules(
    IsString(),
    Matches(SHA256_PATTERN, { message: '$property must be a SHA-256 digest: 64 lower-case hex digits' }),
    Doc({
      vi: 'SHA-256 của tệp (64 chữ số hex thường)',
      en: 'SHA-256 of the file (64 lower-case hex digits)',
      example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    }),
  );

export const ApplicationReason = () =>
  rules(TextOfLength({ max: APPLICATION_LIMITS.reason.max }), Doc({ vi: 'Lý do', en: 'Reason' }));

/** The application version a change is based on (optimistic concurrency); the `If-Match` header is the alternative. */
export const ApplicationBasedOnVersion = () =>
  rules(
    IsInt(),
    Min(1),
    Doc({
      vi: 'Phiên bản đề án mà thay đổi dựa vào (hoặc tiêu đề If-Match)',
      en: 'Version of the application the change is based on (or If-Match)',
      example: 2,
    }),
  );
