import { ROLES, Role } from '@khoinghiep/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsAscii,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  HasLettersAndDigits,
  IsNotTheEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../password-policy.js';

// The rules of account fields, shared by self-registration, admin-created accounts and login. Listed in the order
// the decorators used to be applied (bottom-up), so validation errors keep their order.

/**
 * The address of a new account: ASCII only, so an address that merely looks like another (a Cyrillic `о` for a
 * Latin `o`) cannot become a second account. The platform's addresses are ASCII; internationalised ones are refused.
 */
export const AccountEmail = () => applyDecorators(MaxLength(254), IsAscii(), IsEmail());

/** Signing in takes any address, so an account registered before the ASCII rule still signs in. */
export const SignInEmail = () => applyDecorators(MaxLength(254), IsEmail());

export const FullName = () => applyDecorators(MaxLength(120), IsNotEmpty(), IsString());

/** The whole password policy, including "not the email" against the body's `email` field. */
export const PolicyPassword = () =>
  applyDecorators(
    IsNotTheEmail('email'),
    HasLettersAndDigits(),
    MaxLength(PASSWORD_MAX_LENGTH),
    MinLength(PASSWORD_MIN_LENGTH),
    IsString(),
  );

/** An account's roles, as an admin gives them: at least one, each a platform role, none twice. */
export const AccountRoles = (description: string) =>
  applyDecorators(
    ApiProperty({ description, enum: ROLES, isArray: true, example: [Role.FundOfficer] }),
    IsArray(),
    ArrayNotEmpty(),
    ArrayUnique(),
    ArrayMaxSize(ROLES.length),
    IsEnum(Role, { each: true }),
  );
