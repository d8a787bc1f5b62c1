import type { EventContract, EventEnvelope } from '@khoinghiep/contracts';
import type { EventOrigin } from './event-origin.js';

/** Wraps a payload in the envelope its contract and origin call for. */
export function buildEnvelope<P extends object>(
  contract: EventContract<P>,
  aggregateId: string,
  payload: P,
  origin: EventOrigin,
  stamp: { id: string; occurredAt: Date },
): EventEnvelope<P> {
  return {
    id: stamp.id,
    type: contract.type,
    version: contract.version,
    occurredAt: stamp.occurredAt.toISOString(),
    aggregateType: contract.aggregateType,
    aggregateId,
    actor: origin.actor,
    correlationId: origin.correlationId,
    causationId: origin.causationId,
    payload,
  };
}
