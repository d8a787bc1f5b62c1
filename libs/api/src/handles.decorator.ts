import { Public, RequireSecondFactor, Roles } from '@khoinghiep/auth';
import type { HttpMethod, ResponseOf, RouteDefinition } from '@khoinghiep/contracts';
import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata } from '@nestjs/common';

const ROUTE_KEY = 'khoinghiep:route';

const METHODS: Readonly<Record<HttpMethod, (path: string) => MethodDecorator>> = {
  GET: Get,
  POST: Post,
  PUT: Put,
  PATCH: Patch,
  DELETE: Delete,
};

/**
 * Access of a route as the auth guards read it: `@Public()`, `@Roles(...)` or neither (any signed-in caller),
 * and `@RequireSecondFactor()` for a route declared with `secondFactor: true`.
 */
function accessDecorators(route: RouteDefinition): MethodDecorator[] {
  if (route.access === 'public') return [Public()];
  const secondFactor = route.secondFactor ? [RequireSecondFactor()] : [];
  if (route.access === 'signed-in') return secondFactor;
  return [Roles(...route.access), ...secondFactor];
}

/** The Nest route, status code and access of a declared route, on any controller method (service or gateway). */
export function routeDecorators(route: RouteDefinition): MethodDecorator {
  return applyDecorators(
    METHODS[route.method](route.path),
    HttpCode(route.response.status),
    ...accessDecorators(route),
    SetMetadata(ROUTE_KEY, route),
  );
}

/**
 * Binds a controller method to a declared route: `@Handles(ProjectRoutes.submitProject)` on a method of a
 * `@Controller()` class. The method must answer what the route declares (checked by the compiler).
 */
export function Handles<R extends RouteDefinition>(route: R) {
  const decorate = routeDecorators(route);
  return <M extends (...args: never[]) => Promise<ResponseOf<R>> | ResponseOf<R>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    decorate(target, key, descriptor);
  };
}

/** The declared route a handler is bound to, if any. */
export function routeOf(handler: object): RouteDefinition | undefined {
  return Reflect.getMetadata(ROUTE_KEY, handler);
}
