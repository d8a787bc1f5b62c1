import type { EventEnvelope } from '@khoinghiep/contracts';
import type { Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

/** An envelope as another service's outbox relay writes it (fresh id, now, a test correlation id). */
export function envelopeOf(
  type: string,
  aggregate: { type: string; id: string },
  payload: object,
  actor: { userId: string; roles: string[] } = { userId: uuidv7(), roles: [] },
): EventEnvelope {
  return {
    id: uuidv7(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    actor,
    correlationId: `itest-${uuidv7()}`,
    causationId: null,
    payload,
  };
}

/** Puts `envelope` on `topic` keyed by its aggregate, with the headers the relay adds. */
export async function sendEvent(
  producer: Producer,
  topic: string,
  envelope: EventEnvelope,
): Promise<EventEnvelope> {
  await producer.send({
    topic,
    messages: [
      {
        key: envelope.aggregateId,
        value: JSON.stringify(envelope),
        headers: {
          'event-id': envelope.id,
          'event-type': envelope.type,
          'event-version': String(envelope.version),
          'correlation-id': envelope.correlationId,
          'causation-id': '',
          actor: JSON.stringify(envelope.actor),
        },
      },
    ],
  });
  return envelope;
}
