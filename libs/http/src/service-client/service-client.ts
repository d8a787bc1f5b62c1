import { CORRELATION_ID_HEADER, correlationIdFrom, currentCorrelationId } from '@khoinghiep/observability';
import type { Request } from 'express';
import { CLS_REQ, ClsServiceManager } from 'nestjs-cls';
import { Pool } from 'undici';
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

/** A successful answer as the service wrote it. */
export interface RelayedResponse {
  status: number;
  headers: Headers;
  /** The JSON text of the body; `''` when the answer has none (204). */
  text: string;
}

export interface ServiceResponse<T> {
  status: number;
  headers: Headers;
  /** Parsed JSON body; `undefined` when the answer has none (204). */
  body: T;
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

/** Response headers as the `Headers` of the API (undici gives a record, repeated ones as arrays). */
function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * HTTP/JSON calls from the gateway to one service's internal API. Each call forwards the caller's token,
 * correlation id and language, and ends within its deadline: a refused or reset connection becomes a `503`
 * problem naming the service, a missed deadline a `504`, and the service's own problem documents pass through
 * with their status.
 *
 * Calls go through undici's own request API on a keep-alive pool per service, not through `fetch`: fetch's
 * WHATWG streams, `Headers` and per-call `AbortSignal.timeout` cost the gateway more CPU than the rest of a
 * forwarded request (ADR 0010).
 */
export class ServiceClient {
  readonly service: string;
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly timeoutMs: number;

  constructor(options: ServiceClientOptions) {
    this.service = options.service;
    const base = new URL(options.baseUrl);
    this.pool = new Pool(base.origin);
    this.basePath = base.pathname.replace(/\/+$/, '');
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
    const { status, headers, text } = await this.exchange(request);
    const parsed = this.parse(text);
    if (status < 200 || status >= 300) this.fail(status, headers, parsed);
    if (parsed === INVALID) throw new ServiceBadResponseError(this.service, status);
    return { status, headers, body: parsed as T };
  }

  /**
   * Like `send`, but a 2xx answer's JSON is handed back as the text the service wrote, for passing on unchanged:
   * parsing and writing it again would cost the gateway more than forwarding it (ADR 0010).
   */
  async relay(request: ServiceRequest): Promise<RelayedResponse> {
    const answer = await this.exchange(request);
    if (answer.status < 200 || answer.status >= 300)
      this.fail(answer.status, answer.headers, this.parse(answer.text));
    return answer;
  }

  private async exchange(request: ServiceRequest): Promise<RelayedResponse> {
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      const response = await this.pool.request({
        method: request.method ?? 'GET',
        path: this.pathFor(request),
        headers: this.headersFor(request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: deadline.signal,
      });
      // The body is read under the same deadline: a service that stalls mid-answer is as late as a silent one.
      // Decoded by Buffer, not `body.text()`, which drops a leading BOM: a CSV export must keep it (ADR 0016).
      const text = Buffer.from(await response.body.arrayBuffer()).toString('utf8');
      return { status: response.statusCode, headers: headersOf(response.headers), text };
    } catch (error) {
      // Past the deadline it is a timeout whatever the error says; before it, any transport failure (refused,
      // reset, unknown or unreachable host) means the service is not there.
      if (deadline.signal.aborted) throw new ServiceTimeoutError(this.service, timeoutMs, error);
      throw new ServiceUnavailableError(this.service, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private pathFor(request: ServiceRequest): string {
    if (!request.path.startsWith('/')) throw new Error(`Service path must start with '/': ${request.path}`);
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) query.append(name, String(item));
      else query.append(name, String(value));
    }
    const search = query.size > 0 ? `?${query}` : '';
    return `${this.basePath}${request.path}${search}`;
  }

  private headersFor(request: ServiceRequest): Record<string, string> {
    const incoming = currentRequest();
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      [CORRELATION_ID_HEADER]: currentCorrelationId() ?? correlationIdFrom(undefined),
    };
    const language = headerValue(incoming?.headers['accept-language']);
    if (language) headers['accept-language'] = language;
    const authorization =
      request.authorization === undefined
        ? headerValue(incoming?.headers.authorization)
        : request.authorization;
    if (authorization) headers.authorization = authorization;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    return headers;
  }

  /** A service's answer that is not a success: its problem passed on, or a 503/502 of the gateway's own. */
  private fail(status: number, headers: Headers, parsed: unknown): never {
    if (isProblemDocument(parsed)) {
      const passedOn: Record<string, string> = {};
      for (const name of PASSED_ON_HEADERS) {
        const value = headers.get(name);
        if (value !== null) passedOn[name] = value;
      }
      throw new UpstreamProblemError(this.service, status, parsed, passedOn);
    }
    if (status === 503) throw new ServiceUnavailableError(this.service);
    throw new ServiceBadResponseError(this.service, status);
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
