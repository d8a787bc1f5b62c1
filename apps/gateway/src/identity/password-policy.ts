import { registerConstraintMessages } from '@khoinghiep/http';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** The password policy: 10 to 128 characters, with letters and digits, and not the account's email. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRule = 'minLength' | 'maxLength' | 'passwordLettersAndDigits' | 'passwordNotEmail';

/** Every rule of the policy the password breaks; empty when it is acceptable. */
export function passwordViolations(password: string, email?: string): PasswordRule[] {
  const violations: PasswordRule[] = [];
  // Counted in code points, so "mật khẩu" is as long as it looks.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) violations.push('minLength');
  if (length > PASSWORD_MAX_LENGTH) violations.push('maxLength');
  if (!hasLettersAndDigits(password)) violations.push('passwordLettersAndDigits');
  if (email !== undefined && isEmailItself(password, email)) violations.push('passwordNotEmail');
  return violations;
}

export function hasLettersAndDigits(password: string): boolean {
  return /\p{L}/u.test(password) && /\p{Nd}/u.test(password);
}

export function isEmailItself(password: string, email: string): boolean {
  return password.trim().toLowerCase() === email.trim().toLowerCase();
}

registerConstraintMessages({
  passwordLettersAndDigits: {
    text: {
      vi: '{subject} phải có cả chữ cái và chữ số',
      en: '{subject} must contain both letters and digits',
    },
  },
  passwordNotEmail: {
    text: { vi: '{subject} không được trùng với email', en: '{subject} must not be the same as the email' },
  },
});

/** `@HasLettersAndDigits()`: part of the password policy. */
export function HasLettersAndDigits(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'passwordLettersAndDigits',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && hasLettersAndDigits(value) },
    });
}

/** `@IsNotTheEmail('email')`: the password must differ from the email given in the same body. */
export function IsNotTheEmail(emailProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'passwordNotEmail',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [emailProperty],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const email = (args.object as Record<string, unknown>)[emailProperty];
          return typeof value !== 'string' || typeof email !== 'string' || !isEmailItself(value, email);
        },
      },
    });
}
