import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { IdempotencyKeyInvalidError, IdempotencyKeyRequiredError } from './idempotency.errors.js';

/** 16–128 URL-safe characters: a UUID fits, a counter or a timestamp alone does not. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** The key of a request, or the problem it is (missing → `400` naming the header, malformed → `400`). */
export function parseIdempotencyKey(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new IdempotencyKeyRequiredError();
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) throw new IdempotencyKeyInvalidError();
  return header;
}

/**
 * What makes two requests "the same" for a key: the operation, its path parameters and its body, with object keys
 * in a stable order (a client may serialise the same body differently on a retry), hashed with SHA-256.
 */
export function requestFingerprint(operationId: string, params: object, body: unknown): string {
  return createHash('sha256')
    .update(stableStringify({ operationId, params, body: body ?? null }))
    .digest('hex');
}
