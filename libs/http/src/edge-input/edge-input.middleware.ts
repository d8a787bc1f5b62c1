import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ValidationProblemError } from '../validation/validation-problem.error.js';
import { EDGE_INPUT_RULES, type EdgeInputRules, inspectInput } from './inspect-input.js';

const carriesBody = (request: Request): boolean =>
  Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;

/**
 * Installed after the body parsers and before any route: every body and query string of every route, present and
 * future, arrives normalised and free of characters no field may hold, or the request is a `400` naming the field.
 * A body none of the parsers read (`bodyTypes`) is a `415`, rather than a request that goes on as if it had none.
 */
export function edgeInputMiddleware(bodyTypes: readonly string[], rules: EdgeInputRules = EDGE_INPUT_RULES) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (carriesBody(request) && !request.is([...bodyTypes])) {
      next(new UnsupportedMediaTypeException());
      return;
    }
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
