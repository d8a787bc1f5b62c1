import { installationJwtSecret } from '@khoinghiep/config';
import { TEST_ADMIN } from '@khoinghiep/testing';
import { JwtService } from '@nestjs/jwt';
import { api } from './gateway-api.js';

// Identity through the running gateway process (started with the rest of the platform by the e2e global setup).
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function founder(overrides: Record<string, unknown> = {}) {
  return {
    email: `founder.${unique()}@example.vn`,
    password: 'CaPhe-BMT-2026',
    fullName: 'Nguyễn Thị Lan',
    role: 'founder',
    ...overrides,
  };
}

async function signIn(email: string, password: string): Promise<string> {
  const response = await api().post('/api/v1/auth/login').send({ email, password }).expect(200);
  return response.body.accessToken as string;
}

describe('identity through the gateway', () => {
  it('lets a founder register, sign in and see themselves', async () => {
    const body = founder();
    const registered = await api().post('/api/v1/auth/register').send(body).expect(201);
    expect(registered.body).toEqual({
      id: expect.any(String),
      email: body.email,
      fullName: body.fullName,
      roles: ['founder'],
      status: 'active',
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(registered.body)).not.toContain(body.password);

    const login = await api()
      .post('/api/v1/auth/login')
      .send({ email: body.email, password: body.password })
      .expect(200);
    expect(login.body).toMatchObject({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: registered.body.id, roles: ['founder'] },
    });

    const me = await api()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual(registered.body);
  });

  it('refuses a self-registered staff role with 400 naming the role', async () => {
    const response = await api()
      .post('/api/v1/auth/register')
      .send(founder({ role: 'fund_approver' }))
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'role', message: 'role phải là một trong các giá trị: founder, investor' }],
    });
  });

  it('refuses a second account for the same email with 409', async () => {
    const body = founder();
    await api().post('/api/v1/auth/register').send(body).expect(201);
    const again = await api()
      .post('/api/v1/auth/register')
      .send({ ...body, email: body.email.toUpperCase() })
      .expect(409);
    expect(again.body.code).toBe('EMAIL_ALREADY_REGISTERED');
  });

  it('refuses a weak password with 400 naming the password field', async () => {
    const response = await api()
      .post('/api/v1/auth/register')
      .send(founder({ password: 'password' }))
      .expect(400);
    expect(response.body.errors).toHaveLength(2);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'password', message: 'password phải có ít nhất 10 ký tự' },
        { field: 'password', message: 'password phải có cả chữ cái và chữ số' },
      ]),
    );
  });

  it('refuses an unknown field with 400 naming it', async () => {
    const response = await api()
      .post('/api/v1/auth/register')
      .send(founder({ roles: ['admin'] }))
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'roles', message: 'roles là trường không được phép' }]);
  });

  it('refuses a wrong type with 400 naming the field', async () => {
    const response = await api()
      .post('/api/v1/auth/login')
      .set('Accept-Language', 'en')
      .send({ email: ['a@b.vn'], password: 12345678901 })
      .expect(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'email must be a valid email address' },
        { field: 'password', message: 'password must be a string' },
      ]),
    );
  });

  it('refuses malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await api()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.vn",')
      .expect(400);
    expect(malformed.body.code).toBe('MALFORMED_REQUEST');
    const oversized = await api()
      .post('/api/v1/auth/register')
      .send(founder({ fullName: 'x'.repeat(200 * 1024) }))
      .expect(413)
      .expect('content-type', /application\/problem\+json/);
    expect(oversized.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers a wrong password with a generic 401', async () => {
    const body = founder();
    await api().post('/api/v1/auth/register').send(body).expect(201);
    const response = await api()
      .post('/api/v1/auth/login')
      .send({ email: body.email, password: 'Not-The-Password-1' })
      .expect(401);
    expect(response.body).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      detail: 'Email hoặc mật khẩu không đúng.',
    });
  });

  describe('access tokens', () => {
    const secret = process.env.JWT_SECRET || installationJwtSecret();

    it('refuses a request without a token with 401', async () => {
      const response = await api()
        .get('/api/v1/me')
        .expect(401)
        .expect('www-authenticate', /^Bearer/);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a forged or garbled token with 401', async () => {
      const forged = new JwtService({ secret: 'not-the-platform-secret-0123456789' }).sign(
        { email: 'x@y.vn', name: 'X', roles: ['admin'] },
        { subject: 'someone', issuer: 'khoinghiep-hub', audience: 'khoinghiep-hub', expiresIn: 60 },
      );
      for (const token of [forged, 'garbage']) {
        const response = await api().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
        expect(response.body.code).toBe('INVALID_TOKEN');
      }
    });

    it('refuses an expired token with 401 TOKEN_EXPIRED', async () => {
      const body = founder();
      const registered = await api().post('/api/v1/auth/register').send(body).expect(201);
      const expired = new JwtService({ secret }).sign(
        { email: body.email, name: body.fullName, roles: ['founder'] },
        { subject: registered.body.id, issuer: 'khoinghiep-hub', audience: 'khoinghiep-hub', expiresIn: -30 },
      );
      const response = await api()
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${expired}`)
        .set('Accept-Language', 'en')
        .expect(401);
      expect(response.body).toMatchObject({ code: 'TOKEN_EXPIRED', title: 'Access token expired' });
    });
  });

  describe('staff accounts', () => {
    it('lets the first admin create a fund officer who can then sign in', async () => {
      const adminToken = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
      const officer = {
        email: `fund.officer.${unique()}@quykhoinghiep.vn`,
        password: 'Quy-KhoiNghiep-2026',
        fullName: 'Phạm Thu Hà',
        roles: ['fund_officer'],
      };
      const created = await api()
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send(officer)
        .expect(201);
      expect(created.body).toMatchObject({ email: officer.email, roles: ['fund_officer'] });
      const officerToken = await signIn(officer.email, officer.password);
      const me = await api().get('/api/v1/me').set('Authorization', `Bearer ${officerToken}`).expect(200);
      expect(me.body.roles).toEqual(['fund_officer']);
    });

    it('refuses the admin route to a founder with 403', async () => {
      const body = founder();
      await api().post('/api/v1/auth/register').send(body).expect(201);
      const token = await signIn(body.email, body.password);
      const response = await api()
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${token}`)
        .send({ email: `x.${unique()}@x.vn`, password: 'Staff-Pass-2026', fullName: 'X', roles: ['admin'] })
        .expect(403);
      expect(response.body).toMatchObject({
        code: 'FORBIDDEN_ROLE',
        detail: 'Chức năng này dành cho vai trò: admin.',
      });
    });
  });

  describe('language', () => {
    it('answers in Vietnamese by default and in English when asked', async () => {
      const bad = { email: 'not-an-email', password: 'x' };
      const vi = await api().post('/api/v1/auth/login').send(bad).expect(400);
      const en = await api()
        .post('/api/v1/auth/login')
        .set('Accept-Language', 'en-US,en;q=0.9')
        .send(bad)
        .expect(400);
      expect(vi.body).toMatchObject({
        title: 'Dữ liệu không hợp lệ',
        errors: [{ field: 'email', message: 'email phải là địa chỉ email hợp lệ' }],
      });
      expect(en.body).toMatchObject({
        title: 'Invalid input',
        errors: [{ field: 'email', message: 'email must be a valid email address' }],
      });
      expect(vi.body.code).toBe(en.body.code);
    });
  });

  describe('OpenAPI', () => {
    it('serves the UI at /api/docs and the document at /api/docs-json with the auth routes and bearer scheme', async () => {
      await api().get('/api/docs').expect(200).expect('content-type', /html/);
      const document = await api().get('/api/docs-json').expect(200);
      expect(Object.keys(document.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/register',
          '/api/v1/auth/login',
          '/api/v1/me',
          '/api/v1/admin/users',
        ]),
      );
      expect(document.body.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      expect(document.body.components.schemas.RegisterDto.properties.role.enum).toEqual([
        'founder',
        'investor',
      ]);
    });
  });
});
