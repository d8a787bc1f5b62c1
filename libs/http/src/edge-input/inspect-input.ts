import type { Violation } from '../validation/validation-messages.js';
import { joinFieldPath } from '../validation/violations.js';
import { forbiddenCharacterIn, normaliseText, printableText } from './edge-text.js';

export interface EdgeInputRules {
  /** Deepest nesting of objects and arrays accepted; the validation that follows recurses. */
  maxDepth: number;
  /** Fields whose text is checked but never altered (a password is exactly what was typed). */
  isSecret: (key: string) => boolean;
  /** Inspection stops after this many violations, so a huge body cannot make a huge answer. */
  maxViolations: number;
}

/** Field names holding secrets: `password`, `currentPassword`, `clientSecret`… */
const SECRET_KEY = /password|secret/i;

export const EDGE_INPUT_RULES: EdgeInputRules = {
  maxDepth: 32,
  isSecret: (key) => SECRET_KEY.test(key),
  maxViolations: 20,
};

type Container = Record<string, unknown> | unknown[];

interface Slot {
  container: Container;
  key: string;
  path: string;
  depth: number;
  secret: boolean;
}

const violation = (field: string, constraint: string, args: readonly unknown[] = []): Violation => ({
  field: field === '' ? 'body' : field,
  constraint,
  args,
  each: false,
});

/**
 * Walks parsed input (a JSON body, a query string) with an explicit stack (a recursive walk is what thousands of
 * nested arrays overflow), normalising every text in place and reporting what no field may hold: text with a
 * forbidden character, field names with one, and nesting deeper than `maxDepth`.
 */
export function inspectInput(
  root: unknown,
  rules: EdgeInputRules = EDGE_INPUT_RULES,
): {
  value: unknown;
  violations: Violation[];
} {
  const box: Record<string, unknown> = { root };
  const violations: Violation[] = [];
  const pending: Slot[] = [{ container: box, key: 'root', path: '', depth: 0, secret: false }];

  while (pending.length > 0 && violations.length < rules.maxViolations) {
    const { container, key, path, depth, secret } = pending.pop() as Slot;
    const value = (container as Record<string, unknown>)[key];
    if (typeof value === 'string') {
      const forbidden = forbiddenCharacterIn(value);
      if (forbidden) violations.push(violation(path, forbidden));
      else if (!secret) (container as Record<string, unknown>)[key] = normaliseText(value);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= rules.maxDepth) {
      violations.push(violation(path, 'maxDepth', [rules.maxDepth]));
      continue;
    }
    const child = value as Container;
    const keys = Object.keys(child);
    // Reversed onto the stack so fields are inspected, and reported, in their order.
    for (const childKey of keys.reverse()) {
      const childPath = joinFieldPath(path, printableText(childKey));
      if (!Array.isArray(child) && forbiddenCharacterIn(childKey)) {
        violations.push(violation(childPath, 'forbiddenFieldName'));
        continue;
      }
      pending.push({
        container: child,
        key: childKey,
        path: childPath,
        depth: depth + 1,
        secret: secret || (!Array.isArray(child) && rules.isSecret(childKey)),
      });
    }
  }
  return { value: box.root, violations: violations.slice(0, rules.maxViolations) };
}
