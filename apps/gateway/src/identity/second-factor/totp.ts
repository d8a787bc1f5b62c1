import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every common authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** Codes of one step before or after the server's are accepted: about ±30 s of clock drift. */
export const DRIFT_STEPS = 1;
export const TOTP_ISSUER = 'Khởi nghiệp Hub';

/** A fresh random 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The `otpauth://totp/…` URI to show as a QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totp(secretBase32, accountEmail).toString();
}

/** The code an authenticator shows at `at` (tests, and nothing else, need it). */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

/** The time step of a moment: the number of whole periods since the epoch. */
export function stepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step a code belongs to, if it is right at `at` within the drift window and later than `lastUsedStep`
 * (a code accepted once is never accepted again, nor an older one); `null` otherwise.
 */
export function acceptedStep(
  secretBase32: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: at.getTime(), window: DRIFT_STEPS });
  if (delta === null) return null;
  const step = stepAt(at) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}
