import 'reflect-metadata';
import { documentationProblems, featureControllers, routeBindingProblems } from '@khoinghiep/api';
import { LedgerRoutes, ROUTE_CATALOGUE, type RouteDefinition } from '@khoinghiep/contracts';
import { AppModule } from './app.module.js';

// CI's guard on "one definition per route": the service handles exactly the routes declared for it, reading the
// declared body and query, and each declaration is documented.
describe('the funding routes', () => {
  it('are each bound to one handler, and every handler to a declared route', () => {
    expect(routeBindingProblems('funding', featureControllers(AppModule), ROUTE_CATALOGUE)).toEqual([]);
  });

  it('are documented: vi/en summary, response and problems', () => {
    expect(
      ROUTE_CATALOGUE.filter((route) => route.service === 'funding').flatMap(documentationProblems),
    ).toEqual([]);
  });

  it('make the reversal a money command: the gateway forwards Idempotency-Key and its problems are listed', () => {
    const route: RouteDefinition = LedgerRoutes.reverseLedgerTransaction;
    expect(route.requestHeaders).toContain('Idempotency-Key');
    expect(route.problems.flatMap((problem) => problem.codes)).toEqual(
      expect.arrayContaining(['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED']),
    );
  });
});
