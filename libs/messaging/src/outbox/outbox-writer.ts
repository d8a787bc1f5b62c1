import type { EventEnvelope } from '@khoinghiep/contracts';
import type { EntityManager } from 'typeorm';

export interface OutboxRow {
  topic: string;
  envelope: EventEnvelope;
}

const COLUMNS = 6;
// Well under PostgreSQL's 65535 bind parameters per statement.
const ROWS_PER_STATEMENT = 1000;

/** Inserts the transaction's events into the outbox, in recording order (which becomes their `seq` order). */
export async function insertOutboxRows(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
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
