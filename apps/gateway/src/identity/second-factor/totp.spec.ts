import { acceptedStep, newTotpSecret, stepAt, TOTP_PERIOD_SECONDS, totpCode, totpUri } from './totp.js';

const secret = newTotpSecret();
/** The start of a step, so that "a few seconds later" stays in the same step. */
const at = new Date(Math.floor(Date.UTC(2026, 10, 29, 8, 0, 0) / 30_000) * 30_000);
const seconds = (n: number) => new Date(at.getTime() + n * 1000);

describe('TOTP codes (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits: 287082.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(rfcSecret, new Date(59_000))).toBe('287082');
    expect(acceptedStep(rfcSecret, '287082', new Date(59_000), null)).toBe(1);
  });

  it('accepts the code of the current step and refuses a wrong one', () => {
    const code = totpCode(secret, at);
    expect(acceptedStep(secret, code, seconds(10), null)).toBe(stepAt(at));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(acceptedStep(secret, wrong, at, null)).toBeNull();
  });

  it('allows one step of clock drift either way, and no more', () => {
    const code = totpCode(secret, at);
    expect(acceptedStep(secret, code, seconds(TOTP_PERIOD_SECONDS), null)).toBe(stepAt(at));
    expect(acceptedStep(secret, code, seconds(-TOTP_PERIOD_SECONDS), null)).toBe(stepAt(at));
    expect(acceptedStep(secret, code, seconds(2 * TOTP_PERIOD_SECONDS), null)).toBeNull();
    expect(acceptedStep(secret, code, seconds(-2 * TOTP_PERIOD_SECONDS), null)).toBeNull();
  });

  it('refuses a code replayed within its window, and an older one after a newer was used', () => {
    const code = totpCode(secret, at);
    const step = acceptedStep(secret, code, at, null);
    expect(step).toBe(stepAt(at));
    expect(acceptedStep(secret, code, seconds(5), step)).toBeNull();
    const next = totpCode(secret, seconds(TOTP_PERIOD_SECONDS));
    const later = acceptedStep(secret, next, seconds(TOTP_PERIOD_SECONDS), step);
    expect(later).toBe(stepAt(at) + 1);
    // The previous step is within the drift window, but older than the last code used.
    expect(acceptedStep(secret, code, seconds(TOTP_PERIOD_SECONDS), later)).toBeNull();
  });

  it('refuses anything that is not six digits', () => {
    for (const typed of ['', '12345', '1234567', 'abcdef', ' 123456', '12 456']) {
      expect(acceptedStep(secret, typed, at, null)).toBeNull();
    }
  });

  it('gives an otpauth:// URI an authenticator app reads', () => {
    const uri = new URL(totpUri(secret, 'lan@example.vn'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toContain('lan@example.vn');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      secret,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
