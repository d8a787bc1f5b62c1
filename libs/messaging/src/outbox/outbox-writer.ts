import type { EventEnvelope } from '@khoinghiep/contracts';
import type { EntityManager } from 'typeorm';

export interface OutboxRow {
  topic: string;
  envelope: EventEnvelope;
}

/** Kafka keys are aggregate ids; the outbox column holds 200 characters. */
export const MAX_KEY_LENGTH = 200;

/**
 * The largest message the broker takes (its `message.max.bytes`, 1 MiB by default, less the batch overhead);
 * set from the messaging options at boot (`maxMessageBytes`).
 */
const limits = { maxMessageBytes: 1_000_000 };

export function setMaxMessageBytes(bytes: number): void {
  limits.maxMessageBytes = bytes;
}

/** An event Kafka would refuse: recording it fails the command, rather than parking it in the relay later. */
export class UnpublishableEventError extends Error {
  constructor(
    readonly type: string,
    readonly problem: string,
  ) {
    super(`event ${type} cannot be published: ${problem}`);
    this.name = 'UnpublishableEventError';
  }
}

/** Throws for an event Kafka would refuse for good: a key too long, or a message over the broker's limit. */
export function checkPublishable({ envelope }: OutboxRow): void {
  const key = envelope.aggregateId;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new UnpublishableEventError(envelope.type, `key of ${key.length} characters (1–${MAX_KEY_LENGTH})`);
  }
  // Value and key; headers repeat a few envelope fields, which the value already bounds.
  const bytes = Buffer.byteLength(JSON.stringify(envelope)) * 1.1 + Buffer.byteLength(key);
  if (bytes > limits.maxMessageBytes) {
    throw new UnpublishableEventError(
      envelope.type,
      `about ${Math.round(bytes)} bytes, over the ${limits.maxMessageBytes} the broker takes`,
    );
  }
}

const COLUMNS = 6;
// Well under PostgreSQL's 65535 bind parameters per statement.
const ROWS_PER_STATEMENT = 1000;

/**
 * Inserts the transaction's events into the outbox, in recording order (which becomes their `seq` order), after
 * checking that Kafka will take every one.
 */
export async function insertOutboxRows(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
  rows.forEach(checkPublishable);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const placeholders = chunk.map((_row, index) => {
      const n = index * COLUMNS;
      return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}::jsonb)`;
    });
    const parameters = chunk.flatMap(({ topic, envelope }) => [
      envelope.id,
      topic,
      envelope.aggregateId,
      envelope.type,
      envelope.version,
      JSON.stringify(envelope),
    ]);
    await manager.query(
      `INSERT INTO outbox_event (id, topic, key, type, version, envelope) VALUES ${placeholders.join(', ')}`,
      parameters,
    );
  }
}
