import { createHmac } from 'node:crypto';
import { Role } from '@khoinghiep/contracts';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenService } from './access-token.service.js';
import { AccessTokenExpiredError, InvalidAccessTokenError } from './auth.errors.js';
import type { AuthenticatedUser } from './authenticated-user.js';

const secret = 'test-secret-that-is-long-enough-for-hs256';
const lan: AuthenticatedUser = {
  id: 'u-1',
  email: 'lan@example.vn',
  name: 'Nguyễn Thị Lan',
  roles: [Role.Founder],
};

/** A token signed with `key`; an option or claim given as `undefined` is left out. */
function forge(payload: object, options: Record<string, unknown> = {}, key = secret): string {
  const defined = (record: object) =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
  return new JwtService({ secret: key }).sign(
    defined(payload),
    defined({
      algorithm: 'HS256',
      issuer: 'khoinghiep-hub',
      audience: 'khoinghiep-hub',
      subject: 'u-1',
      expiresIn: 60,
      ...options,
    }),
  );
}

const standardClaims = () => ({
  sub: 'u-1',
  iss: 'khoinghiep-hub',
  aud: 'khoinghiep-hub',
  iat: Math.floor(Date.now() / 1000),
});

/** HS256 by hand, for claims jsonwebtoken refuses to sign. */
function signRaw(claims: object): string {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

describe('AccessTokenService', () => {
  const tokens = new AccessTokenService({ secret, accessTokenTtl: '15m' });

  it('issues a bearer token that verifies back to the same user', () => {
    const issued = tokens.issue(lan);
    expect(issued).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    // A token signed after the password alone says so: `amr` is `['pwd']`.
    expect(tokens.verify(issued.accessToken)).toEqual({ ...lan, amr: ['pwd'] });
  });

  it('puts sub, email, name, roles, issuer, audience and expiry in the token', () => {
    const { accessToken } = tokens.issue(lan);
    const claims = new JwtService().decode<Record<string, unknown>>(accessToken);
    expect(claims).toMatchObject({
      sub: 'u-1',
      email: 'lan@example.vn',
      name: 'Nguyễn Thị Lan',
      roles: ['founder'],
      iss: 'khoinghiep-hub',
      aud: 'khoinghiep-hub',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
  });

  it('tells the dates and security version a token was issued with', () => {
    const verified = tokens.verifyToken(tokens.issue(lan, 3).accessToken);
    expect(verified.user).toEqual({ ...lan, amr: ['pwd'] });
    expect(verified.securityVersion).toBe(3);
    expect(verified.expiresAt.getTime() - verified.issuedAt.getTime()).toBe(900_000);
    expect(tokens.verifyToken(tokens.issue(lan).accessToken).securityVersion).toBe(0);
  });

  const claims = { email: lan.email, name: lan.name, roles: lan.roles, sv: 0 };

  it('accepts a well-formed token made elsewhere with the same key', () => {
    // Without `amr` (tokens issued before the second factor existed): the password only.
    expect(tokens.verify(forge(claims))).toEqual({ ...lan, amr: ['pwd'] });
    expect(tokens.verify(forge({ ...claims, amr: ['pwd', 'otp'] })).amr).toEqual(['pwd', 'otp']);
  });

  it.each([
    ['without an expiry', () => forge(claims, { expiresIn: undefined })],
    ['without an issue time', () => forge(claims, { noTimestamp: true })],
    ['with an expiry that is not a number', () => signRaw({ ...standardClaims(), ...claims, exp: 'never' })],
    ['without a security version', () => forge({ ...claims, sv: undefined })],
    ['with a negative security version', () => forge({ ...claims, sv: -1 })],
    ['with a fractional security version', () => forge({ ...claims, sv: 1.5 })],
    ['with an unknown authentication method', () => forge({ ...claims, amr: ['pwd', 'face'] })],
    ['with an empty amr', () => forge({ ...claims, amr: [] })],
    ['with an amr that is not a list', () => forge({ ...claims, amr: 'otp' })],
  ])('refuses a token %s', (_case, token) => {
    expect(() => tokens.verify(token())).toThrow(InvalidAccessTokenError);
  });

  it('refuses an expired token with its own error', () => {
    const expired = forge({ email: lan.email, name: lan.name, roles: lan.roles }, { expiresIn: -10 });
    expect(() => tokens.verify(expired)).toThrow(AccessTokenExpiredError);
  });

  it.each([
    [
      'signed with another key',
      () => forge({ email: 'a@b.vn', name: 'A', roles: ['admin'] }, {}, 'another-key-xxxxxxxx'),
    ],
    ['for another audience', () => forge({ email: 'a@b.vn', name: 'A', roles: [] }, { audience: 'other' })],
    ['from another issuer', () => forge({ email: 'a@b.vn', name: 'A', roles: [] }, { issuer: 'evil' })],
    ['with an unknown role', () => forge({ email: 'a@b.vn', name: 'A', roles: ['superuser'] })],
    ['without an email', () => forge({ name: 'A', roles: [] })],
    [
      'unsigned (alg none)',
      () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"u-1","email":"a@b.vn","name":"A","roles":["admin"],"iss":"khoinghiep-hub","aud":"khoinghiep-hub"}').toString('base64url')}.`,
    ],
    ['that is not a JWT', () => 'not-a-token'],
  ])('refuses a token %s', (_case, token) => {
    expect(() => tokens.verify(token())).toThrow(InvalidAccessTokenError);
  });

  it('refuses a token whose payload was altered', () => {
    const [header, , signature] = tokens.issue(lan).accessToken.split('.');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'u-1',
        email: lan.email,
        name: lan.name,
        roles: ['admin'],
        iss: 'khoinghiep-hub',
        aud: 'khoinghiep-hub',
        exp: 9999999999,
      }),
    ).toString('base64url');
    expect(() => tokens.verify(`${header}.${payload}.${signature}`)).toThrow(InvalidAccessTokenError);
  });

  it('refuses to start without a secret or with a bad lifetime', () => {
    expect(() => new AccessTokenService({ secret: '' })).toThrow(/secret/);
    expect(() => new AccessTokenService({ secret, accessTokenTtl: 'soon' })).toThrow(/duration/);
  });
});
