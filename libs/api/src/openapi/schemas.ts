/// <reference path="../class-transformer-storage.d.ts" />
import { type Class, fieldDocsOf, nullableFieldsOf } from '@khoinghiep/contracts';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import {
  IS_DEFINED,
  IS_INT,
  IS_ISO8601,
  IS_OPTIONAL,
  IS_URL,
  MAX,
  MIN,
  ValidationTypes,
} from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters.js';
import type { IOptions } from 'class-validator-jsonschema/build/options.js';

/** A JSON Schema (OpenAPI 3.0 dialect) as generated; loose by nature. */
export type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] };

export const SCHEMA_REF_PREFIX = '#/components/schemas/';
export const schemaRef = (name: string) => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });

/** Bilingual text as the document shows it: Vietnamese first. */
export const bilingual = (text: { vi: string; en: string }) => `${text.vi} / ${text.en}`;

/**
 * Turns classes into JSON schemas from their class-validator rules (the same rules that validate requests), their
 * `@Doc` and `@Nullable` marks, and collects the classes they nest so that each becomes one named schema.
 */
export class SchemaCollector {
  readonly schemas: Record<string, Schema> = {};
  private readonly pending: Class[] = [];

  private readonly options: Partial<IOptions> = {
    refPointerPrefix: SCHEMA_REF_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: this.converters(),
  };

  /** A `$ref` to the schema of `type`, generated with everything it nests. */
  ref(type: Class): { $ref: string } {
    this.add(type);
    return schemaRef(type.name);
  }

  /** The schema of `type` itself, not named (query parameters are listed one by one); what it nests is named. */
  schemaOf(type: Class): Schema {
    const schema = this.generate(type);
    this.drain();
    return schema;
  }

  private add(type: Class): void {
    this.pending.push(type);
    this.drain();
  }

  private drain(): void {
    while (this.pending.length > 0) {
      const next = this.pending.shift() as Class;
      if (this.schemas[next.name]) continue;
      this.schemas[next.name] = this.generate(next);
    }
  }

  private generate(type: Class): Schema {
    const schema = targetConstructorToSchema(type, this.options) as Schema;
    const properties = schema.properties ?? {};
    for (const [field, doc] of Object.entries(fieldDocsOf(type))) {
      const property = properties[field];
      if (!property) throw new Error(`${type.name}.${field} has @Doc but no validation rule`);
      if (doc.vi && doc.en) property.description = bilingual({ vi: doc.vi, en: doc.en });
      if (doc.example !== undefined) property.example = doc.example;
    }
    for (const [field, property] of Object.entries(properties)) {
      // Words beside a `$ref` are ignored in OpenAPI 3.0: the reference goes into an `allOf`.
      if (typeof property.$ref === 'string' && Object.keys(property).length > 1) {
        const { $ref, ...rest } = property;
        properties[field] = { allOf: [{ $ref }], ...rest };
      }
    }
    const nullable = nullableFieldsOf(type);
    for (const field of nullable) (properties[field] as Schema).nullable = true;
    if (nullable.length > 0) schema.required = [...new Set([...(schema.required ?? []), ...nullable])];
    // OpenAPI 3.0.3: `nullable` does not widen an `enum`; null must be one of its values.
    for (const property of Object.values(properties)) {
      if (property.nullable && Array.isArray(property.enum)) property.enum = [...property.enum, null];
    }
    // A view or body lists every field it has: anything else is refused (bodies) or never sent (views).
    schema.additionalProperties = false;
    return schema;
  }

  private converters(): ISchemaConverters {
    return {
      [ValidationTypes.NESTED_VALIDATION]: (meta) => {
        const nested = defaultMetadataStorage.findTypeMetadata(meta.target as Class, meta.propertyName);
        const child = nested?.typeFunction() as Class | undefined;
        if (!child) throw new Error(`${meta.propertyName}: @ValidateNested needs @Type(() => Class)`);
        this.pending.push(child);
        return schemaRef(child.name);
      },
      // `@IsOptional()` lets `null` through as well as absence; `@ValidateIf` says nothing about the type.
      [ValidationTypes.CONDITIONAL_VALIDATION]: (meta) =>
        meta.name === IS_OPTIONAL ? { nullable: true } : {},
      // The defaults give `type: number` for bounds, which would override `integer` from @IsInt.
      [MIN]: (meta) => ({ minimum: meta.constraints[0] }),
      [MAX]: (meta) => ({ maximum: meta.constraints[0] }),
      [IS_INT]: { type: 'integer' },
      // The default `not: {type: 'null'}` is not OpenAPI 3.0; the field is listed as required, which says it all.
      [IS_DEFINED]: {},
      [IS_URL]: { type: 'string', format: 'uri' },
      [IS_ISO8601]: { type: 'string', format: 'date-time' },
    };
  }
}
