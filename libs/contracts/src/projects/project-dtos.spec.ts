import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { CreateProjectDto } from './create-project.dto.js';
import { ListProjectsQueryDto } from './list-projects.query.js';
import { ReviewProjectDto, UnpublishProjectDto } from './project-commands.dto.js';
import { UpdateProjectDto } from './update-project.dto.js';

/** The ValidationPipe's settings at the edge and in the service. */
function validate<T extends object>(cls: new () => T, plain: unknown): { value: T; fields: string[] } {
  const value = plainToInstance(cls, plain);
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  const fields = (list: ValidationError[], prefix = ''): string[] =>
    list.flatMap((error) => [
      `${prefix}${error.property}`,
      ...fields(error.children ?? [], `${error.property}.`),
    ]);
  return { value, fields: fields(errors) };
}

const validProject = (overrides: Record<string, unknown> = {}) => ({
  title: 'Cà phê đặc sản Buôn Ma Thuột',
  summary: 'Rang xay cà phê Robusta đặc sản theo chuẩn truy xuất nguồn gốc, bán trực tuyến.',
  description: 'Hợp tác xã 40 hộ trồng cà phê, chế biến ướt, rang mộc, đóng gói và xuất khẩu sang Hàn Quốc.',
  kind: 'innovative_startup',
  sector: 'agriculture_food',
  stage: 'early_revenue',
  provinceCode: '66',
  commune: 'Phường Buôn Ma Thuột',
  fundingAsk: '1500000000',
  teamSize: 6,
  targetGroups: ['women_led', 'youth'],
  ocopStars: 4,
  certificationLevel: 'province',
  website: 'https://caphe.example.vn',
  sharedContactFields: ['email', 'phone'],
  ...overrides,
});

describe('CreateProjectDto', () => {
  it('accepts the example project of the issue', () => {
    expect(validate(CreateProjectDto, validProject()).fields).toEqual([]);
  });

  it('accepts a project without the optional fields', () => {
    const { targetGroups, ocopStars, certificationLevel, website, sharedContactFields, ...required } =
      validProject();
    expect(validate(CreateProjectDto, required).fields).toEqual([]);
  });

  it.each([
    ['an unknown field', { owner: 'someone-else' }, 'owner'],
    ['a number where text belongs', { title: 12345 }, 'title'],
    ['an oversized title', { title: 'Dự án '.repeat(50) }, 'title'],
    ['an oversized description', { description: 'x'.repeat(20001) }, 'description'],
    ['a province that no longer exists (Hà Giang, 02)', { provinceCode: '02' }, 'provinceCode'],
    ['negative money', { fundingAsk: '-1000' }, 'fundingAsk'],
    ['fractional money', { fundingAsk: '1500000.5' }, 'fundingAsk'],
    ['money as a JSON number', { fundingAsk: 1500000000 }, 'fundingAsk'],
    ['money with leading zeros', { fundingAsk: '007' }, 'fundingAsk'],
    ['an unknown kind', { kind: 'corporation' }, 'kind'],
    ['an unknown target group', { targetGroups: ['veterans'] }, 'targetGroups'],
    ['two stars OCOP', { ocopStars: 2 }, 'ocopStars'],
    ['a fractional team size', { teamSize: 2.5 }, 'teamSize'],
    ['a website without http(s)', { website: 'ftp://files.example.vn' }, 'website'],
    ['an empty title (the HTTP edge trims one of only spaces to this)', { title: '' }, 'title'],
  ])('refuses %s and names the field', (_case, overrides, field) => {
    expect(validate(CreateProjectDto, validProject(overrides)).fields).toEqual([field]);
  });
});

describe('UpdateProjectDto', () => {
  it('accepts a partial change with the version it is based on', () => {
    expect(validate(UpdateProjectDto, { title: 'Cà phê Buôn Ma Thuột', version: 3 }).fields).toEqual([]);
  });

  it('clears optional fields with null but refuses null for required ones', () => {
    expect(validate(UpdateProjectDto, { website: null, ocopStars: null }).fields).toEqual([]);
    expect(validate(UpdateProjectDto, { title: null }).fields).toEqual(['title']);
  });

  it('refuses a version that is not a positive integer', () => {
    expect(validate(UpdateProjectDto, { version: '3' }).fields).toEqual(['version']);
    expect(validate(UpdateProjectDto, { version: 0 }).fields).toEqual(['version']);
  });
});

describe('ReviewProjectDto', () => {
  it('approves without a comment', () => {
    expect(validate(ReviewProjectDto, { decision: 'approve' }).fields).toEqual([]);
  });

  it.each(['request_revision', 'reject'])('needs a comment to %s', (decision) => {
    expect(validate(ReviewProjectDto, { decision }).fields).toEqual(['comment']);
    expect(validate(ReviewProjectDto, { decision, comment: 'Bổ sung kế hoạch tài chính' }).fields).toEqual(
      [],
    );
  });

  it('refuses an unknown decision', () => {
    expect(validate(ReviewProjectDto, { decision: 'maybe' }).fields).toContain('decision');
  });

  it('needs a reason to unpublish', () => {
    expect(validate(UnpublishProjectDto, {}).fields).toEqual(['reason']);
  });
});

describe('ListProjectsQueryDto', () => {
  it('reads repeated and comma-separated filters as lists and the limit as a number', () => {
    const { value, fields } = validate(ListProjectsQueryDto, {
      sector: ['agriculture_food', 'tourism'],
      provinceCode: '01,79',
      limit: '10',
    });
    expect(fields).toEqual([]);
    expect(value.sector).toEqual(['agriculture_food', 'tourism']);
    expect(value.provinceCode).toEqual(['01', '79']);
    expect(value.limit).toBe(10);
  });

  it.each([
    ['an unknown sector', { sector: 'mining' }, 'sector'],
    ['a limit above 100', { limit: '1000' }, 'limit'],
    ['a negative funding bound', { minFundingAsk: '-5' }, 'minFundingAsk'],
    ['an unknown filter', { owner: 'x' }, 'owner'],
  ])('refuses %s', (_case, query, field) => {
    expect(validate(ListProjectsQueryDto, query).fields).toEqual([field]);
  });
});
