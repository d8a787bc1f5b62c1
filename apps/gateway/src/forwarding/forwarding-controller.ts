import { routeDecorators } from '@khoinghiep/api';
import type { RouteDefinition } from '@khoinghiep/contracts';
import { Controller, Param, Req, Res, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pathParamsClass } from './path-params.js';
import { RouteForwarder } from './route-forwarder.service.js';
import { byMatchPrecedence } from './route-order.js';

type ForwardingHandler = (
  params: Readonly<Record<string, string>>,
  request: Request,
  response: Response,
) => Promise<void>;

/**
 * A controller with one handler per declared route, built from the catalogue: each carries the route's Nest path,
 * status code and access (`@Roles`/`@Public`, enforced by the global guards) and validates its path parameters
 * with the global ValidationPipe before forwarding. Documented from the catalogue, not by Swagger's scan.
 */
export function forwardingController(routes: readonly RouteDefinition[]): Type<unknown> {
  @ApiExcludeController()
  @Controller()
  class CatalogueController {
    constructor(readonly forwarder: RouteForwarder) {}
  }

  const prototype = CatalogueController.prototype as unknown as Record<string, ForwardingHandler>;
  for (const route of [...routes].sort(byMatchPrecedence)) {
    const name = route.operationId;
    prototype[name] = function (this: CatalogueController, params, request, response) {
      return this.forwarder.forward(route, params, request, response);
    };
    // What the ValidationPipe validates each argument against (TypeScript would emit this for a written method).
    Reflect.defineMetadata(
      'design:paramtypes',
      [pathParamsClass(route) ?? Object, Object, Object],
      prototype,
      name,
    );
    Param()(prototype, name, 0);
    Req()(prototype, name, 1);
    // The forwarder writes the answer itself (the service's JSON text, unparsed).
    Res()(prototype, name, 2);
    routeDecorators(route)(
      prototype,
      name,
      Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor,
    );
  }
  return CatalogueController;
}
