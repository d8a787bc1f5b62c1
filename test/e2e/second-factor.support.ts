import { Secret, TOTP } from 'otpauth';
import { api } from './gateway-api.js';
import type { Actor } from './projects.support.js';

/** What an authenticator app with this secret shows, `stepsAhead` 30-second steps from now. */
export function totpCodeOf(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/**
 * Enrols a TOTP authenticator for a signed-in actor (e.g. `staff('fund_approver')`) and answers the actor with a
 * token issued with the second factor, for money routes (`secondFactor: true`). Never use it on the platform's
 * first admin: other tests sign in as that admin with a password alone.
 */
export async function withSecondFactor(actor: Actor): Promise<Actor & { secret: string }> {
  const begun = await api()
    .post('/api/v1/me/second-factor')
    .set('authorization', actor.auth)
    .send({ method: 'totp' });
  if (begun.status !== 200) throw new Error(`enrol: ${begun.status} ${JSON.stringify(begun.body)}`);
  const confirmed = await api()
    .post('/api/v1/me/second-factor/confirm')
    .set('authorization', actor.auth)
    .send({ code: totpCodeOf(begun.body.secret) });
  if (confirmed.status !== 200)
    throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return { ...actor, auth: `Bearer ${confirmed.body.accessToken}`, secret: begun.body.secret };
}
