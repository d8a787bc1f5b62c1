import type { NestExpressApplication } from '@nestjs/platform-express';
import { edgeInputMiddleware } from './edge-input/edge-input.middleware.js';
import { ProblemDetailsFilter } from './problems/problem-details.filter.js';
import { createValidationPipe } from './validation/validation-pipe.js';

const JSON_TYPES = ['application/json', 'application/*+json'];
const FORM_TYPES = ['application/x-www-form-urlencoded'];

export interface HttpAppOptions {
  /** Largest accepted request body (JSON or form); larger ones get a `413` problem. Default `100kb`. */
  bodyLimit?: string | number;
}

/**
 * Makes every app answer HTTP the same way: bounded JSON bodies, normalised and checked text, problem documents for every error, strict
 * validation, graceful shutdown on SIGTERM/SIGINT. Call it in `main.ts` (and on test apps) before `listen()`/`init()`.
 */
export function configureHttpApp(
  app: NestExpressApplication,
  options: HttpAppOptions = {},
): NestExpressApplication {
  const limit = options.bodyLimit ?? '100kb';
  // No hashed ETag on every answer: the API's ETags are project versions, set where they are meant (ADR 0010).
  app.set('etag', false);
  app.useBodyParser('json', { limit, type: JSON_TYPES });
  app.useBodyParser('urlencoded', { limit, extended: true, type: FORM_TYPES });
  // After the parsers, before every route: text normalised, forbidden characters, deep nesting and bodies of
  // another type refused.
  app.use(edgeInputMiddleware([...JSON_TYPES, ...FORM_TYPES]));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  return app;
}
