import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { Violation } from './validation-messages.js';

const INDEX = /^\d+$/;

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
    const own = Object.keys(error.constraints ?? {}).map((constraint): Violation => {
      const details = constraintDetails(error.target, property, constraint);
      return { field: field === '' ? 'body' : field, constraint, ...details };
    });
    return [...own, ...toViolations(error.children ?? [], field)];
  });
}
