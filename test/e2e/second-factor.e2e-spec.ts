import { installationJwtSecret } from '@khoinghiep/config';
import { JwtService } from '@nestjs/jwt';
import { api } from './gateway-api.js';
import { staff } from './projects.support.js';
import { totpCodeOf, withSecondFactor } from './second-factor.support.js';

// The second factor through the running gateway process, with the real clock: a code is made for "now" or for
// the next 30-second step (within the ±1 step the gateway allows), never waited for.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = 'CaPhe-BMT-2026';

const code = totpCodeOf;

/** The `amr` claim of a token the gateway issued, read with the installation's key. */
function amrOf(token: string): unknown {
  return new JwtService({ secret: process.env.JWT_SECRET || installationJwtSecret() }).verify<{
    amr?: unknown;
  }>(token, {
    audience: 'khoinghiep-hub',
  }).amr;
}

const bearer = (token: string) => `Bearer ${token}`;

describe('second factor (TOTP) through the gateway', () => {
  it('enrols, signs in with password then code, takes a recovery code once, and refuses replays', async () => {
    const email = `investor.${unique()}@example.vn`;
    await api()
      .post('/api/v1/auth/register')
      .send({ email, password: PASSWORD, fullName: 'Lê Minh Đầu Tư', role: 'investor' })
      .expect(201);
    const first = await api().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(first.body.secondFactor).toBe('not-enrolled');
    expect(amrOf(first.body.accessToken)).toEqual(['pwd']);

    // Enrol: a secret and an otpauth:// URI, then a first code.
    const begun = await api()
      .post('/api/v1/me/second-factor')
      .set('Authorization', bearer(first.body.accessToken))
      .send({ method: 'totp' })
      .expect(200);
    expect(begun.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const confirmed = await api()
      .post('/api/v1/me/second-factor/confirm')
      .set('Authorization', bearer(first.body.accessToken))
      .send({ code: code(begun.body.secret) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(amrOf(confirmed.body.accessToken)).toEqual(['pwd', 'otp']);

    // Password first: no token yet, a challenge.
    const challenge = async () => {
      const login = await api().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
      expect(login.body).not.toHaveProperty('accessToken');
      expect(login.body.secondFactorRequired).toBe(true);
      return login.body.challengeToken as string;
    };

    const wrong = await api()
      .post('/api/v1/auth/login/second-factor')
      .set('Accept-Language', 'en')
      .send({
        challengeToken: await challenge(),
        code: String((Number(code(begun.body.secret, 1)) + 1) % 1e6).padStart(6, '0'),
      })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'SECOND_FACTOR_INVALID', title: 'Wrong authentication code' });
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);

    // The next step's code (the confirmation used this one's).
    const next = code(begun.body.secret, 1);
    const signedIn = await api()
      .post('/api/v1/auth/login/second-factor')
      .send({ challengeToken: await challenge(), code: next })
      .expect(200);
    expect(signedIn.body).toMatchObject({ secondFactor: 'verified', user: { email } });
    expect(amrOf(signedIn.body.accessToken)).toEqual(['pwd', 'otp']);
    await api().get('/api/v1/me').set('Authorization', bearer(signedIn.body.accessToken)).expect(200);

    const replayed = await api()
      .post('/api/v1/auth/login/second-factor')
      .send({ challengeToken: await challenge(), code: next })
      .expect(401);
    expect(replayed.body.code).toBe('SECOND_FACTOR_INVALID');

    // A recovery code works once.
    const [recovery, another] = confirmed.body.recoveryCodes as [string, string];
    const recovered = await api()
      .post('/api/v1/auth/login/second-factor')
      .send({ challengeToken: await challenge(), recoveryCode: recovery })
      .expect(200);
    expect(amrOf(recovered.body.accessToken)).toEqual(['pwd', 'otp']);
    await api()
      .post('/api/v1/auth/login/second-factor')
      .send({ challengeToken: await challenge(), recoveryCode: recovery })
      .expect(401);

    // Disable (here with another recovery code): the password alone signs in again.
    await api()
      .post('/api/v1/me/second-factor/disable')
      .set('Authorization', bearer(recovered.body.accessToken))
      .send({ recoveryCode: another })
      .expect(200);
    const plain = await api().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(amrOf(plain.body.accessToken)).toEqual(['pwd']);
  });

  it('gives a fund approver a token for money routes through the shared helper', async () => {
    const approver = await withSecondFactor(await staff('fund_approver'));
    expect(amrOf(approver.auth.replace('Bearer ', ''))).toEqual(['pwd', 'otp']);
    const state = await api().get('/api/v1/me/second-factor').set('Authorization', approver.auth).expect(200);
    expect(state.body).toEqual({ status: 'active', required: true, recoveryCodesLeft: 10 });
  });

  it('documents the sign-in steps and the second-factor problem of money routes', async () => {
    const document = (await api().get('/api/docs-json').expect(200)).body;
    expect(document.paths['/api/v1/auth/login/second-factor']?.post).toBeDefined();
    expect(document.paths['/api/v1/me/second-factor/confirm']?.post).toBeDefined();
    const login =
      document.paths['/api/v1/auth/login'].post.responses['200'].content['application/json'].schema;
    expect(login.oneOf).toHaveLength(2);
  });
});
