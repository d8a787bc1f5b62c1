import 'reflect-metadata';
import { AccessTokenService, AuthModule } from '@khoinghiep/auth';
import { defineRoutes, ProjectRoutes, Role } from '@khoinghiep/contracts';
import { configureHttpApp, type ServiceRequest } from '@khoinghiep/http';
import { RequestContextModule } from '@khoinghiep/observability';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ServiceDirectory } from '../gateway-proxy/service-directory.js';
import { forwardingController } from './forwarding-controller.js';
import { RouteForwarder } from './route-forwarder.service.js';

/** A tiny money route, as the funding service will declare its decisions. */
const { approveTinyGrant } = defineRoutes(
  { service: 'funding', tag: 'money' },
  {
    approveTinyGrant: {
      ...ProjectRoutes.submitProject,
      path: '/tiny-grants/:id/approval',
      access: [Role.FundApprover],
      secondFactor: true,
    },
  },
);

const sent: ServiceRequest[] = [];
const directory = {
  client: () => ({
    relay: async (sending: ServiceRequest) => {
      sent.push(sending);
      return { status: 200, headers: new Headers(), text: '{"approved":true}' };
    },
  }),
};

@Module({
  imports: [RequestContextModule, AuthModule.forRoot({ secret: 'unit-test-secret-0123456789abcdef' })],
  controllers: [forwardingController([approveTinyGrant])],
  providers: [RouteForwarder, { provide: ServiceDirectory, useValue: directory }],
})
class TinyGatewayModule {}

describe('the gateway forwarding a route declared with secondFactor', () => {
  let app: INestApplication;
  let tokens: AccessTokenService;
  const id = '0198f1a2-7c3b-7d4e-8f90-123456789abc';
  const approver = { id: 'u-7', email: 'duyet@example.vn', name: 'Duyệt', roles: [Role.FundApprover] };

  beforeAll(async () => {
    const nest = await NestFactory.create<NestExpressApplication>(TinyGatewayModule, { logger: false });
    nest.setGlobalPrefix('api/v1');
    configureHttpApp(nest);
    app = await nest.init();
    tokens = app.get(AccessTokenService);
  });

  afterAll(async () => {
    await app?.close();
  });

  const approve = (token: string) =>
    request(app.getHttpServer())
      .post(`/api/v1/tiny-grants/${id}/approval`)
      .set('Accept-Language', 'en')
      .set('Authorization', `Bearer ${token}`)
      .send({ version: 1 });

  it('refuses a password-only token with a 403 problem, and sends nothing to the service', async () => {
    const refused = await approve(tokens.issue(approver).accessToken).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 403,
      type: 'urn:khoinghiep-hub:problem:second-factor-required',
      code: 'SECOND_FACTOR_REQUIRED',
      title: 'Second factor required',
    });
    expect(sent).toEqual([]);
  });

  it('forwards it with a token issued after the second factor', async () => {
    const token = tokens.issue({ ...approver, amr: ['pwd', 'otp'] }).accessToken;
    const answer = await approve(token).expect(200);
    expect(answer.body).toEqual({ approved: true });
    expect(sent).toHaveLength(1);
  });
});
