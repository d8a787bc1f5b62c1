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

export const Title = () => TextOfLength(PROJECT_TEXT_LIMITS.title);
export const Summary = () => TextOfLength(PROJECT_TEXT_LIMITS.summary);
export const Description = () => TextOfLength(PROJECT_TEXT_LIMITS.description);
export const Commune = () => TextOfLength(PROJECT_TEXT_LIMITS.commune);

export const Kind = () => IsIn(PROJECT_KINDS);
export const Sector = () => IsIn(PROJECT_SECTORS);
export const Stage = () => IsIn(PROJECT_STAGES);
export const ProvinceCode = () =>
  rules(
    IsString(),
    IsIn(PROVINCE_CODES, {
      message: '$property must be the code of one of the 34 provinces and cities (e.g. 01, 79)',
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

export const TeamSize = () => rules(IsInt(), Min(1), Max(10000));
export const TargetGroups = () =>
  rules(IsArray(), ArrayMaxSize(TARGET_GROUPS.length), ArrayUnique(), IsIn(TARGET_GROUPS, { each: true }));
export const OcopStars = () => rules(IsInt(), Min(3), Max(5));
export const CertificationLevel = () => IsIn(CERTIFICATION_LEVELS);
export const Website = () =>
  rules(
    IsString(),
    MaxLength(PROJECT_TEXT_LIMITS.website.max),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }),
  );
export const SharedContactFields = () =>
  rules(IsArray(), ArrayMaxSize(CONTACT_FIELDS.length), ArrayUnique(), IsIn(CONTACT_FIELDS, { each: true }));

/** The version a change is based on (optimistic concurrency); the `If-Match` header is the alternative. */
export const BasedOnVersion = () => rules(IsInt(), Min(1));
