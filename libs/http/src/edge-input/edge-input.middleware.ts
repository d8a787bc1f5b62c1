import type { NextFunction, Request, Response } from 'express';
import { ValidationProblemError } from '../validation/validation-problem.error.js';
import { EDGE_INPUT_RULES, type EdgeInputRules, inspectInput } from './inspect-input.js';

/**
 * Installed after the body parsers and before any route: every body and query string of every route, present and
 * future, arrives normalised and free of characters no field may hold, or the request is a `400` naming the field.
 */
export function edgeInputMiddleware(rules: EdgeInputRules = EDGE_INPUT_RULES) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const body = inspectInput(request.body, rules);
    const query = inspectInput(request.query, rules);
    const violations = [...body.violations, ...query.violations];
    if (violations.length > 0) {
      next(new ValidationProblemError(violations));
      return;
    }
    request.body = body.value;
    // Express 5 parses `req.query` anew on every read; the normalised copy must shadow that getter to be seen.
    Object.defineProperty(request, 'query', {
      value: query.value,
      writable: true,
      configurable: true,
      enumerable: true,
    });
    next();
  };
}
