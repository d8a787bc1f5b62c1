import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import randexpModule from 'randexp';
import type { ContractShape, FieldShape } from '../src/contract-shape.js';
import type { PayloadClass } from '../src/define-event.js';
import { IsPointsRecord } from '../src/matching/match-weights-events.js';

// Test support for the compatibility test (not exported by the package): payloads made from a recorded shape's
// rules, and the reader a recorded shape describes, so both directions of every contract version can be checked.

// randexp replaces module.exports with its class; its typings describe the ES-module `default` instead.
const RandExp = randexpModule as unknown as typeof randexpModule.default;

/** A field no contract has: every sample carries it, to prove readers tolerate what newer writers add. */
export const UNKNOWN_FIELD = 'addedByANewerWriter';

export interface PayloadSample {
  name: string;
  payload: Record<string, unknown>;
}

interface Rule {
  name: string;
  args: unknown[];
  each: boolean;
}

function parseRule(text: string): Rule {
  const each = text.startsWith('each:');
  const call = /^([A-Za-z0-9]+)(?:\((.*)\))?$/.exec(each ? text.slice(5) : text);
  if (!call) throw new Error(`cannot read rule ${text}`);
  const args = call[2] === undefined ? [] : (JSON.parse(`[${call[2]}]`) as unknown[]);
  return { name: call[1] as string, args, each };
}

function regExpOf(text: unknown): RegExp {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(String(text));
  if (!literal) throw new Error(`not a regular expression: ${String(text)}`);
  return new RegExp(literal[1] as string, literal[2]);
}

type Decorate = (args: unknown[], options: ValidationOptions) => PropertyDecorator;

/** The class-validator decorator behind each recorded rule name. */
const DECORATORS: Record<string, Decorate> = {
  arrayMaxSize: ([size], options) => ArrayMaxSize(Number(size), options),
  arrayMinSize: ([size], options) => ArrayMinSize(Number(size), options),
  arrayUnique: (_args, options) => ArrayUnique(options),
  isArray: (_args, options) => IsArray(options),
  isBoolean: (_args, options) => IsBoolean(options),
  isIn: ([values], options) => IsIn(values as unknown[], options),
  isInt: (_args, options) => IsInt(options),
  isIso8601: ([settings], options) => IsISO8601(settings as object, options),
  isNotEmpty: (_args, options) => IsNotEmpty(options),
  isPointsRecord: ([keys, total], options) => IsPointsRecord(keys as string[], Number(total), options),
  isString: (_args, options) => IsString(options),
  isUuid: ([version], options) => IsUUID(version as undefined, options),
  matches: ([pattern], options) => Matches(regExpOf(pattern), options),
  max: ([limit], options) => Max(Number(limit), options),
  maxLength: ([limit], options) => MaxLength(Number(limit), options),
  min: ([limit], options) => Min(Number(limit), options),
  minLength: ([limit], options) => MinLength(Number(limit), options),
};

/** The payload class a reader built from `shape` would have had. */
export function readerClassOf(shape: ContractShape): PayloadClass<object> {
  class RecordedPayload {}
  for (const [name, field] of Object.entries(shape.fields)) {
    const decorate = (decorator: PropertyDecorator) => decorator(RecordedPayload.prototype, name);
    if (field.optional && field.nullable) decorate(IsOptional());
    else if (field.optional) decorate(ValidateIf((_object, value) => value !== undefined));
    else if (field.nullable) decorate(ValidateIf((_object, value) => value !== null));
    for (const rule of field.rules.map(parseRule)) {
      const decorator = DECORATORS[rule.name];
      if (!decorator) throw new Error(`field ${name}: no decorator known for rule ${rule.name}`);
      decorate(decorator(rule.args, { each: rule.each }));
    }
  }
  return RecordedPayload;
}

/** A value that passes `rules` (those of the value itself, without `each:`). */
function scalarOf(rules: Rule[], field: string): unknown {
  const find = (name: string) => rules.find((rule) => rule.name === name)?.args;
  const listed = find('isIn');
  if (listed) return (listed[0] as unknown[])[0];
  if (find('isUuid')) return '0f8fad5b-d9cb-469f-a165-70867728950e';
  const pattern = find('matches');
  if (pattern) return new RandExp(regExpOf(pattern[0])).gen();
  if (find('isIso8601')) return '2026-01-02T03:04:05.678Z';
  const points = find('isPointsRecord');
  if (points) {
    const [keys, total] = points as [string[], number];
    return Object.fromEntries(keys.map((key, index) => [key, index === 0 ? total : 0]));
  }
  if (find('isBoolean')) return true;
  if (find('isInt')) return Number(find('min')?.[0] ?? find('max')?.[0] ?? 1);
  if (find('isString')) return 'x'.repeat(Math.max(1, Number(find('minLength')?.[0] ?? 1)));
  throw new Error(`field ${field}: no sample known for rules ${JSON.stringify(rules)}`);
}

function sampleValue(field: FieldShape, name: string): unknown {
  const rules = field.rules.map(parseRule);
  if (!rules.some((rule) => rule.name === 'isArray' && !rule.each)) return scalarOf(rules, name);
  const elements = rules.filter((rule) => rule.each);
  return elements.length > 0 ? [scalarOf(elements, name)] : [];
}

/**
 * Payloads `shape` accepts, as JSON: every field with a value; each nullable field null; each optional field
 * absent. Every one also carries an unknown field.
 */
export function samplesOf(shape: ContractShape): PayloadSample[] {
  const fields = Object.entries(shape.fields);
  const full: Record<string, unknown> = {
    ...Object.fromEntries(fields.map(([name, field]) => [name, sampleValue(field, name)])),
    [UNKNOWN_FIELD]: 'a field from a newer writer',
  };
  const samples: PayloadSample[] = [{ name: 'every field set', payload: full }];
  for (const [name, field] of fields) {
    if (field.nullable) samples.push({ name: `${name} null`, payload: { ...full, [name]: null } });
    if (field.optional) {
      const { [name]: _left, ...without } = full;
      samples.push({ name: `${name} absent`, payload: without });
    }
  }
  return samples;
}
