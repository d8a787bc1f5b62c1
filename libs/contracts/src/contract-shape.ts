import { getMetadataStorage } from 'class-validator';
import type { EventContract } from './define-event.js';

/** What producers and consumers rely on in one contract: where it travels and each payload field's rules. */
export interface ContractShape {
  topic: string;
  aggregateType: string;
  /** Field name → its validation rules, e.g. `maxLength(200)`, `each:isIn(["a","b"])`, `optional`. */
  fields: Record<string, string[]>;
}

/** Shapes by `<type>@v<version>`, the form of the committed snapshot `libs/contracts/event-contracts.json`. */
export type ContractShapes = Record<string, ContractShape>;

const OPTIONAL = 'optional';

function argument(value: unknown): unknown {
  return value instanceof RegExp ? value.toString() : value;
}

function ruleOf(metadata: { type: string; name?: string; constraints?: unknown[]; each?: boolean }): string {
  // @IsOptional and @ValidateIf both register a condition: the field may be absent.
  if (metadata.type === 'conditionalValidation') return OPTIONAL;
  const name = metadata.name ?? metadata.type;
  const args = (metadata.constraints ?? []).filter((value) => value !== undefined && value !== null);
  const call = args.length > 0 ? `${name}(${JSON.stringify(args.map(argument)).slice(1, -1)})` : name;
  return metadata.each ? `each:${call}` : call;
}

export function shapeOf(contract: EventContract): ContractShape {
  const fields: Record<string, string[]> = {};
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(contract.payload, '', true, false);
  for (const metadata of metadatas) {
    const rules = fields[metadata.propertyName] ?? [];
    rules.push(ruleOf(metadata));
    fields[metadata.propertyName] = rules;
  }
  const sorted = Object.keys(fields)
    .sort()
    .map((field) => [field, [...new Set(fields[field])].sort()] as const);
  return { topic: contract.topic, aggregateType: contract.aggregateType, fields: Object.fromEntries(sorted) };
}

export const contractKey = (contract: EventContract): string => `${contract.type}@v${contract.version}`;

export function shapesOf(contracts: EventContract[]): ContractShapes {
  const entries = contracts.map((contract) => [contractKey(contract), shapeOf(contract)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Changes to published contracts that would break a producer or consumer on the other side of a deployment, or a
 * replay of events already in a topic. Such a change needs a new contract version instead. Compatible: new
 * contracts, new versions, new optional fields.
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
    for (const [field, rules] of Object.entries(before.fields)) {
      const now = after.fields[field];
      if (!now) problems.push(`${key}: field ${field} removed`);
      else if (now.join(' ') !== rules.join(' ')) {
        problems.push(`${key}: field ${field} rules [${rules.join(', ')}] → [${now.join(', ')}]`);
      }
    }
    for (const [field, rules] of Object.entries(after.fields)) {
      if (!before.fields[field] && !rules.includes(OPTIONAL))
        problems.push(`${key}: required field ${field} added`);
    }
  }
  return problems;
}
