import { hasSecondFactor, type RequestWithUser, SecondFactorRequiredError } from '@khoinghiep/auth';
import type { RouteDefinition } from '@khoinghiep/contracts';
import { InvalidFieldsError } from '@khoinghiep/http';
import { API_PREFIX } from '@khoinghiep/platform';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ServiceDirectory } from '../gateway-proxy/service-directory.js';
import { fillPath } from './path-params.js';

/** The query string exactly as the caller wrote it, so the service parses it as if called directly. */
function rawQuery(request: Request): string {
  const start = request.originalUrl.indexOf('?');
  return start === -1 ? '' : request.originalUrl.slice(start);
}

/** The request headers the route declares it reads, and no others. */
function declaredHeaders(route: RouteDefinition, request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of route.requestHeaders ?? []) {
    const value = request.header(name);
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

const NO_BODY = {
  vi: 'Thao tác này không nhận nội dung: hãy bỏ trường này.',
  en: 'This operation takes no body: leave this field out.',
};

/**
 * A route that declares no body takes none: anything but nothing or `{}` is refused with the fields named, so a
 * client that thinks it is sending something learns it is not (the service never sees a body it ignores).
 */
function refuseUndeclaredBody(body: unknown): void {
  if (body === undefined || body === null) return;
  const fields = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : ['(body)'];
  if (fields.length > 0) throw new InvalidFieldsError(fields.map((field) => ({ field, message: NO_BODY })));
}

/** What the route answers: JSON, or the file type it declares (a CSV export). */
function mediaTypeOf(route: RouteDefinition): string {
  const { view } = route.response;
  return 'file' in view ? `${view.file}; charset=utf-8` : 'application/json';
}

/**
 * Sends a declared route's request to the service that owns it and relays the answer: status, body and the
 * response headers the route declares. Problems from the service (including its `400` on an invalid body or
 * query) pass through as they are. A route declared `secondFactor: true` goes only with a token issued after the
 * second factor (`403` `SECOND_FACTOR_REQUIRED` otherwise); the service checks it again.
 */
@Injectable()
export class RouteForwarder {
  constructor(private readonly services: ServiceDirectory) {}

  async forward(
    route: RouteDefinition,
    params: Readonly<Record<string, string>>,
    request: Request,
    response: Response,
  ): Promise<void> {
    // The guards refused it already (`@RequireSecondFactor()` from the declaration); a money decision is worth
    // the second look, so that no wiring mistake ever lets one through on a password alone.
    if (route.secondFactor && !hasSecondFactor((request as Request & RequestWithUser).user))
      throw new SecondFactorRequiredError();
    if (!route.body) refuseUndeclaredBody(request.body);
    const upstream = await this.services.client(route.service).relay({
      method: route.method,
      path: `/${API_PREFIX}${fillPath(route.path, params)}${rawQuery(request)}`,
      body: route.body ? (request.body ?? {}) : undefined,
      headers: declaredHeaders(route, request),
      // A public route answers the same to everyone: no token travels with it.
      ...(route.access === 'public' ? { authorization: null } : {}),
    });
    for (const name of route.response.headers ?? []) {
      const value = upstream.headers.get(name);
      if (value !== null) response.setHeader(name, value);
    }
    response.status(upstream.status);
    // The service's JSON goes on as it wrote it, never parsed and written again.
    if (upstream.text === '') response.end();
    else response.type(mediaTypeOf(route)).send(upstream.text);
  }
}
