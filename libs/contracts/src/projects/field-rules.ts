import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Doc } from '../http/doc.js';
import {
  CERTIFICATION_LEVELS,
  CONTACT_FIELDS,
  MONEY_PATTERN,
  PROJECT_KINDS,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROJECT_TEXT_LIMITS,
  TARGET_GROUPS,
} from './project-vocabulary.js';
import { PROVINCE_CODES } from './provinces.js';

/** Applies several property decorators as one, so the create and update bodies share each field's rules. */
export function rules(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };
}

/**
 * Lengths count the text as stored: the HTTP edge (`configureHttpApp`) has already composed it (NFC) and trimmed
 * spaces and invisible characters, so a title of only spaces arrives empty and fails `min`.
 */
export const TextOfLength = (limits: { min?: number; max: number }) =>
  rules(IsString(), limits.min ? Length(limits.min, limits.max) : MaxLength(limits.max));

export const Title = () =>
  rules(
    TextOfLength(PROJECT_TEXT_LIMITS.title),
    Doc({ vi: 'Tên dự án', en: 'Project title', example: 'Cà phê đặc sản Buôn Ma Thuột' }),
  );
export const Summary = () =>
  rules(
    TextOfLength(PROJECT_TEXT_LIMITS.summary),
    Doc({
      vi: 'Tóm tắt (tìm kiếm được)',
      en: 'Summary (searchable)',
      example: 'Rang xay cà phê Robusta đặc sản, truy xuất nguồn gốc, bán trực tuyến.',
    }),
  );
export const Description = () =>
  rules(
    TextOfLength(PROJECT_TEXT_LIMITS.description),
    Doc({
      vi: 'Mô tả chi tiết',
      en: 'Description',
      example: 'Hợp tác xã 40 hộ trồng cà phê, chế biến ướt, rang mộc và xuất khẩu.',
    }),
  );
export const Commune = () =>
  rules(
    TextOfLength(PROJECT_TEXT_LIMITS.commune),
    Doc({ vi: 'Xã, phường, đặc khu', en: 'Commune or ward', example: 'Phường Buôn Ma Thuột' }),
  );

export const Kind = () =>
  rules(IsIn(PROJECT_KINDS), Doc({ vi: 'Loại hình', en: 'Kind', example: 'innovative_startup' }));
export const Sector = () =>
  rules(IsIn(PROJECT_SECTORS), Doc({ vi: 'Lĩnh vực', en: 'Sector', example: 'agriculture_food' }));
export const Stage = () =>
  rules(IsIn(PROJECT_STAGES), Doc({ vi: 'Giai đoạn', en: 'Stage', example: 'early_revenue' }));
export const ProvinceCode = () =>
  rules(
    IsString(),
    IsIn(PROVINCE_CODES, {
      message: '$property must be the code of one of the 34 provinces and cities (e.g. 01, 79)',
    }),
    Doc({
      vi: 'Mã tỉnh, thành phố (34 đơn vị từ 1/7/2025, xem GET /reference/provinces)',
      en: 'Province code (see GET /reference/provinces)',
      example: '66',
    }),
  );

/** Money: whole đồng as an integer string. A JSON number, a sign, a fraction or leading zeros are refused. */
export const Money = () =>
  rules(
    IsString({ message: '$property must be a whole number of đồng written as a string, e.g. "1500000000"' }),
    Matches(MONEY_PATTERN, {
      message:
        '$property must be a whole, non-negative number of đồng with at most 15 digits, e.g. "1500000000"',
    }),
  );

export const TeamSize = () =>
  rules(IsInt(), Min(1), Max(10000), Doc({ vi: 'Số thành viên', en: 'Team size', example: 6 }));
export const TargetGroups = () =>
  rules(
    IsArray(),
    ArrayMaxSize(TARGET_GROUPS.length),
    ArrayUnique(),
    IsIn(TARGET_GROUPS, { each: true }),
    Doc({ vi: 'Đối tượng ưu tiên', en: 'Target groups', example: ['women_led', 'youth'] }),
  );
export const OcopStars = () =>
  rules(IsInt(), Min(3), Max(5), Doc({ vi: 'Số sao OCOP (3–5)', en: 'OCOP stars (3–5)', example: 4 }));
export const CertificationLevel = () =>
  rules(
    IsIn(CERTIFICATION_LEVELS),
    Doc({
      vi: 'Cấp chứng nhận sản phẩm CNNT tiêu biểu',
      en: 'Typical rural industrial product certification level',
      example: 'province',
    }),
  );
export const Website = () =>
  rules(
    IsString(),
    MaxLength(PROJECT_TEXT_LIMITS.website.max),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }),
    Doc({ vi: 'Trang web (http/https)', en: 'Website', example: 'https://caphe-bmt.example.vn' }),
  );
export const SharedContactFields = () =>
  rules(
    IsArray(),
    ArrayMaxSize(CONTACT_FIELDS.length),
    ArrayUnique(),
    IsIn(CONTACT_FIELDS, { each: true }),
    Doc({
      vi: 'Thông tin liên hệ cho nhà đầu tư xem trước khi được giới thiệu',
      en: 'Contact fields investors may see before an introduction',
      example: ['email', 'phone'],
    }),
  );

/** The version a change is based on (optimistic concurrency); the `If-Match` header is the alternative. */
export const BasedOnVersion = () =>
  rules(
    IsInt(),
    Min(1),
    Doc({
      vi: 'Phiên bản dự án mà thay đổi dựa vào (hoặc tiêu đề If-Match)',
      en: 'Version the change is based on (or If-Match)',
      example: 3,
    }),
  );
