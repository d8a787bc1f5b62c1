import 'reflect-metadata';
import { Role } from '@khoinghiep/contracts';
import { configureHttpApp } from '@khoinghiep/http';
import { RequestContextModule } from '@khoinghiep/observability';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ClsService } from 'nestjs-cls';
import request from 'supertest';
import { AccessTokenService } from '../src/access-token.service.js';
import { CurrentUser, Public, RequireSecondFactor, Roles } from '../src/auth.decorators.js';
import { AuthModule } from '../src/auth.module.js';
import type { AuthenticatedUser } from '../src/authenticated-user.js';

@Controller()
class ExampleController {
  constructor(private readonly cls: ClsService) {}

  @Public()
  @Get('hello')
  hello(): { hello: string } {
    return { hello: 'world' };
  }

  @Get('whoami')
  whoami(@CurrentUser() user: AuthenticatedUser): { user: AuthenticatedUser; actor: unknown } {
    return { user, actor: this.cls.get('actor') };
  }

  @Roles(Role.Admin)
  @Get('admin')
  admin(): { ok: true } {
    return { ok: true };
  }

  @Roles(Role.FundApprover)
  @RequireSecondFactor()
  @Get('money')
  money(): { ok: true } {
    return { ok: true };
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({
  imports: [
    RequestContextModule,
    AuthModule.forRootAsync({
      useFactory: () => ({ secret: 'int-test-secret-0123456789abcdef', accessTokenTtl: 60 }),
    }),
  ],
  controllers: [ExampleController],
})
class ExampleModule {}

describe('AuthModule with global guards in a running app', () => {
  let app: INestApplication;
  let tokens: AccessTokenService;
  const lan: AuthenticatedUser = { id: 'u-1', email: 'lan@example.vn', name: 'Lan', roles: [Role.Investor] };

  beforeAll(async () => {
    const nest = await NestFactory.create<NestExpressApplication>(ExampleModule, {
      logger: false,
      abortOnError: false,
    });
    app = configureHttpApp(nest);
    await app.init();
    tokens = app.get(AccessTokenService);
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves public routes and health checks without a token', async () => {
    await request(app.getHttpServer()).get('/hello').expect(200, { hello: 'world' });
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });

  it('refuses a protected route without a token with a 401 problem and WWW-Authenticate', async () => {
    const response = await request(app.getHttpServer())
      .get('/whoami')
      .expect(401)
      .expect('content-type', /application\/problem\+json/)
      .expect('www-authenticate', /^Bearer/);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', title: 'Chưa xác thực' });
  });

  it('gives the handler the current user and puts the actor in the request context', async () => {
    const { accessToken } = tokens.issue(lan);
    const response = await request(app.getHttpServer())
      .get('/whoami')
      .set('Authorization', `Bearer ${accessToken}`)
      .expect(200);
    expect(response.body).toEqual({
      user: { ...lan, amr: ['pwd'] },
      actor: { userId: 'u-1', roles: ['investor'] },
    });
  });

  it('refuses a role-restricted route to other roles with 403, and admits the role', async () => {
    const investor = tokens.issue(lan).accessToken;
    const forbidden = await request(app.getHttpServer())
      .get('/admin')
      .set('Authorization', `Bearer ${investor}`)
      .set('Accept-Language', 'en')
      .expect(403);
    expect(forbidden.body).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      detail: 'This action is for the roles: admin.',
    });
    const admin = tokens.issue({ ...lan, roles: [Role.Admin] }).accessToken;
    await request(app.getHttpServer()).get('/admin').set('Authorization', `Bearer ${admin}`).expect(200);
  });

  it('refuses a money route to a password-only token with a 403 second-factor-required problem', async () => {
    const approver = { ...lan, roles: [Role.FundApprover] };
    const refused = await request(app.getHttpServer())
      .get('/money')
      .set('Accept-Language', 'en')
      .set('Authorization', `Bearer ${tokens.issue(approver).accessToken}`)
      .expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'urn:khoinghiep-hub:problem:second-factor-required',
      code: 'SECOND_FACTOR_REQUIRED',
      title: 'Second factor required',
    });
    const vi = await request(app.getHttpServer())
      .get('/money')
      .set('Authorization', `Bearer ${tokens.issue(approver).accessToken}`)
      .expect(403);
    expect(vi.body.title).toBe('Cần xác thực hai lớp');
    await request(app.getHttpServer())
      .get('/money')
      .set('Authorization', `Bearer ${tokens.issue({ ...approver, amr: ['pwd', 'otp'] }).accessToken}`)
      .expect(200);
    // Roles first: another role with the second factor is still refused for its role.
    const founder = tokens.issue({ ...lan, amr: ['pwd', 'otp'] }).accessToken;
    const wrongRole = await request(app.getHttpServer())
      .get('/money')
      .set('Authorization', `Bearer ${founder}`);
    expect(wrongRole.body.code).toBe('FORBIDDEN_ROLE');
  });

  it('refuses a forged token with 401 INVALID_TOKEN', async () => {
    const forged = new AccessTokenService({ secret: 'someone-elses-secret-0123456789' }).issue(
      lan,
    ).accessToken;
    const response = await request(app.getHttpServer())
      .get('/whoami')
      .set('Authorization', `Bearer ${forged}`)
      .expect(401);
    expect(response.body.code).toBe('INVALID_TOKEN');
  });
});
