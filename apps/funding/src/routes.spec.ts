import 'reflect-metadata';
import { documentationProblems, featureControllers, routeBindingProblems } from '@khoinghiep/api';
import { ROUTE_CATALOGUE } from '@khoinghiep/contracts';
import { AppModule } from './app.module.js';

// "One definition per route" for the funding service: every declared route has one handler reading the declared
// body and query, every handler a declaration, every declaration its documentation.
describe('the funding routes', () => {
  it('are each bound to one handler, and every handler to a declared route', () => {
    expect(routeBindingProblems('funding', featureControllers(AppModule), ROUTE_CATALOGUE)).toEqual([]);
  });

  it('are documented: vi/en summary, response and problems', () => {
    expect(
      ROUTE_CATALOGUE.filter((route) => route.service === 'funding').flatMap(documentationProblems),
    ).toEqual([]);
  });
});
