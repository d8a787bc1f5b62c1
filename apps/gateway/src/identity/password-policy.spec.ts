import 'reflect-metadata';
import { createValidationPipe, describeViolation, ValidationProblemError } from '@khoinghiep/http';
import { RegisterDto } from './dto/register.dto.js';
import { passwordViolations } from './password-policy.js';

describe('passwordViolations', () => {
  it('accepts 10 to 128 characters with letters and digits', () => {
    expect(passwordViolations('CaPhe-BMT-2026', 'lan@example.vn')).toEqual([]);
    expect(passwordViolations('mậtkhẩu2026', undefined)).toEqual([]);
  });

  it('names every rule a password breaks', () => {
    expect(passwordViolations('abc1')).toEqual(['minLength']);
    expect(passwordViolations('only-letters-here')).toEqual(['passwordLettersAndDigits']);
    expect(passwordViolations('1234567890123')).toEqual(['passwordLettersAndDigits']);
    expect(passwordViolations(`a1${'x'.repeat(127)}`)).toEqual(['maxLength']);
    expect(passwordViolations('Lan2026@Example.vn', 'lan2026@example.vn')).toEqual(['passwordNotEmail']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordViolations('đ1'.repeat(5))).toEqual([]);
  });
});

describe('RegisterDto validation', () => {
  async function errorsFor(body: Record<string, unknown>, locale: 'vi' | 'en' = 'en') {
    try {
      await createValidationPipe().transform(body, { type: 'body', metatype: RegisterDto });
      return [];
    } catch (error) {
      if (!(error instanceof ValidationProblemError)) throw error;
      return error.violations.map((v) => ({ field: v.field, message: describeViolation(v, locale) }));
    }
  }

  const valid = {
    email: 'lan@example.vn',
    password: 'CaPhe-BMT-2026',
    fullName: 'Nguyễn Thị Lan',
    role: 'founder',
  };

  it('accepts a founder and an investor', async () => {
    expect(await errorsFor(valid)).toEqual([]);
    expect(await errorsFor({ ...valid, role: 'investor' })).toEqual([]);
  });

  it('refuses staff roles, unknown fields and wrong types, naming each field', async () => {
    expect(await errorsFor({ ...valid, role: 'fund_officer' })).toEqual([
      { field: 'role', message: 'role must be one of: founder, investor' },
    ]);
    expect(await errorsFor({ ...valid, roles: ['admin'] })).toEqual([
      { field: 'roles', message: 'roles is not an allowed field' },
    ]);
    expect(await errorsFor({ ...valid, fullName: 42 })).toEqual([
      { field: 'fullName', message: 'fullName must be a string' },
    ]);
  });

  it('refuses a password equal to the email, in Vietnamese', async () => {
    expect(
      await errorsFor({ ...valid, email: 'lan2026@example.vn', password: 'LAN2026@example.vn' }, 'vi'),
    ).toEqual([{ field: 'password', message: 'password không được trùng với email' }]);
  });
});
