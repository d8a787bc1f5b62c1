import { CORRELATION_ID_HEADER, correlationIdFrom, currentCorrelationId } from '@khoinghiep/observability';
import type { Request } from 'express';
import { CLS_REQ, ClsServiceManager } from 'nestjs-cls';
import { UpstreamProblemError } from '../errors/upstream-problem.error.js';
import { isProblemDocument } from '../problems/problem-document.js';
import {
  ServiceBadResponseError,
  ServiceTimeoutError,
  ServiceUnavailableError,
} from './service-client.errors.js';

export interface ServiceClientOptions {
  /** Name of the service, used in problem documents and logs: `projects`. */
  service: string;
  /** Internal base URL: `http://127.0.0.1:3101`. */
  baseUrl: string;
  /** Deadline of a call, connection to last byte, unless the call gives its own. Default 5000 ms. */
  timeoutMs?: number;
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined | null;

export interface ServiceRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path on the service, starting with `/`. */
  path: string;
  query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  /**
   * `Authorization` header to send. By default the current request's own header is forwarded (read from the
   * nestjs-cls request context); `null` sends none.
   */
  authorization?: string | null;
}

export interface ServiceResponse<T> {
  status: number;
  headers: Headers;
  /** Parsed JSON body; `undefined` when the answer has none (204). */
  body: T;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function currentRequest(): Request | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? (cls.get(CLS_REQ) as Request | undefined) : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Response headers worth passing on to the caller with a problem. */
const PASSED_ON_HEADERS = ['retry-after', 'www-authenticate'];

/**
 * HTTP/JSON calls from the gateway to one service's internal API. Each call forwards the caller's token,
 * correlation id and language, and ends within its deadline: a refused or reset connection becomes a `503`
 * problem naming the service, a missed deadline a `504`, and the service's own problem documents pass through
 * with their status.
 */
export class ServiceClient {
  readonly service: string;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(options: ServiceClientOptions) {
    this.service = options.service;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  get<T>(
    path: string,
    request: Omit<ServiceRequest, 'path' | 'method' | 'body'> = {},
  ): Promise<ServiceResponse<T>> {
    return this.send<T>({ ...request, path, method: 'GET' });
  }

  post<T>(path: string, body?: unknown, request: Omit<ServiceRequest, 'path' | 'method' | 'body'> = {}) {
    return this.send<T>({ ...request, path, method: 'POST', body });
  }

  patch<T>(path: string, body?: unknown, request: Omit<ServiceRequest, 'path' | 'method' | 'body'> = {}) {
    return this.send<T>({ ...request, path, method: 'PATCH', body });
  }

  put<T>(path: string, body?: unknown, request: Omit<ServiceRequest, 'path' | 'method' | 'body'> = {}) {
    return this.send<T>({ ...request, path, method: 'PUT', body });
  }

  delete<T>(path: string, request: Omit<ServiceRequest, 'path' | 'method' | 'body'> = {}) {
    return this.send<T>({ ...request, path, method: 'DELETE' });
  }

  /** Sends one request; resolves with a 2xx answer, otherwise throws a problem the global filter answers. */
  async send<T>(request: ServiceRequest): Promise<ServiceResponse<T>> {
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.urlFor(request), {
        method: request.method ?? 'GET',
        headers: this.headersFor(request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      // The body is read under the same deadline: a service that stalls mid-answer is as late as a silent one.
      text = await response.text();
    } catch (error) {
      // Past the deadline it is a timeout whatever the error says; before it, any transport failure (refused,
      // reset, unknown or unreachable host) means the service is not there.
      if (isTimeout(error) || signal.aborted) throw new ServiceTimeoutError(this.service, timeoutMs, error);
      throw new ServiceUnavailableError(this.service, error);
    }
    return this.interpret<T>(response, text);
  }

  private urlFor(request: ServiceRequest): string {
    if (!request.path.startsWith('/')) throw new Error(`Service path must start with '/': ${request.path}`);
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) query.append(name, String(item));
      else query.append(name, String(value));
    }
    const search = query.size > 0 ? `?${query}` : '';
    return `${this.baseUrl}${request.path}${search}`;
  }

  private headersFor(request: ServiceRequest): Headers {
    const incoming = currentRequest();
    const headers = new Headers({ accept: 'application/json, application/problem+json' });
    headers.set(CORRELATION_ID_HEADER, currentCorrelationId() ?? correlationIdFrom(undefined));
    const language = headerValue(incoming?.headers['accept-language']);
    if (language) headers.set('accept-language', language);
    const authorization =
      request.authorization === undefined
        ? headerValue(incoming?.headers.authorization)
        : request.authorization;
    if (authorization) headers.set('authorization', authorization);
    if (request.body !== undefined) headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
    return headers;
  }

  private interpret<T>(response: Response, text: string): ServiceResponse<T> {
    const parsed = this.parse(text);
    if (response.ok) {
      if (parsed === INVALID) throw new ServiceBadResponseError(this.service, response.status);
      return { status: response.status, headers: response.headers, body: parsed as T };
    }
    if (isProblemDocument(parsed)) {
      const passedOn: Record<string, string> = {};
      for (const name of PASSED_ON_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) passedOn[name] = value;
      }
      throw new UpstreamProblemError(this.service, response.status, parsed, passedOn);
    }
    if (response.status === 503) throw new ServiceUnavailableError(this.service);
    throw new ServiceBadResponseError(this.service, response.status);
  }

  private parse(text: string): unknown {
    if (text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return INVALID;
    }
  }
}

const INVALID = Symbol('invalid JSON');
