import type { Role } from '../role.js';
import type { Bilingual } from './doc.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A class whose instances the route reads or answers (a body, a query, a view). */
export type Class<T = object> = new () => T;

/** One page of a list; `nextCursor` is `null` on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Media types a route may answer instead of JSON: a file to download (an accountant's export). */
export type FileMediaType = 'text/csv';

/** What a route answers on success: one view, a page of views, a plain array of them, or a file (a string). */
export type ViewShape<V extends object = object> =
  | { one: Class<V> }
  | { page: Class<V> }
  | { list: Class<V> }
  | { file: FileMediaType };

/** Path parameter formats the gateway checks before forwarding (anything else is a `400` naming the parameter). */
export type PathParamFormat = 'uuid';

export interface PathParam {
  format: PathParamFormat;
  doc: Bilingual;
}

/** Request headers a route may read; the gateway forwards exactly these. */
export const REQUEST_HEADERS = {
  'If-Match': {
    vi: 'Phiên bản dựa vào, dạng "3" (ETag của lần đọc trước)',
    en: 'Version the change is based on, e.g. "3" (the ETag last read)',
  },
  'Idempotency-Key': {
    vi: 'Khoá chống lặp do bạn tạo cho lệnh này (16–128 ký tự A-Z a-z 0-9 _ -, nên dùng UUID); gửi lại cùng khoá và cùng nội dung sẽ nhận lại đúng kết quả lần đầu',
    en: 'A key you make for this command (16–128 of A-Z a-z 0-9 _ -, a UUID is best); resending the same key and body returns the first result',
  },
} as const satisfies Record<string, Bilingual>;
export type RequestHeader = keyof typeof REQUEST_HEADERS;

/** Response headers a route may set; the gateway relays exactly these. */
export const RESPONSE_HEADERS = {
  ETag: {
    vi: 'Phiên bản hiện tại, để gửi lại trong If-Match',
    en: 'Current version, to send back in If-Match',
  },
  Location: { vi: 'Địa chỉ của tài nguyên vừa tạo', en: 'Address of the resource just created' },
  'Content-Disposition': {
    vi: 'Tên tệp khi tải về (attachment; filename=…)',
    en: 'File name to save as (attachment; filename=…)',
  },
} as const satisfies Record<string, Bilingual>;
export type ResponseHeader = keyof typeof RESPONSE_HEADERS;

/** Who may call a route: anyone, anyone signed in, or holders of at least one of the roles. */
export type RouteAccess = 'public' | 'signed-in' | readonly Role[];

/** A problem a route answers because of its own rules (the platform adds 400/401/403/503/504 itself). */
export interface RouteProblem extends Bilingual {
  status: number;
  codes: readonly string[];
}

/** Everything one public route is, written once; see ADR 0006. New route-level flags are added here. */
export interface RouteSpec<V extends object = object> {
  method: HttpMethod;
  /** Path under `/api/v1`, Nest syntax: `/projects/:id/submit`. */
  path: string;
  params?: Readonly<Record<string, PathParam>>;
  query?: Class;
  body?: Class;
  response: {
    status: 200 | 201 | 204;
    view: ViewShape<V>;
    headers?: readonly ResponseHeader[];
    doc: Bilingual;
    /**
     * A `PUT` that creates the thing when it does not exist yet answers `201` then (with `Location`), the same view
     * and headers; `status` is the answer of a replacement. This is the `201`'s description.
     */
    created?: Bilingual;
  };
  requestHeaders?: readonly RequestHeader[];
  /**
   * A money command: it requires an `Idempotency-Key` header (added to `requestHeaders` by `defineRoutes`), a
   * replay answers the first response, the same key with another body is a `422` (ADR 0017).
   */
  idempotent?: true;
  access: RouteAccess;
  /**
   * Money decisions: the caller's token must have been issued after the second factor (TOTP), or the route
   * answers `403` `SECOND_FACTOR_REQUIRED`, at the gateway and again in the service (ADR 0015). Not on public routes.
   */
  secondFactor?: true;
  problems: readonly RouteProblem[];
  summary: Bilingual;
  description?: Bilingual;
}

/** The services behind the gateway that own public routes. */
export type RouteOwner = 'projects' | 'matching' | 'funding' | 'training';

/** A declared route: its spec, the service that handles it, its OpenAPI operation id and tag. */
export type RouteDefinition<S extends RouteSpec = RouteSpec> = S & {
  readonly service: RouteOwner;
  readonly operationId: string;
  readonly tag: string;
};

/** What a handler of the route returns. */
export type ResponseOf<R extends RouteSpec> = R['response']['view'] extends { one: Class<infer V> }
  ? V
  : R['response']['view'] extends { page: Class<infer V> }
    ? Page<V>
    : R['response']['view'] extends { list: Class<infer V> }
      ? V[]
      : R['response']['view'] extends { file: FileMediaType }
        ? string
        : never;

const BODYLESS: readonly HttpMethod[] = ['GET', 'DELETE'];

/** The `:name` parameters of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((match) => match[1] as string);
}

function check(operationId: string, spec: RouteSpec): void {
  const declared = Object.keys(spec.params ?? {}).sort();
  const inPath = pathParamNames(spec.path).sort();
  if (declared.join() !== inPath.join()) {
    throw new Error(
      `${operationId}: path ${spec.path} has parameters [${inPath}] but declares [${declared}]`,
    );
  }
  if (spec.body && BODYLESS.includes(spec.method))
    throw new Error(`${operationId}: ${spec.method} has no body`);
  if (!spec.path.startsWith('/')) throw new Error(`${operationId}: path must start with '/'`);
  if (spec.secondFactor && spec.access === 'public')
    throw new Error(`${operationId}: a public route cannot require the second factor`);
  if (spec.response.created && (spec.method !== 'PUT' || spec.response.status !== 200))
    throw new Error(
      `${operationId}: only a PUT answering 200 on replacement can also answer 201 on creation`,
    );
  if (spec.idempotent && (spec.method === 'GET' || spec.access === 'public'))
    throw new Error(`${operationId}: only a signed-in command can be idempotent`);
}

/** Problems every idempotent route can answer (ADR 0017). */
export const IDEMPOTENCY_PROBLEMS: readonly RouteProblem[] = [
  {
    status: 400,
    codes: ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_INVALID'],
    vi: 'Thiếu tiêu đề Idempotency-Key, hoặc khoá sai định dạng',
    en: 'The Idempotency-Key header is missing or malformed',
  },
  {
    status: 422,
    codes: ['IDEMPOTENCY_KEY_REUSED'],
    vi: 'Khoá đã dùng cho một yêu cầu khác (nội dung hoặc thao tác khác)',
    en: 'The key was already used for another request (another body or operation)',
  },
];

/** An idempotent route reads the key header and documents its problems, whatever its declaration lists. */
function withIdempotency(spec: RouteSpec): RouteSpec {
  if (!spec.idempotent) return spec;
  const headers = spec.requestHeaders ?? [];
  return {
    ...spec,
    requestHeaders: headers.includes('Idempotency-Key') ? headers : [...headers, 'Idempotency-Key'],
    problems: [...spec.problems, ...IDEMPOTENCY_PROBLEMS.filter((p) => !spec.problems.includes(p))],
  };
}

/**
 * Declares the public routes of one service. The key of each entry is its OpenAPI `operationId`
 * (`submitProject`); services bind handlers with `@Handles(Routes.submitProject)`, the gateway forwards and
 * documents every entry.
 */
export function defineRoutes<const T extends Record<string, RouteSpec>>(
  scope: { service: RouteOwner; tag: string },
  specs: T,
): { readonly [K in keyof T & string]: RouteDefinition<T[K]> } {
  const routes: Record<string, RouteDefinition> = {};
  for (const [operationId, spec] of Object.entries(specs)) {
    check(operationId, spec);
    routes[operationId] = Object.freeze({ ...withIdempotency(spec), ...scope, operationId });
  }
  return routes as { readonly [K in keyof T & string]: RouteDefinition<T[K]> };
}
