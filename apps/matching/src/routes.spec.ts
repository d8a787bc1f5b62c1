import 'reflect-metadata';
import { documentationProblems, featureControllers, routeBindingProblems } from '@khoinghiep/api';
import { ROUTE_CATALOGUE } from '@khoinghiep/contracts';
import { AppModule } from './app.module.js';

// CI's guard on "one definition per route": the service handles exactly the routes declared for it, reading the
// declared body and query, and each declaration is documented.
describe('the matching routes', () => {
  it('are each bound to one handler, and every handler to a declared route', () => {
    expect(routeBindingProblems('matching', featureControllers(AppModule), ROUTE_CATALOGUE)).toEqual([]);
  });

  it('are documented: vi/en summary, response and problems', () => {
    expect(
      ROUTE_CATALOGUE.filter((route) => route.service === 'matching').flatMap(documentationProblems),
    ).toEqual([]);
  });
});
