import 'reflect-metadata';
import { RequestContextModule } from '@khoinghiep/observability';
import { Body, Controller, type INestApplication, Module, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import request from 'supertest';
import { configureHttpApp } from '../src/configure-http-app.js';

class NoteDto {
  @IsString()
  @IsNotEmpty()
  text!: string;
}

class SignUpDto {
  @IsString()
  @IsNotEmpty()
  fullName!: string;

  @IsString()
  password!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => NoteDto)
  note?: NoteDto;
}

class SearchQueryDto {
  @IsOptional()
  @IsString()
  q?: string;
}

@Controller('accounts')
class AccountsController {
  @Post()
  create(
    @Body() body: SignUpDto,
    @Query() query: SearchQueryDto,
  ): { body: SignUpDto; query: SearchQueryDto } {
    return { body, query };
  }
}

@Module({ imports: [RequestContextModule], controllers: [AccountsController] })
class AccountsModule {}

function deepJson(levels: number): string {
  return `{"fullName":"Lan","password":"x","note":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

describe('the edge of an app configured with configureHttpApp', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const nest = await NestFactory.create<NestExpressApplication>(AccountsModule, {
      logger: false,
      abortOnError: false,
    });
    app = configureHttpApp(nest);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('hands the route text that is composed and trimmed of spaces and invisible characters, but passwords as typed', async () => {
    const password = ' Mật-khẩu 2026\u200B ';
    const response = await request(app.getHttpServer())
      .post('/accounts?q=%E2%80%8B%20c%C3%A0%20ph%C3%AA%20')
      .send({ fullName: '\u200B Nguyễn Thị Lan '.normalize('NFD'), password, note: { text: ' ghi chú ' } })
      .expect(201);
    expect(response.body).toEqual({
      body: { fullName: 'Nguyễn Thị Lan', password, note: { text: 'ghi chú' } },
      query: { q: 'cà phê' },
    });
  });

  it('refuses a name of only spaces and zero-width characters through the field rule', async () => {
    const response = await request(app.getHttpServer())
      .post('/accounts')
      .set('Accept-Language', 'en')
      .send({ fullName: ' \u200B\u3000 ', password: 'x' })
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'fullName', message: 'fullName must not be empty' }]);
  });

  it.each([
    ['a NUL', 'Lan\u0000', 'fullName contains a control character that is not allowed'],
    [
      'a right-to-left override',
      'Lan\u202E',
      'fullName contains a bidirectional control character that is not allowed',
    ],
    ['a lone surrogate', 'Lan\uD800', 'fullName contains an invalid Unicode character'],
  ])('answers a body with %s with a 400 problem naming the field', async (_case, fullName, message) => {
    const response = await request(app.getHttpServer())
      .post('/accounts')
      .set('Accept-Language', 'en')
      .send({ fullName, password: 'x' })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'fullName', message }],
    });
  });

  it('answers a NUL in the query string with a 400 naming the parameter', async () => {
    const response = await request(app.getHttpServer())
      .post('/accounts?q=a%00b')
      .set('Accept-Language', 'en')
      .send({ fullName: 'Lan', password: 'x' })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'q', message: 'q contains a control character that is not allowed' },
    ]);
  });

  it('answers JSON nested thousands of levels deep with a 400, not a stack overflow', async () => {
    const response = await request(app.getHttpServer())
      .post('/accounts')
      .set('Accept-Language', 'en')
      .set('content-type', 'application/json')
      .send(deepJson(20_000))
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].message).toMatch(/^note(\[0\])+ is nested more than 32 levels deep$/);
  });

  it.each([
    ['text/plain', '{"fullName":"Lan","password":"x"}'],
    ['application/xml', '<account><fullName>Lan</fullName></account>'],
  ])('answers a %s body, which no parser reads, with 415 instead of ignoring it', async (type, payload) => {
    const response = await request(app.getHttpServer())
      .post('/accounts')
      .set('content-type', type)
      .send(payload)
      .expect(415)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
  });

  it('still takes a request without a body and without a content type', async () => {
    const response = await request(app.getHttpServer())
      .post('/accounts')
      .set('content-length', '0')
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});
