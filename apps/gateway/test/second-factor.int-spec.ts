import 'reflect-metadata';
import { AccessTokenService } from '@khoinghiep/auth';
import { Clock } from '@khoinghiep/clock';
import { configureHttpApp } from '@khoinghiep/http';
import { TEST_ADMIN } from '@khoinghiep/testing';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LOCK_MS, MAX_FAILED_ATTEMPTS } from '../src/identity/second-factor/second-factor.service.js';
import { TOTP_PERIOD_SECONDS, totpCode } from '../src/identity/second-factor/totp.js';

/** The gateway module in this process against the real test database, with a clock the test moves. */
const env = {
  NODE_ENV: 'test',
  DATABASE_PREFIX: process.env.DATABASE_PREFIX ?? 'khoinghiep_test_',
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
  AUTH_RATE_LIMIT: '1000',
  TRUST_PROXY: 'loopback',
};

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = 'CaPhe-BMT-2026';

describe('the second factor (TOTP) against PostgreSQL', () => {
  let app: INestApplication;
  let tokens: AccessTokenService;
  let db: DataSource;
  /**
   * The gateway's clock: stopped a second into a TOTP step, moved only by the test, so that which step a code
   * belongs to never depends on how fast the machine is.
   */
  const start = Math.floor(Date.now() / (TOTP_PERIOD_SECONDS * 1000)) * TOTP_PERIOD_SECONDS * 1000 + 1000;
  let aheadMs = 0;
  const now = () => new Date(start + aheadMs);
  /** Moves the gateway's clock on to the next TOTP step, so that a fresh code exists. */
  const nextStep = () => {
    aheadMs += TOTP_PERIOD_SECONDS * 1000;
  };
  let clientCounter = 0;

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
    app = await nest.init();
    app.get(Clock).now = now;
    tokens = app.get(AccessTokenService);
    db = app.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  function call(method: 'get' | 'post', path: string, token?: string) {
    clientCounter += 1;
    const pending = request(app.getHttpServer())
      [method](`/api/v1${path}`)
      .set('X-Forwarded-For', `198.51.100.${clientCounter % 250}`)
      .set('Accept-Language', 'en');
    return token ? pending.set('Authorization', `Bearer ${token}`) : pending;
  }

  async function founder(): Promise<{ email: string; token: string; id: string }> {
    const email = `lan.${unique()}@example.vn`;
    await call('post', '/auth/register')
      .send({ email, password: PASSWORD, fullName: 'Nguyễn Thị Lan', role: 'founder' })
      .expect(201);
    const login = await call('post', '/auth/login').send({ email, password: PASSWORD }).expect(200);
    return { email, token: login.body.accessToken, id: login.body.user.id };
  }

  /** A founder with a confirmed authenticator: its secret, recovery codes and latest token. */
  async function enrolled() {
    const account = await founder();
    const begun = await call('post', '/me/second-factor', account.token).send({ method: 'totp' }).expect(200);
    const confirmed = await call('post', '/me/second-factor/confirm', account.token)
      .send({ code: totpCode(begun.body.secret, now()) })
      .expect(200);
    nextStep();
    return {
      ...account,
      secret: begun.body.secret as string,
      recoveryCodes: confirmed.body.recoveryCodes as string[],
      token: confirmed.body.accessToken as string,
    };
  }

  async function challenge(email: string): Promise<string> {
    const login = await call('post', '/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(login.body).toEqual({
      secondFactorRequired: true,
      challengeToken: expect.any(String),
      expiresIn: 300,
      methods: ['totp', 'recovery-code'],
    });
    return login.body.challengeToken;
  }

  const changesOf = async (accountId: string) =>
    (
      await db.query(
        'SELECT change, actor_id FROM account_security_changes WHERE account_id = $1 ORDER BY occurred_at, security_version',
        [accountId],
      )
    ).map((row: { change: string }) => row.change);

  it('enrols: a secret and otpauth URI once, kept encrypted, confirmed by a first code', async () => {
    const account = await founder();
    expect(tokens.verify(account.token).amr).toEqual(['pwd']);
    const begun = await call('post', '/me/second-factor', account.token).send({ method: 'totp' }).expect(200);
    expect(begun.body).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      otpauthUri: expect.any(String),
    });
    expect(begun.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const [row] = await db.query(
      'SELECT secret_ciphertext, status FROM second_factors WHERE account_id = $1',
      [account.id],
    );
    expect(row.status).toBe('pending');
    expect(row.secret_ciphertext).not.toContain(begun.body.secret);
    expect((await call('get', '/me/second-factor', account.token).expect(200)).body).toEqual({
      status: 'pending',
      required: false,
      recoveryCodesLeft: 0,
    });

    const wrong = String((Number(totpCode(begun.body.secret, now())) + 1) % 1_000_000).padStart(6, '0');
    const refused = await call('post', '/me/second-factor/confirm', account.token)
      .send({ code: wrong })
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'SECOND_FACTOR_CODE_INVALID',
      errors: [{ field: 'code', message: 'code does not match the authenticator' }],
    });
    await call('post', '/me/second-factor/confirm', account.token).send({ code: '12ab' }).expect(400);

    const confirmed = await call('post', '/me/second-factor/confirm', account.token)
      .send({ code: totpCode(begun.body.secret, now()) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect(confirmed.body.secondFactor).toBe('verified');
    expect(tokens.verify(confirmed.body.accessToken).amr).toEqual(['pwd', 'otp']);
    // Enrolling ends the other sessions; the new token works.
    expect((await call('get', '/me', account.token).expect(401)).body.code).toBe('TOKEN_REVOKED');
    await call('get', '/me', confirmed.body.accessToken).expect(200);
    const hashes = await db.query('SELECT code_hash FROM recovery_codes WHERE account_id = $1', [account.id]);
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) expect(code_hash).toMatch(/^\$argon2id\$/);
    // Never shown again.
    expect(
      (
        await call('post', '/me/second-factor', confirmed.body.accessToken)
          .send({ method: 'totp' })
          .expect(409)
      ).body.code,
    ).toBe('SECOND_FACTOR_ALREADY_ENROLLED');
    expect(await changesOf(account.id)).toEqual(['second-factor-enrolled']);
  });

  it('signs in with the password, then a code: the token says so; a code is refused a second time', async () => {
    const account = await enrolled();
    const code = totpCode(account.secret, now());
    const first = await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), code })
      .expect(200);
    expect(first.body).toMatchObject({
      tokenType: 'Bearer',
      secondFactor: 'verified',
      user: { email: account.email },
    });
    expect(tokens.verify(first.body.accessToken).amr).toEqual(['pwd', 'otp']);

    const replay = await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), code })
      .expect(401);
    expect(replay.body).toMatchObject({
      status: 401,
      code: 'SECOND_FACTOR_INVALID',
      title: 'Wrong authentication code',
    });

    nextStep();
    await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), code: totpCode(account.secret, now()) })
      .expect(200);
  });

  it('accepts one code once when it is sent twice at the same moment', async () => {
    const account = await enrolled();
    const code = totpCode(account.secret, now());
    const [a, b] = await Promise.all([challenge(account.email), challenge(account.email)]);
    const answers = await Promise.all([
      call('post', '/auth/login/second-factor').send({ challengeToken: a, code }),
      call('post', '/auth/login/second-factor').send({ challengeToken: b, code }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('allows a code one step off for clock drift, not two', async () => {
    const account = await enrolled();
    const stepsAgo = (steps: number) => new Date(now().getTime() - steps * TOTP_PERIOD_SECONDS * 1000);
    aheadMs += 3 * TOTP_PERIOD_SECONDS * 1000;
    // Neither code was used before: only the distance from the gateway's clock decides.
    await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), code: totpCode(account.secret, stepsAgo(2)) })
      .expect(401);
    await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), code: totpCode(account.secret, stepsAgo(1)) })
      .expect(200);
  });

  it('takes a recovery code once, audited, and counts what is left', async () => {
    const account = await enrolled();
    const [recovery] = account.recoveryCodes as [string];
    const used = await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), recoveryCode: recovery.toUpperCase() })
      .expect(200);
    expect(tokens.verify(used.body.accessToken).amr).toEqual(['pwd', 'otp']);
    const again = await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), recoveryCode: recovery })
      .expect(401);
    expect(again.body.code).toBe('SECOND_FACTOR_INVALID');
    expect((await call('get', '/me/second-factor', used.body.accessToken).expect(200)).body).toEqual({
      status: 'active',
      required: false,
      recoveryCodesLeft: 9,
    });
    expect(await changesOf(account.id)).toEqual(['second-factor-enrolled', 'recovery-code-used']);
  });

  it('refuses a second step without exactly one proof, or with a challenge that is not one', async () => {
    const account = await enrolled();
    const challengeToken = await challenge(account.email);
    const both = await call('post', '/auth/login/second-factor')
      .send({ challengeToken, code: '123456', recoveryCode: 'abcde-fghjk' })
      .expect(400);
    expect(both.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(both.body.errors.map((error: { field: string }) => error.field)).toEqual(['code', 'recoveryCode']);
    await call('post', '/auth/login/second-factor').send({ challengeToken }).expect(400);
    const forged = await call('post', '/auth/login/second-factor')
      .send({ challengeToken: account.token, code: totpCode(account.secret, now()) })
      .expect(401);
    expect(forged.body.code).toBe('SIGN_IN_CHALLENGE_INVALID');
    // A challenge is no access token either.
    expect((await call('get', '/me', challengeToken).expect(401)).body.code).toBe('INVALID_TOKEN');
  });

  it(`locks code attempts of an account after ${MAX_FAILED_ATTEMPTS} wrong codes, until the lock ends`, async () => {
    const account = await enrolled();
    const right = () => totpCode(account.secret, now());
    const wrong = () => String((Number(right()) + 500_000) % 1_000_000).padStart(6, '0');
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt += 1) {
      await call('post', '/auth/login/second-factor')
        .send({ challengeToken: await challenge(account.email), code: wrong() })
        .expect(401);
    }
    const locked = await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), code: right() })
      .expect(429);
    expect(locked.body.code).toBe('SECOND_FACTOR_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    aheadMs += LOCK_MS;
    await call('post', '/auth/login/second-factor')
      .send({ challengeToken: await challenge(account.email), code: right() })
      .expect(200);
  });

  it('disables with a current code: recovery codes gone, otp tokens revoked, password alone signs in', async () => {
    const account = await enrolled();
    await call('post', '/me/second-factor/disable', account.token).send({ code: '000000' }).expect(400);
    const disabled = await call('post', '/me/second-factor/disable', account.token)
      .send({ code: totpCode(account.secret, now()) })
      .expect(200);
    expect(tokens.verify(disabled.body.accessToken).amr).toEqual(['pwd']);
    expect(disabled.body.secondFactor).toBe('not-enrolled');
    expect((await call('get', '/me', account.token).expect(401)).body.code).toBe('TOKEN_REVOKED');
    const login = await call('post', '/auth/login')
      .send({ email: account.email, password: PASSWORD })
      .expect(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    expect(await db.query('SELECT 1 FROM recovery_codes WHERE account_id = $1', [account.id])).toEqual([]);
    expect(await changesOf(account.id)).toEqual(['second-factor-enrolled', 'second-factor-disabled']);
    expect(
      (
        await call('post', '/me/second-factor/disable', login.body.accessToken)
          .send({ code: '123456' })
          .expect(409)
      ).body.code,
    ).toBe('SECOND_FACTOR_NOT_ENROLLED');
  });

  it('tells fund approvers and admins without a second factor that they must enrol', async () => {
    const admin = await call('post', '/auth/login')
      .send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })
      .expect(200);
    const email = `approver.${unique()}@example.vn`;
    await call('post', '/admin/users', admin.body.accessToken)
      .send({ email, password: PASSWORD, fullName: 'Trần Văn Duyệt', roles: ['fund_approver'] })
      .expect(201);
    const login = await call('post', '/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(login.body.secondFactor).toBe('enrolment-required');
    expect(tokens.verify(login.body.accessToken).amr).toEqual(['pwd']);
    expect((await call('get', '/me/second-factor', login.body.accessToken).expect(200)).body).toMatchObject({
      status: 'not-enrolled',
      required: true,
    });
  });

  it('lets an admin signed in with the second factor remove a lost one, audited with the reason', async () => {
    const bootstrap = await call('post', '/auth/login')
      .send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })
      .expect(200);
    const adminEmail = `admin.${unique()}@example.vn`;
    const created = await call('post', '/admin/users', bootstrap.body.accessToken)
      .send({ email: adminEmail, password: PASSWORD, fullName: 'Phạm Quản Trị', roles: ['admin'] })
      .expect(201);
    const adminLogin = await call('post', '/auth/login')
      .send({ email: adminEmail, password: PASSWORD })
      .expect(200);
    expect(adminLogin.body.secondFactor).toBe('enrolment-required');
    const begun = await call('post', '/me/second-factor', adminLogin.body.accessToken)
      .send({ method: 'totp' })
      .expect(200);
    const adminWithOtp = (
      await call('post', '/me/second-factor/confirm', adminLogin.body.accessToken)
        .send({ code: totpCode(begun.body.secret, now()) })
        .expect(200)
    ).body.accessToken as string;

    const account = await enrolled();
    const reset = (token: string) =>
      call('post', `/admin/users/${account.id}/second-factor/reset`, token).send({
        reason: 'Mất điện thoại và mã khôi phục / Lost phone and recovery codes',
      });
    const refused = await reset(bootstrap.body.accessToken).expect(403);
    expect(refused.body).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', title: 'Second factor required' });
    await reset(adminWithOtp).expect(200);
    await reset(adminWithOtp).expect(409);
    expect((await call('get', '/me', account.token).expect(401)).body.code).toBe('TOKEN_REVOKED');
    const login = await call('post', '/auth/login')
      .send({ email: account.email, password: PASSWORD })
      .expect(200);
    expect(login.body.secondFactor).toBe('not-enrolled');
    const [audit] = await db.query(
      `SELECT actor_id, reason FROM account_security_changes WHERE account_id = $1 AND change = 'second-factor-reset'`,
      [account.id],
    );
    expect(audit).toEqual({
      actor_id: created.body.id,
      reason: 'Mất điện thoại và mã khôi phục / Lost phone and recovery codes',
    });
  });

  it('holds in the database: an accepted step never goes back, a used recovery code stays used', async () => {
    const account = await enrolled();
    await expect(
      db.query('UPDATE second_factors SET last_used_step = last_used_step - 1 WHERE account_id = $1', [
        account.id,
      ]),
    ).rejects.toThrow(/old code/);
    await db.query(
      'UPDATE recovery_codes SET used_at = created_at WHERE id = (SELECT id FROM recovery_codes WHERE account_id = $1 LIMIT 1)',
      [account.id],
    );
    await expect(
      db.query('UPDATE recovery_codes SET used_at = NULL WHERE account_id = $1 AND used_at IS NOT NULL', [
        account.id,
      ]),
    ).rejects.toThrow(/already used/);
  });
});
