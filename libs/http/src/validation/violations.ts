import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { Violation } from './validation-messages.js';

const INDEX = /^\d+$/;

/** When a value has the wrong type, its other rules (length, range…) say nothing useful: only the type is reported. */
const TYPE_CONSTRAINTS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isDate',
  'nestedValidation',
]);

/** `a` + `b` → `a.b`; `a` + `0` → `a[0]`; the root object has no name. */
export function joinFieldPath(parent: string, property: string): string {
  if (INDEX.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

interface ConstraintDetails {
  args: readonly unknown[];
  each: boolean;
}

/** The arguments a rule was declared with (`@MinLength(10)` → `[10]`), read from class-validator's metadata. */
function constraintDetails(
  target: object | undefined,
  property: string,
  constraint: string,
): ConstraintDetails {
  if (target === undefined || target === null) return { args: [], each: false };
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === constraint || m.type === constraint));
  return { args: metadata?.constraints ?? [], each: metadata?.each ?? false };
}

/** Flattens class-validator's error tree into one violation per failed rule, each naming the field's full path. */
export function toViolations(errors: readonly ValidationError[], parentPath = ''): Violation[] {
  return errors.flatMap((error) => {
    const property = error.property ?? '';
    const field = property === '' ? parentPath : joinFieldPath(parentPath, property);
    const failed = Object.keys(error.constraints ?? {});
    const typeFailures = failed.filter((constraint) => TYPE_CONSTRAINTS.has(constraint));
    const reported = typeFailures.length > 0 ? typeFailures : failed;
    const own = reported.map((constraint): Violation => {
      const details = constraintDetails(error.target, property, constraint);
      return { field: field === '' ? 'body' : field, constraint, ...details };
    });
    return [...own, ...toViolations(error.children ?? [], field)];
  });
}
