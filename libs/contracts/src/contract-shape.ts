import { getMetadataStorage } from 'class-validator';
import type { EventContract } from './define-event.js';

/** One payload field as readers hold it: whether it may be left out or be null, and the rules of its value. */
export interface FieldShape {
  /** May be absent (`@IsOptional`). */
  optional: boolean;
  /** May be null (`@IsOptional`, or a `@ValidateIf` that skips null, as `Nullable()` does). */
  nullable: boolean;
  /** Rules of a present, non-null value, e.g. `maxLength(200)`, `each:isIn(["a","b"])`. */
  rules: string[];
}

/** What producers and consumers rely on in one contract: where it travels and each payload field's shape. */
export interface ContractShape {
  topic: string;
  aggregateType: string;
  fields: Record<string, FieldShape>;
}

/** Shapes by `<type>@v<version>`, the form of the committed snapshot `libs/contracts/event-contracts.json`. */
export type ContractShapes = Record<string, ContractShape>;

interface RuleMetadata {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

type Condition = (object: object, value: unknown) => boolean;

function argument(value: unknown): unknown {
  return value instanceof RegExp ? value.toString() : value;
}

function ruleOf(metadata: RuleMetadata): string {
  const name = metadata.name ?? metadata.type;
  const args = (metadata.constraints ?? []).filter((value) => value !== undefined && value !== null);
  const call = args.length > 0 ? `${name}(${JSON.stringify(args.map(argument)).slice(1, -1)})` : name;
  return metadata.each ? `each:${call}` : call;
}

/**
 * What a condition (`@IsOptional`, `@ValidateIf`) lets through, found by asking it, so the record says exactly
 * what the consumer will do: a skipped absent value means optional, a skipped null means nullable. A condition
 * that skips neither depends on something else and is recorded as an opaque rule.
 */
function presenceOf(metadata: RuleMetadata): Pick<FieldShape, 'optional' | 'nullable'> | 'conditional' {
  const condition = metadata.constraints?.[0] as Condition | undefined;
  if (typeof condition !== 'function') return 'conditional';
  const validates = (value: unknown) => condition({ [metadata.propertyName]: value }, value);
  try {
    const shape = { optional: !validates(undefined), nullable: !validates(null) };
    return shape.optional || shape.nullable ? shape : 'conditional';
  } catch {
    return 'conditional';
  }
}

export function shapeOf(contract: EventContract): ContractShape {
  const fields: Record<string, FieldShape> = {};
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    contract.payload,
    '',
    true,
    false,
  ) as RuleMetadata[];
  for (const metadata of metadatas) {
    const field = fields[metadata.propertyName] ?? { optional: false, nullable: false, rules: [] };
    fields[metadata.propertyName] = field;
    if (metadata.type !== 'conditionalValidation') {
      field.rules.push(ruleOf(metadata));
      continue;
    }
    const presence = presenceOf(metadata);
    if (presence === 'conditional') field.rules.push('conditional');
    else {
      field.optional ||= presence.optional;
      field.nullable ||= presence.nullable;
    }
  }
  const sorted = Object.keys(fields)
    .sort()
    .map((name) => {
      const { optional, nullable, rules } = fields[name] as FieldShape;
      return [name, { optional, nullable, rules: [...new Set(rules)].sort() }] as const;
    });
  return { topic: contract.topic, aggregateType: contract.aggregateType, fields: Object.fromEntries(sorted) };
}

export const contractKey = (contract: EventContract): string => `${contract.type}@v${contract.version}`;

export function shapesOf(contracts: EventContract[]): ContractShapes {
  const entries = contracts.map((contract) => [contractKey(contract), shapeOf(contract)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

const presence = (field: FieldShape): string =>
  field.optional
    ? field.nullable
      ? 'optional, nullable'
      : 'optional'
    : field.nullable
      ? 'nullable'
      : 'required';

/**
 * Changes to published contracts that would break a reader on the other side of a deployment, or a replay of
 * events already in a topic. Readers ignore unknown fields and writers are strict, so both directions count: old
 * events must stay valid for new readers, new events for old readers. Such a change needs a new contract version
 * instead. Compatible: new contracts, new versions, a new optional field, removing an optional field.
 */
export function breakingChanges(published: ContractShapes, current: ContractShapes): string[] {
  const problems: string[] = [];
  for (const [key, before] of Object.entries(published)) {
    const after = current[key];
    if (!after) {
      problems.push(`${key}: removed`);
      continue;
    }
    if (after.topic !== before.topic) problems.push(`${key}: topic ${before.topic} → ${after.topic}`);
    if (after.aggregateType !== before.aggregateType) {
      problems.push(`${key}: aggregateType ${before.aggregateType} → ${after.aggregateType}`);
    }
    for (const [name, was] of Object.entries(before.fields)) {
      const now = after.fields[name];
      if (!now) {
        // Old readers require it; new events would lack it.
        if (!was.optional) problems.push(`${key}: ${presence(was)} field ${name} removed`);
        continue;
      }
      // Either way round, events of one side would break the other side's readers.
      if (presence(now) !== presence(was)) {
        problems.push(`${key}: field ${name} ${presence(was)} → ${presence(now)}`);
      }
      if (now.rules.join(' ') !== was.rules.join(' ')) {
        problems.push(`${key}: field ${name} rules [${was.rules.join(', ')}] → [${now.rules.join(', ')}]`);
      }
    }
    for (const [name, now] of Object.entries(after.fields)) {
      // Old events lack it: new readers must not require it. Old readers ignore it.
      if (!before.fields[name] && !now.optional) {
        problems.push(`${key}: ${presence(now)} field ${name} added`);
      }
    }
  }
  return problems;
}
