import type { RetryPolicy } from '../messaging.options.js';

/** Delay before attempt `attempt + 1` after `attempt` failures (1-based): exponential, capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const delay = policy.initialDelayMs * policy.multiplier ** (attempt - 1);
  return Math.min(Math.round(delay), policy.maxDelayMs);
}

export function hasAttemptsLeft(policy: RetryPolicy, attempt: number): boolean {
  return attempt < policy.maxAttempts;
}
