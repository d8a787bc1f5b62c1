import type { IHeaders } from 'kafkajs';

/** What the relay puts in Kafka headers, so tools can route and trace without parsing the value. */
export interface EventHeaderFields {
  id: string;
  type: string;
  version: number;
  correlationId: string;
  causationId: string | null;
  /** The actor as JSON. */
  actor: string;
}

export function eventHeaders(fields: EventHeaderFields): IHeaders {
  return {
    'event-id': fields.id,
    'event-type': fields.type,
    'event-version': String(fields.version),
    'correlation-id': fields.correlationId,
    'causation-id': fields.causationId ?? '',
    actor: fields.actor,
  };
}

/** A header's value as text, whatever form kafkajs delivered it in. */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
