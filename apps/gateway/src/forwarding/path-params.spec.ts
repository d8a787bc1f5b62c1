import 'reflect-metadata';
import { ProjectRoutes } from '@khoinghiep/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { encodeSegment, fillPath, pathParamsClass } from './path-params.js';
import { byMatchPrecedence } from './route-order.js';

describe('path parameters at the gateway', () => {
  it.each([
    ['..', '%2E%2E'],
    ['.', '%2E'],
    ['a/b', 'a%2Fb'],
    ['x%2e', 'x%252e'],
  ])('keeps %j inside its segment as %j', (value, encoded) => {
    expect(encodeSegment(value)).toBe(encoded);
  });

  it('fills a path, each value confined to its segment', () => {
    expect(fillPath('/projects/:id/review', { id: '../me/projects' })).toBe(
      '/projects/%2E%2E%2Fme%2Fprojects/review',
    );
  });

  it('validates the declared format: a UUID passes, anything else names the parameter', () => {
    const Params = pathParamsClass(ProjectRoutes.reviewProject);
    if (!Params) throw new Error('the route has an id');
    const check = (id: string) =>
      validateSync(plainToInstance(Params, { id })).map((error) => error.property);
    expect(check('0198f1a2-7c3b-7d4e-8f90-123456789abc')).toEqual([]);
    expect(check('..')).toEqual(['id']);
    expect(check('0198f1a2-7c3b-7d4e-8f90-123456789abc/..')).toEqual(['id']);
  });

  it('has no parameters class for a route without parameters', () => {
    expect(pathParamsClass(ProjectRoutes.listProjects)).toBeUndefined();
  });

  it('orders fixed segments before parameters, whatever the declaration order', () => {
    const ordered = [ProjectRoutes.getProject, ProjectRoutes.reviewQueue, ProjectRoutes.listProjects]
      .sort(byMatchPrecedence)
      .map((route) => route.path);
    expect(ordered.indexOf('/projects/review-queue')).toBeLessThan(ordered.indexOf('/projects/:id'));
  });
});
