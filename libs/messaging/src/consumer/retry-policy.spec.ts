import type { RetryPolicy } from '../messaging.options.js';
import { backoffDelay, hasAttemptsLeft } from './retry-policy.js';

const policy: RetryPolicy = { maxAttempts: 4, initialDelayMs: 100, multiplier: 2, maxDelayMs: 350 };

describe('retry policy', () => {
  it('doubles the delay after each failed attempt up to the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 350, 350]);
  });

  it('allows exactly maxAttempts attempts', () => {
    expect([1, 2, 3, 4].map((attempt) => hasAttemptsLeft(policy, attempt))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
