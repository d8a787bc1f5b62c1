import { plainToInstance } from 'class-transformer';
import { type ValidationError, type ValidatorOptions, validateSync } from 'class-validator';
import type { EventContract } from './define-event.js';
import { EventEnvelopeDto } from './envelope.dto.js';
import type { EventEnvelope } from './envelope.js';

export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: string[] };

/**
 * Writers are strict and readers tolerant: a producer may only write what its contract says (unknown fields are
 * an error, as at the HTTP edge), while a consumer ignores and strips what a newer writer added, so an event that
 * gained an optional field is still read by every consumer built before it (ADR 0007).
 */
export type ValidationMode = 'writer' | 'reader';

const MODES: Record<ValidationMode, ValidatorOptions> = {
  writer: {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  },
  reader: {
    whitelist: true,
    forbidNonWhitelisted: false,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  },
};

/**
 * Parses a Kafka message value, as a reader, into an envelope whose payload is still unchecked: unknown envelope
 * fields are dropped and actor roles are read as plain strings.
 */
export function parseEnvelope(
  raw: string | Buffer | null,
): Validated<EventEnvelope<Record<string, unknown>>> {
  if (raw === null || raw.length === 0) {
    return { ok: false, problems: ['message has no value'] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch (error) {
    return { ok: false, problems: [`value is not JSON: ${(error as Error).message}`] };
  }
  if (!isPlainObject(json)) {
    return { ok: false, problems: ['value is not a JSON object'] };
  }
  const dto = plainToInstance(EventEnvelopeDto, json);
  const problems = flattenValidationErrors(validateSync(dto, MODES.reader));
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  const { id, type, version, occurredAt, aggregateType, aggregateId, actor, correlationId, causationId } =
    dto;
  return {
    ok: true,
    value: {
      id,
      type,
      version,
      occurredAt,
      aggregateType,
      aggregateId,
      actor: { userId: actor.userId, roles: actor.roles },
      correlationId,
      causationId,
      payload: dto.payload,
    },
  };
}

/**
 * Checks a payload against its contract's class, strictly for a `writer` recording it, tolerantly for a `reader`
 * (unknown fields stripped); the value is an instance of that class.
 */
export function validatePayload<P extends object>(
  contract: EventContract<P>,
  payload: unknown,
  mode: ValidationMode = 'writer',
): Validated<P> {
  if (!isPlainObject(payload) && !(payload instanceof contract.payload)) {
    return { ok: false, problems: ['payload is not an object'] };
  }
  // Through JSON first, so the producer checks exactly what the consumer will read.
  const plain: unknown = JSON.parse(JSON.stringify(payload));
  const instance = plainToInstance(contract.payload, plain);
  const problems = flattenValidationErrors(validateSync(instance, MODES[mode]), 'payload');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: instance };
}

/** `field.path: message` lines, the field named as a dotted path. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
