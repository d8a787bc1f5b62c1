/** Kafka protocol errors that refuse the message itself: sending it again can never succeed. */
const REFUSED_MESSAGE_TYPES = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'INVALID_TOPIC_EXCEPTION',
]);

/** `error` and what it wraps (kafkajs nests the protocol error in `cause`/`originalError`, batches in `errors`). */
function* causes(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (typeof error !== 'object' || error === null || depth > 8) return;
  const fields = error as Record<string, unknown>;
  yield fields;
  for (const inner of [fields.cause, fields.originalError]) {
    if (inner !== error) yield* causes(inner, depth + 1);
  }
  if (Array.isArray(fields.errors)) {
    for (const inner of fields.errors) yield* causes(inner, depth + 1);
  }
}

/** Whether Kafka refused a message for good (too large, invalid), as opposed to being unreachable or busy. */
export function isRefusedForGood(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (typeof cause.type === 'string' && REFUSED_MESSAGE_TYPES.has(cause.type)) return true;
  }
  return false;
}

/** The innermost message of a kafkajs error, which says what Kafka answered. */
export function kafkaErrorText(error: unknown): string {
  const texts = [...causes(error)]
    .map((cause) =>
      typeof cause.type === 'string' ? `${cause.type}: ${cause.message}` : String(cause.message),
    )
    .filter((text) => text !== 'undefined');
  return texts.at(-1) ?? String(error);
}
