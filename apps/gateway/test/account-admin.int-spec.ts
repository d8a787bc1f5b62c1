import 'reflect-metadata';
import { configureHttpApp } from '@khoinghiep/http';
import { TEST_ADMIN } from '@khoinghiep/testing';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';

/** Admins' security changes to accounts, in this process against the real test database. */
const env = {
  NODE_ENV: 'test',
  DATABASE_PREFIX: process.env.DATABASE_PREFIX ?? 'khoinghiep_test_',
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
  AUTH_RATE_LIMIT: '100000',
};

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = 'Can-Bo-Du-An-2026';

describe('account security changes against PostgreSQL', () => {
  let app: INestApplication;
  let adminToken: string;
  let adminId: string;

  const api = () => request(app.getHttpServer());
  const bearer = (token: string) => `Bearer ${token}`;

  const signIn = (email: string, password: string) =>
    api().post('/api/v1/auth/login').send({ email, password });

  async function newOfficer(): Promise<{ id: string; email: string; token: string }> {
    const email = `officer.${unique()}@sokhcn.gov.vn`;
    const created = await api()
      .post('/api/v1/admin/users')
      .set('Authorization', bearer(adminToken))
      .send({ email, password: PASSWORD, fullName: 'Trần Văn Minh', roles: ['programme_officer'] })
      .expect(201);
    const login = await signIn(email, PASSWORD).expect(200);
    return { id: created.body.id, email, token: login.body.accessToken };
  }

  const change = (path: string, body: object, token = adminToken) =>
    api().post(`/api/v1/admin/users/${path}`).set('Authorization', bearer(token)).send(body);

  beforeAll(async () => {
    Object.assign(process.env, env);
    const { AppModule } = (await import('../src/app.module.js')) as { AppModule: Type<unknown> };
    const nest = await NestFactory.create<NestExpressApplication>(AppModule, {
      logger: false,
      abortOnError: false,
    });
    nest.setGlobalPrefix('api/v1', { exclude: ['health/live', 'health/ready', 'metrics'] });
    configureHttpApp(nest);
    app = await nest.init();
    const login = await signIn(TEST_ADMIN.email, TEST_ADMIN.password).expect(200);
    adminToken = login.body.accessToken;
    adminId = login.body.user.id;
    // The app connects to Kafka too (the outbox of identity events): more than Jest's 5 s on a busy machine.
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('deactivates an account: audited, published through the outbox, its token and its password refused', async () => {
    const officer = await newOfficer();
    await api().get('/api/v1/me').set('Authorization', bearer(officer.token)).expect(200);

    const deactivated = await change(`${officer.id}/deactivation`, { reason: 'Nghỉ việc' }).expect(200);
    expect(deactivated.body).toMatchObject({ id: officer.id, status: 'deactivated' });

    const refused = await api()
      .get('/api/v1/me')
      .set('Authorization', bearer(officer.token))
      .set('Accept-Language', 'en')
      .expect(401);
    expect(refused.body).toMatchObject({ code: 'ACCOUNT_DEACTIVATED', title: 'Account deactivated' });
    expect((await signIn(officer.email, PASSWORD).expect(401)).body.code).toBe('ACCOUNT_DEACTIVATED');
    // A wrong password still says only that, whatever the account's status.
    expect((await signIn(officer.email, 'Wrong-Password-1').expect(401)).body.code).toBe(
      'INVALID_CREDENTIALS',
    );

    const database = app.get(DataSource);
    const audit = await database.query(
      'SELECT change, reason, actor_id, status, security_version FROM account_security_changes WHERE account_id = $1',
      [officer.id],
    );
    expect(audit).toEqual([
      {
        change: 'deactivated',
        reason: 'Nghỉ việc',
        actor_id: adminId,
        status: 'deactivated',
        security_version: 1,
      },
    ]);
    const outbox = await database.query(
      `SELECT topic, key, envelope FROM outbox_event WHERE key = $1 AND type = 'identity.account.deactivated'`,
      [officer.id],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      topic: 'identity.events',
      envelope: {
        aggregateType: 'account',
        actor: { userId: adminId, roles: ['admin'] },
        payload: {
          accountId: officer.id,
          status: 'deactivated',
          roles: ['programme_officer'],
          securityVersion: 1,
          reason: 'Nghỉ việc',
        },
      },
    });
  });

  it('reactivates an account: a new sign-in works, the token from before stays refused', async () => {
    const officer = await newOfficer();
    await change(`${officer.id}/deactivation`, { reason: 'Tạm nghỉ' }).expect(200);
    const reactivated = await change(`${officer.id}/reactivation`, { reason: 'Đi làm lại' }).expect(200);
    expect(reactivated.body.status).toBe('active');

    const old = await api().get('/api/v1/me').set('Authorization', bearer(officer.token)).expect(401);
    expect(old.body.code).toBe('TOKEN_REVOKED');
    const fresh = await signIn(officer.email, PASSWORD).expect(200);
    await api().get('/api/v1/me').set('Authorization', bearer(fresh.body.accessToken)).expect(200);

    const audit = await api()
      .get(`/api/v1/admin/users/${officer.id}/security-changes`)
      .set('Authorization', bearer(adminToken))
      .expect(200);
    expect(audit.body).toEqual([
      expect.objectContaining({
        change: 'reactivated',
        reason: 'Đi làm lại',
        actorId: adminId,
        status: 'active',
      }),
      expect.objectContaining({
        change: 'deactivated',
        reason: 'Tạm nghỉ',
        actorId: adminId,
        status: 'deactivated',
      }),
    ]);
    expect(audit.body[0].occurredAt).toEqual(expect.any(String));
  });

  it('changes roles: tokens carrying the old roles are revoked', async () => {
    const officer = await newOfficer();
    const changed = await api()
      .put(`/api/v1/admin/users/${officer.id}/roles`)
      .set('Authorization', bearer(adminToken))
      .send({ roles: ['fund_officer'], reason: 'Chuyển sang quỹ' })
      .expect(200);
    expect(changed.body.roles).toEqual(['fund_officer']);
    expect(
      (await api().get('/api/v1/me').set('Authorization', bearer(officer.token)).expect(401)).body.code,
    ).toBe('TOKEN_REVOKED');
    const fresh = await signIn(officer.email, PASSWORD).expect(200);
    expect(fresh.body.user.roles).toEqual(['fund_officer']);
  });

  it('refuses a repeated change, a change to oneself, an unknown account and a missing reason', async () => {
    const officer = await newOfficer();
    await change(`${officer.id}/reactivation`, { reason: 'x' }).expect(409);
    expect((await change(`${adminId}/deactivation`, { reason: 'x' }).expect(409)).body.code).toBe(
      'OWN_ACCOUNT_CHANGE',
    );
    expect((await change(`${crypto.randomUUID()}/deactivation`, { reason: 'x' }).expect(404)).body.code).toBe(
      'USER_NOT_FOUND',
    );
    const invalid = await change(`${officer.id}/deactivation`, {}).set('Accept-Language', 'en').expect(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual(['reason']);
    await change('not-a-uuid/deactivation', { reason: 'x' }).expect(400);
    await api()
      .get(`/api/v1/admin/users/${crypto.randomUUID()}/security-changes`)
      .set('Authorization', bearer(adminToken))
      .expect(404);
  });

  it('lets only admins make security changes', async () => {
    const officer = await newOfficer();
    const other = await newOfficer();
    const response = await change(`${other.id}/deactivation`, { reason: 'x' }, officer.token).expect(403);
    expect(response.body.code).toBe('FORBIDDEN_ROLE');
  });
});
