import type { RouteDefinition, RouteOwner } from '@khoinghiep/contracts';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { routeOf } from './handles.decorator.js';

/** A controller class, whatever its constructor takes. */
type Controller = { name: string; prototype: object };

/**
 * The controllers of an app's own feature modules, following class imports. Dynamic modules (the platform's
 * health, metrics and messaging wiring) are not the app's API and are left out.
 */
export function featureControllers(module: object, seen = new Set<object>()): Controller[] {
  if (seen.has(module) || typeof module !== 'function') return [];
  seen.add(module);
  const own: Controller[] = Reflect.getMetadata('controllers', module) ?? [];
  const imports: object[] = Reflect.getMetadata('imports', module) ?? [];
  return [...own, ...imports.flatMap((imported) => featureControllers(imported, seen))];
}

/** The class the handler's argument marked with `@Body()` (or `@Query()`) is declared as, if it has one. */
function argumentType(controller: Controller, method: string, kind: RouteParamtypes): unknown {
  const args: Record<string, { index: number }> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
  const entry = Object.entries(args).find(([key]) => key.split(':')[0] === String(kind));
  if (!entry) return undefined;
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
  return types[entry[1].index];
}

function bindingProblems(
  where: string,
  route: RouteDefinition,
  controller: Controller,
  method: string,
): string[] {
  const problems: string[] = [];
  const body = argumentType(controller, method, RouteParamtypes.BODY);
  if (body !== route.body) {
    problems.push(
      `${where}: reads body ${nameOf(body)} but ${route.operationId} declares ${nameOf(route.body)}`,
    );
  }
  const query = argumentType(controller, method, RouteParamtypes.QUERY);
  if (query !== route.query) {
    problems.push(
      `${where}: reads query ${nameOf(query)} but ${route.operationId} declares ${nameOf(route.query)}`,
    );
  }
  return problems;
}

const nameOf = (type: unknown) => (typeof type === 'function' ? type.name : 'none');

/**
 * What is wrong between a service's handlers and the routes declared for it: a handler without a declaration, a
 * declared route with no handler or with two, a handler reading another body or query class than declared.
 */
export function routeBindingProblems(
  service: RouteOwner,
  controllers: readonly Controller[],
  catalogue: readonly RouteDefinition[],
): string[] {
  const problems: string[] = [];
  const bound = new Map<string, string[]>();
  for (const controller of controllers) {
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const where = `${controller.name}.${method}`;
      const route = routeOf(handler);
      if (!route) {
        problems.push(`${where}: a route handler without a declaration (bind it with @Handles)`);
        continue;
      }
      if (route.service !== service)
        problems.push(`${where}: handles ${route.operationId} of ${route.service}`);
      bound.set(route.operationId, [...(bound.get(route.operationId) ?? []), where]);
      problems.push(...bindingProblems(where, route, controller, method));
    }
  }
  for (const route of catalogue.filter((declared) => declared.service === service)) {
    const handlers = bound.get(route.operationId) ?? [];
    if (handlers.length === 0)
      problems.push(`${route.operationId}: declared for ${service} but no handler binds it`);
    if (handlers.length > 1) problems.push(`${route.operationId}: bound twice (${handlers.join(', ')})`);
  }
  return problems;
}

const bilingualGaps = (where: string, text: { vi: string; en: string } | undefined) =>
  text && (text.vi.trim() === '' || text.en.trim() === '') ? [`${where} needs both vi and en`] : [];

/** What a declared route lacks to be documented: vi/en summary, response and problem texts, problem codes. */
export function documentationProblems(route: RouteDefinition): string[] {
  const where = route.operationId;
  return [
    ...(route.summary ? bilingualGaps(`${where} summary`, route.summary) : [`${where} has no summary`]),
    ...bilingualGaps(`${where} description`, route.description),
    ...bilingualGaps(`${where} response`, route.response.doc),
    ...Object.entries(route.params ?? {}).flatMap(([name, param]) =>
      bilingualGaps(`${where} :${name}`, param.doc),
    ),
    ...route.problems.flatMap((problem) => [
      ...bilingualGaps(`${where} problem ${problem.status}`, problem),
      ...(problem.codes.length === 0 ? [`${where} problem ${problem.status} names no code`] : []),
    ]),
  ];
}
