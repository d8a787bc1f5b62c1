import 'reflect-metadata';
import { RequestContextModule } from '@khoinghiep/observability';
import { Body, Controller, Get, HttpStatus, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ThrottlerException } from '@nestjs/throttler';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import request from 'supertest';
import { configureHttpApp } from '../src/configure-http-app.js';
import { DomainError } from '../src/errors/domain-error.js';

class CityDto {
  @IsString()
  @MaxLength(10)
  name!: string;
}

class ProjectDto {
  @IsString()
  @MinLength(3)
  title!: string;

  @IsInt()
  @Min(1)
  teamSize!: number;

  @ValidateNested()
  @Type(() => CityDto)
  city!: CityDto;
}

class ProjectLockedError extends DomainError {
  constructor(status: string) {
    super({
      code: 'PROJECT_LOCKED',
      status: HttpStatus.CONFLICT,
      params: { status },
      messages: {
        title: { vi: 'Dự án bị khóa', en: 'Project locked' },
        detail: { vi: 'Dự án đang ở trạng thái {status}.', en: 'The project is {status}.' },
      },
    });
  }
}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() body: ProjectDto): ProjectDto {
    return body;
  }

  @Get('locked')
  locked(): never {
    throw new ProjectLockedError('submitted');
  }

  @Get('busy')
  busy(): never {
    throw new ThrottlerException();
  }

  @Get('broken')
  broken(): never {
    throw new Error('password=hunter2 in connection string');
  }
}

@Module({ imports: [RequestContextModule], controllers: [ThingsController] })
class ThingsModule {}

const valid = { title: 'Cà phê', teamSize: 3, city: { name: 'Huế' } };

describe('an app configured with configureHttpApp', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const nest = await NestFactory.create<NestExpressApplication>(ThingsModule, {
      logger: false,
      abortOnError: false,
    });
    app = configureHttpApp(nest, { bodyLimit: '2kb' });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('accepts a valid body and turns it into the DTO', async () => {
    await request(app.getHttpServer()).post('/things').send(valid).expect(201, valid);
  });

  it('answers an unknown field with 400 naming it, in Vietnamese by default', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .send({ ...valid, isAdmin: true })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'urn:khoinghiep-hub:problem:validation-failed',
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      code: 'VALIDATION_FAILED',
      instance: '/things',
      errors: [{ field: 'isAdmin', message: 'isAdmin là trường không được phép' }],
    });
    expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
  });

  it('answers a wrong type and a nested error in English when asked, keeping the caller correlation id', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .set('Accept-Language', 'en-GB,en;q=0.8')
      .set('x-correlation-id', 'trace-123')
      .send({ ...valid, teamSize: '3', city: { name: 'Thành phố Hồ Chí Minh' } })
      .expect(400);
    expect(response.body.title).toBe('Invalid input');
    expect(response.body.correlationId).toBe('trace-123');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'teamSize', message: 'teamSize must be an integer' },
        { field: 'city.name', message: 'city.name must be at most 10 characters long' },
      ]),
    );
  });

  it('answers malformed JSON with 400', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .set('content-type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'MALFORMED_REQUEST', status: 400 });
    expect(response.body.correlationId).toEqual(expect.any(String));
  });

  it('answers a body over the limit with 413', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .set('Accept-Language', 'en')
      .send({ ...valid, title: 'x'.repeat(4096) })
      .expect(413)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large' });
  });

  it('answers a domain error with its own code and words', async () => {
    const response = await request(app.getHttpServer()).get('/things/locked').expect(409);
    expect(response.body).toMatchObject({
      code: 'PROJECT_LOCKED',
      detail: 'Dự án đang ở trạng thái submitted.',
    });
  });

  it('answers the rate limiter with 429 and an unknown route with 404', async () => {
    await request(app.getHttpServer()).get('/things/busy').expect(429);
    const missing = await request(app.getHttpServer())
      .get('/nowhere')
      .set('Accept-Language', 'en')
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', title: 'Not found' });
  });

  it('answers an unexpected error with a bare 500', async () => {
    const response = await request(app.getHttpServer()).get('/things/broken').expect(500);
    expect(response.body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });
});
