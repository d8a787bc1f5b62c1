import 'reflect-metadata';
import { configureHttpApp } from '@khoinghiep/http';
import { pendingSchemaChanges } from '@khoinghiep/persistence';
import { TEST_ADMIN } from '@khoinghiep/testing';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';

/** The gateway module in this process against the real test database (no other service needed). */
const env = {
  NODE_ENV: 'test',
  DATABASE_PREFIX: process.env.DATABASE_PREFIX ?? 'khoinghiep_test_',
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
  AUTH_RATE_LIMIT: '5',
  TRUST_PROXY: 'loopback',
};

let clientCounter = 0;
/** Each test is its own client address (X-Forwarded-For, trusted from loopback), so rate limits stay per test. */
function newClientAddress(): string {
  clientCounter += 1;
  return `198.51.100.${clientCounter}`;
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe('gateway identity against PostgreSQL', () => {
  let app: INestApplication;
  let address: string;

  beforeAll(async () => {
    Object.assign(process.env, env);
    const { AppModule } = (await import('../src/app.module.js')) as { AppModule: Type<unknown> };
    const { configureGateway } = await import('../src/gateway-setup.js');
    const nest = await NestFactory.create<NestExpressApplication>(AppModule, {
      logger: false,
      abortOnError: false,
    });
    nest.setGlobalPrefix('api/v1', { exclude: ['health/live', 'health/ready', 'metrics'] });
    configureHttpApp(nest);
    configureGateway(nest);
    // Connects to Kafka too (the outbox of identity events): more than Jest's 5 s on a busy machine.
    app = await nest.init();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  beforeEach(() => {
    address = newClientAddress();
  });

  const post = (path: string, body: object) =>
    request(app.getHttpServer()).post(`/api/v1${path}`).set('X-Forwarded-For', address).send(body);

  function founder(overrides: Record<string, unknown> = {}) {
    return {
      email: `lan.${unique()}@example.vn`,
      password: 'CaPhe-BMT-2026',
      fullName: 'Nguyễn Thị Lan',
      role: 'founder',
      ...overrides,
    };
  }

  it('has migrations that match the entities', async () => {
    expect(await pendingSchemaChanges(app.get(DataSource))).toEqual([]);
  });

  it('registers with a lower-cased email and keeps only an argon2id hash of the password', async () => {
    const body = founder();
    const response = await post('/auth/register', { ...body, email: body.email.toUpperCase() }).expect(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email: body.email,
      fullName: 'Nguyễn Thị Lan',
      roles: ['founder'],
      status: 'active',
      createdAt: expect.any(String),
    });
    const [row] = await app
      .get(DataSource)
      .query('SELECT password_hash FROM users WHERE id = $1', [response.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(body.password);
  });

  it('refuses a second account for the same email in another case with 409', async () => {
    const body = founder();
    await post('/auth/register', body).expect(201);
    const response = await post('/auth/register', {
      ...body,
      email: body.email.toUpperCase(),
      role: 'investor',
    })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(response.body).toMatchObject({
      code: 'EMAIL_ALREADY_REGISTERED',
      errors: [{ field: 'email', message: 'email is already registered' }],
    });
  });

  it('signs in and answers /me with the token', async () => {
    const body = founder({ role: 'investor' });
    await post('/auth/register', body).expect(201);
    const login = await post('/auth/login', { email: body.email, password: body.password }).expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: body.email } });
    const me = await request(app.getHttpServer())
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ email: body.email, roles: ['investor'] });
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const body = founder();
    await post('/auth/register', body).expect(201);
    const wrong = await post('/auth/login', { email: body.email, password: 'Wrong-Password-1' }).expect(401);
    const unknown = await post('/auth/login', {
      email: `nobody.${unique()}@example.vn`,
      password: 'x',
    }).expect(401);
    const comparable = ({ correlationId: _c, ...rest }: Record<string, unknown>) => rest;
    expect(comparable(wrong.body)).toEqual(comparable(unknown.body));
    expect(wrong.body).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      detail: 'Email hoặc mật khẩu không đúng.',
    });
  });

  it('refuses self-registration as staff, naming the role field', async () => {
    const response = await post('/auth/register', founder({ role: 'admin' }))
      .set('Accept-Language', 'en')
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'role', message: 'role must be one of: founder, investor' },
    ]);
  });

  it('applies the password policy, naming the password field for each broken rule', async () => {
    const email = `weak.${unique()}@example.vn`;
    const tooShort = await post('/auth/register', founder({ email, password: 'abc123' })).expect(400);
    expect(tooShort.body.errors).toEqual([
      { field: 'password', message: 'password phải có ít nhất 10 ký tự' },
    ]);
    const lettersOnly = await post('/auth/register', founder({ email, password: 'onlyletters-here' })).expect(
      400,
    );
    expect(lettersOnly.body.errors).toEqual([
      { field: 'password', message: 'password phải có cả chữ cái và chữ số' },
    ]);
    const theEmail = await post('/auth/register', founder({ email: `a1${email}`, password: `A1${email}` }))
      .set('Accept-Language', 'en')
      .expect(400);
    expect(theEmail.body.errors).toEqual([
      { field: 'password', message: 'password must not be the same as the email' },
    ]);
  });

  it('has the first admin from ADMIN_EMAIL, who creates a fund officer who can sign in', async () => {
    const admin = await post('/auth/login', TEST_ADMIN).expect(200);
    expect(admin.body.user.roles).toContain('admin');
    const officer = {
      email: `officer.${unique()}@quy.gov.vn`,
      password: 'Quy-KhoiNghiep-01',
      fullName: 'Trần Văn Minh',
    };
    const created = await request(app.getHttpServer())
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${admin.body.accessToken}`)
      .send({ ...officer, roles: ['fund_officer'] })
      .expect(201);
    expect(created.body.roles).toEqual(['fund_officer']);
    const login = await post('/auth/login', { email: officer.email, password: officer.password }).expect(200);
    expect(login.body.user.roles).toEqual(['fund_officer']);
  });

  it('keeps the admin route from non-admins (403) and the anonymous (401)', async () => {
    const body = founder();
    await post('/auth/register', body).expect(201);
    const login = await post('/auth/login', { email: body.email, password: body.password }).expect(200);
    const staff = {
      email: `x.${unique()}@x.vn`,
      password: 'Staff-Pass-2026',
      fullName: 'X',
      roles: ['admin'],
    };
    const forbidden = await request(app.getHttpServer())
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .send(staff)
      .expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN_ROLE');
    await request(app.getHttpServer()).post('/api/v1/admin/users').send(staff).expect(401);
  });

  it('rate-limits sign-in per client address with a 429 problem', async () => {
    const attempt = () =>
      post('/auth/login', { email: `nobody.${unique()}@example.vn`, password: 'whatever-1' });
    for (let i = 0; i < 5; i += 1) await attempt().expect(401);
    const limited = await attempt()
      .expect(429)
      .expect('content-type', /application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not affected.
    address = newClientAddress();
    await attempt().expect(401);
  });
});
