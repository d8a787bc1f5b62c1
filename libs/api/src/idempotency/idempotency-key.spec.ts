import { IdempotencyKeyInvalidError, IdempotencyKeyRequiredError } from './idempotency.errors.js';
import { parseIdempotencyKey, requestFingerprint } from './idempotency-key.js';

describe('Idempotency-Key', () => {
  it('accepts a UUID and URL-safe keys of 16 to 128 characters', () => {
    expect(parseIdempotencyKey('0192f3c4-5a6b-7c8d-9e0f-a1b2c3d4e5f6')).toBe(
      '0192f3c4-5a6b-7c8d-9e0f-a1b2c3d4e5f6',
    );
    expect(parseIdempotencyKey('a'.repeat(16))).toHaveLength(16);
    expect(parseIdempotencyKey('A_b-'.repeat(32))).toHaveLength(128);
  });

  it('answers a missing key with a problem naming the header, and a malformed one with another', () => {
    expect(() => parseIdempotencyKey(undefined)).toThrow(IdempotencyKeyRequiredError);
    expect(() => parseIdempotencyKey('  ')).toThrow(IdempotencyKeyRequiredError);
    for (const bad of ['short', 'a'.repeat(129), 'has space in the key!', 'khóa-tiếng-việt-dài-quá']) {
      expect(() => parseIdempotencyKey(bad)).toThrow(IdempotencyKeyInvalidError);
    }
    expect(new IdempotencyKeyRequiredError()).toMatchObject({
      status: 400,
      extensions: { header: 'Idempotency-Key' },
    });
  });

  it('fingerprints a request by operation, path and body, whatever the order of the body keys', () => {
    const a = requestFingerprint('reverse', { id: '1' }, { reason: 'x', note: { b: 1, a: 2 } });
    expect(requestFingerprint('reverse', { id: '1' }, { note: { a: 2, b: 1 }, reason: 'x' })).toBe(a);
    expect(requestFingerprint('reverse', { id: '1' }, { reason: 'y', note: { b: 1, a: 2 } })).not.toBe(a);
    expect(requestFingerprint('reverse', { id: '2' }, { reason: 'x', note: { b: 1, a: 2 } })).not.toBe(a);
    expect(requestFingerprint('other', { id: '1' }, { reason: 'x', note: { b: 1, a: 2 } })).not.toBe(a);
  });
});
