import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsInt,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  validate,
} from 'class-validator';
import { describeViolation, registerConstraintMessages, type Violation } from './validation-messages.js';
import { joinFieldPath, toViolations } from './violations.js';

enum Colour {
  Red = 'red',
  Green = 'green',
}

class MemberDto {
  @IsString()
  @MinLength(2)
  name!: string;
}

class AddressDto {
  @IsString()
  @MaxLength(5)
  city!: string;
}

class TeamDto {
  @IsEmail()
  email!: string;

  @IsInt()
  @Min(1)
  size!: number;

  @IsEnum(Colour, { each: true })
  @ArrayMaxSize(2)
  colours!: Colour[];

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;

  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members!: MemberDto[];
}

function team(overrides: Partial<Record<keyof TeamDto, unknown>>): TeamDto {
  const address = Object.assign(new AddressDto(), { city: 'Huế' });
  const member = Object.assign(new MemberDto(), { name: 'Lan' });
  return Object.assign(new TeamDto(), {
    email: 'a@b.vn',
    size: 3,
    colours: [Colour.Red],
    address,
    members: [member],
    ...overrides,
  });
}

async function violationsOf(value: object): Promise<Violation[]> {
  return toViolations(await validate(value, { whitelist: true, forbidNonWhitelisted: true }));
}

describe('toViolations', () => {
  it('names nested fields with dots and array items with brackets', async () => {
    const violations = await violationsOf(
      team({
        address: Object.assign(new AddressDto(), { city: 'Thành phố Hồ Chí Minh' }),
        members: [
          Object.assign(new MemberDto(), { name: 'Lan' }),
          Object.assign(new MemberDto(), { name: 'A' }),
        ],
      }),
    );
    expect(violations.map((v) => [v.field, v.constraint])).toEqual([
      ['address.city', 'maxLength'],
      ['members[1].name', 'minLength'],
    ]);
  });

  it('keeps the arguments a rule was declared with', async () => {
    const [violation] = await violationsOf(team({ size: 0 }));
    expect(violation).toEqual({ field: 'size', constraint: 'min', args: [1], each: false });
  });

  it('reports an unknown field by its name', async () => {
    const value = Object.assign(team({}), { isAdmin: true });
    expect(await violationsOf(value)).toEqual([
      { field: 'isAdmin', constraint: 'whitelistValidation', args: [], each: false },
    ]);
  });

  it('joins paths', () => {
    expect(joinFieldPath('', 'a')).toBe('a');
    expect(joinFieldPath('a', 'b')).toBe('a.b');
    expect(joinFieldPath('a', '0')).toBe('a[0]');
    expect(joinFieldPath('a[0]', 'b')).toBe('a[0].b');
  });
});

describe('describeViolation', () => {
  it('words a rule in Vietnamese and in English, naming the field and the limit', async () => {
    const [violation] = await violationsOf(
      team({ members: [Object.assign(new MemberDto(), { name: 'A' })] }),
    );
    expect(violation).toBeDefined();
    expect(describeViolation(violation as Violation, 'vi')).toBe('members[0].name phải có ít nhất 2 ký tự');
    expect(describeViolation(violation as Violation, 'en')).toBe(
      'members[0].name must be at least 2 characters long',
    );
  });

  it('lists the allowed values of an enum, for each item of an array', async () => {
    const violations = await violationsOf(team({ colours: ['blue'] }));
    expect(violations.map((v) => describeViolation(v, 'en'))).toEqual([
      'each item of colours must be one of: red, green',
    ]);
    expect(violations.map((v) => describeViolation(v, 'vi'))).toEqual([
      'mỗi phần tử của colours phải là một trong các giá trị: red, green',
    ]);
  });

  it('says that a wrong type is wrong', async () => {
    const violations = await violationsOf(team({ size: '3' }));
    expect(violations.map((v) => describeViolation(v, 'en'))).toContain('size must be an integer');
  });

  it('falls back to a generic wording and accepts an app-registered one', () => {
    const violation: Violation = { field: 'code', constraint: 'isFancy', args: [], each: false };
    expect(describeViolation(violation, 'en')).toBe('code is invalid');
    registerConstraintMessages({
      isFancy: { text: { vi: '{subject} chưa đủ đẹp', en: '{subject} is not fancy' } },
    });
    expect(describeViolation(violation, 'vi')).toBe('code chưa đủ đẹp');
  });
});

describe('toViolations with a value of the wrong type', () => {
  it('reports the type alone, not the rules that assume the type', async () => {
    const violations = await violationsOf(team({ size: 'three', members: 'Lan' }));
    expect(violations.map((v) => [v.field, v.constraint])).toEqual([
      ['size', 'isInt'],
      ['members', 'nestedValidation'],
    ]);
  });
});
