import type { Class, PathParamFormat, RouteDefinition } from '@khoinghiep/contracts';
import { IsUUID } from 'class-validator';

const FORMATS: Readonly<Record<PathParamFormat, () => PropertyDecorator>> = {
  uuid: () => IsUUID(),
};

/**
 * A class with one property per path parameter of the route, each with the rule of its declared format, for the
 * platform's ValidationPipe: a parameter outside its format is a `400` naming it, before anything is forwarded.
 */
export function pathParamsClass(route: RouteDefinition): Class | undefined {
  const params = Object.entries(route.params ?? {});
  if (params.length === 0) return undefined;
  const PathParams = class {};
  Object.defineProperty(PathParams, 'name', { value: `${route.operationId}PathParams` });
  for (const [name, param] of params) FORMATS[param.format]()(PathParams.prototype, name);
  return PathParams;
}

/**
 * One path segment, encoded so that it cannot leave its place: `encodeURIComponent` keeps `.` as it is, so `..`
 * would still climb a level in the service's router; every dot is escaped too.
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replaceAll('.', '%2E');
}

/** The route's path with its parameters filled in, each confined to its segment. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for path parameter ${name}`);
    return encodeSegment(value);
  });
}
