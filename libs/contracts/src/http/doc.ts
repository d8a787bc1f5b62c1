import { ValidateIf } from 'class-validator';

/** Text a person reads, Vietnamese first. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** What class-validator cannot say about a field: its meaning in both languages and an example value. */
export interface FieldDoc extends Partial<Bilingual> {
  example?: unknown;
}

const FIELD_DOC = Symbol.for('khoinghiep:field-doc');
const NULLABLE = Symbol.for('khoinghiep:nullable');

/** Describes a field of a body, query or view for the OpenAPI document (read by the schema generation). */
export function Doc(doc: FieldDoc): PropertyDecorator {
  return (target, key) => {
    const docs: Record<string, FieldDoc> = { ...(Reflect.getMetadata(FIELD_DOC, target) ?? {}) };
    docs[String(key)] = doc;
    Reflect.defineMetadata(FIELD_DOC, docs, target);
  };
}

/**
 * A field that is always present but may be `null` (views): its other rules apply only to a value, and the schema
 * says `nullable` while keeping it required.
 */
export function Nullable(): PropertyDecorator {
  return (target, key) => {
    ValidateIf((_object: unknown, value: unknown) => value !== null)(target, key);
    const fields: string[] = [...(Reflect.getMetadata(NULLABLE, target) ?? []), String(key)];
    Reflect.defineMetadata(NULLABLE, fields, target);
  };
}

/** The `@Doc` of every documented field of a class, its parents' included. */
export function fieldDocsOf(type: abstract new (...args: never[]) => object): Record<string, FieldDoc> {
  return { ...(Reflect.getMetadata(FIELD_DOC, type.prototype) ?? {}) };
}

/** The `@Nullable` fields of a class, its parents' included. */
export function nullableFieldsOf(type: abstract new (...args: never[]) => object): readonly string[] {
  return Reflect.getMetadata(NULLABLE, type.prototype) ?? [];
}
