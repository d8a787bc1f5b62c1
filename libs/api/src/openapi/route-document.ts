import {
  type Bilingual,
  type Class,
  pathParamNames,
  REQUEST_HEADERS,
  RESPONSE_HEADERS,
  type RouteDefinition,
  type RouteProblem,
} from '@khoinghiep/contracts';
import { bilingual, type Schema, SchemaCollector, schemaRef } from './schemas.js';

/** The parts of an OpenAPI 3.0 document the catalogue fills in. */
export interface RoutesDocument {
  paths: Record<string, Record<string, unknown>>;
  schemas: Record<string, Schema>;
}

export const PROBLEM_SCHEMA = 'ProblemDocument';
const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** RFC 9457 problem details with the platform's members, as every error answers. */
export const PROBLEM_SCHEMAS: Record<string, Schema> = {
  FieldError: {
    type: 'object',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', example: 'fundingAsk' },
      message: { type: 'string', example: 'fundingAsk phải là số đồng nguyên' },
    },
  },
  [PROBLEM_SCHEMA]: {
    type: 'object',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', example: 'urn:khoinghiep-hub:problem:validation-failed' },
      title: { type: 'string', example: 'Dữ liệu không hợp lệ' },
      status: { type: 'integer', example: 400 },
      detail: { type: 'string' },
      instance: { type: 'string' },
      code: { type: 'string', example: 'VALIDATION_FAILED' },
      correlationId: { type: 'string' },
      errors: { type: 'array', items: schemaRef('FieldError') },
    },
  },
};

/** Problems the platform answers on any route of a kind, so that routes declare only their own. */
const PLATFORM = {
  invalid: {
    status: 400,
    codes: ['VALIDATION_FAILED'],
    vi: 'Dữ liệu không hợp lệ, nêu từng trường',
    en: 'Invalid input, each field named',
  },
  malformed: {
    status: 400,
    codes: ['MALFORMED_REQUEST'],
    vi: 'Nội dung gửi kèm không phải JSON',
    en: 'A body was sent and it is not JSON',
  },
  tooLarge: { status: 413, codes: ['PAYLOAD_TOO_LARGE'], vi: 'Nội dung quá lớn', en: 'Body too large' },
  unauthenticated: {
    status: 401,
    codes: ['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_EXPIRED'],
    vi: 'Thiếu hoặc sai mã truy cập',
    en: 'Missing or invalid access token',
  },
  role: { status: 403, codes: ['FORBIDDEN_ROLE'], vi: 'Vai trò không được phép', en: 'Role not allowed' },
  secondFactor: {
    status: 403,
    codes: ['SECOND_FACTOR_REQUIRED'],
    vi: 'Mã truy cập chưa qua xác thực hai lớp',
    en: 'Access token not issued with the second factor',
  },
  unavailable: {
    status: 503,
    codes: ['SERVICE_UNAVAILABLE'],
    vi: 'Dịch vụ không khả dụng',
    en: 'Service unavailable',
  },
  timeout: {
    status: 504,
    codes: ['GATEWAY_TIMEOUT'],
    vi: 'Dịch vụ không phản hồi kịp',
    en: 'Service timed out',
  },
} as const satisfies Record<string, RouteProblem>;

/** Problems any request can meet, whatever its route, as its body is parsed before routing. */
export const BODY_PROBLEMS: readonly RouteProblem[] = [PLATFORM.malformed, PLATFORM.tooLarge];

/** Every problem a route can answer: its own and the platform's, by status. */
export function problemsOf(route: RouteDefinition): RouteProblem[] {
  const validates = Boolean(route.params || route.query || route.body || route.requestHeaders?.length);
  return [
    ...(validates ? [PLATFORM.invalid] : []),
    // Bodies are parsed before routing: any request that carries a broken or oversized one is refused.
    ...BODY_PROBLEMS,
    ...(route.access === 'public' ? [] : [PLATFORM.unauthenticated]),
    ...(Array.isArray(route.access) ? [PLATFORM.role] : []),
    ...(route.secondFactor ? [PLATFORM.secondFactor] : []),
    ...route.problems,
    PLATFORM.unavailable,
    PLATFORM.timeout,
  ];
}

function problemResponses(route: RouteDefinition): Record<string, unknown> {
  const byStatus = new Map<number, RouteProblem[]>();
  for (const problem of problemsOf(route))
    byStatus.set(problem.status, [...(byStatus.get(problem.status) ?? []), problem]);
  return Object.fromEntries(
    [...byStatus].map(([status, problems]) => [
      String(status),
      {
        description: problems.map((p) => `${bilingual(p)} (${p.codes.join(', ')})`).join('; '),
        content: { [PROBLEM_MEDIA_TYPE]: { schema: schemaRef(PROBLEM_SCHEMA) } },
      },
    ]),
  );
}

function pageSchema(schemas: SchemaCollector, view: Class): { $ref: string } {
  const name = `${view.name}Page`;
  schemas.schemas[name] ??= {
    type: 'object',
    required: ['items', 'nextCursor'],
    additionalProperties: false,
    properties: {
      items: { type: 'array', items: schemas.ref(view) },
      nextCursor: {
        type: 'string',
        nullable: true,
        description: 'Con trỏ trang sau, null ở trang cuối / Cursor of the next page, null on the last one',
      },
    },
  };
  return schemaRef(name);
}

function successResponse(route: RouteDefinition, schemas: SchemaCollector): Record<string, unknown> {
  const { view } = route.response;
  const schema =
    'file' in view
      ? { type: 'string' }
      : 'one' in view
        ? schemas.ref(view.one)
        : 'page' in view
          ? pageSchema(schemas, view.page)
          : { type: 'array', items: schemas.ref(view.list) };
  const headers = Object.fromEntries(
    (route.response.headers ?? []).map((name) => [
      name,
      { description: bilingual(RESPONSE_HEADERS[name]), schema: { type: 'string' } },
    ]),
  );
  const answer = (doc: Bilingual, status: number) => ({
    description: bilingual(doc),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(status === 204 ? {} : { content: { ['file' in view ? view.file : 'application/json']: { schema } } }),
  });
  return {
    [String(route.response.status)]: answer(route.response.doc, route.response.status),
    ...(route.response.created ? { 201: answer(route.response.created, 201) } : {}),
  };
}

function parameters(route: RouteDefinition, schemas: SchemaCollector): unknown[] {
  const path = pathParamNames(route.path).map((name) => {
    const param = route.params?.[name];
    if (!param) throw new Error(`${route.operationId}: undeclared path parameter ${name}`);
    return {
      name,
      in: 'path',
      required: true,
      description: bilingual(param.doc),
      schema: { type: 'string', format: param.format },
    };
  });
  const query = route.query ? schemas.schemaOf(route.query) : undefined;
  const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => {
    // Absence is how a query leaves a filter out; `nullable` means nothing there.
    const { description, example, nullable: _nullable, ...rest } = schema;
    // …and the `null` the schema builder added to the enum of a nullable field goes with it.
    if (Array.isArray(rest.enum)) rest.enum = rest.enum.filter((value) => value !== null);
    return {
      name,
      in: 'query',
      required: query?.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      ...(example !== undefined ? { example } : {}),
      schema: rest,
    };
  });
  const headers = (route.requestHeaders ?? []).map((name) => ({
    name,
    in: 'header',
    required: name === 'Idempotency-Key' && route.idempotent === true,
    description: bilingual(REQUEST_HEADERS[name]),
    schema: { type: 'string' },
  }));
  return [...path, ...queryParams, ...headers];
}

function requestBody(route: RouteDefinition, schemas: SchemaCollector): Record<string, unknown> {
  if (!route.body) return {};
  const ref = schemas.ref(route.body);
  const required = (schemas.schemas[route.body.name]?.required?.length ?? 0) > 0;
  return { requestBody: { required, content: { 'application/json': { schema: ref } } } };
}

const SECOND_FACTOR_NOTE =
  'Cần mã truy cập cấp sau xác thực hai lớp (TOTP, `amr` có `otp`) / Requires an access token issued with the second factor (TOTP, `amr` includes `otp`).';

/** The route's description, and what it asks of the caller's token beyond a role. */
function describe(route: RouteDefinition): string {
  const parts = [
    ...(route.description ? [bilingual(route.description)] : []),
    ...(route.secondFactor ? [SECOND_FACTOR_NOTE] : []),
  ];
  return parts.join('\n\n');
}

/** `/projects/:id` → `/api/v1/projects/{id}`. */
export function openApiPath(prefix: string, path: string): string {
  return `${prefix}${path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}')}`;
}

/** The OpenAPI paths and schemas of declared routes, derived from their declarations only. */
export function routesDocument(routes: readonly RouteDefinition[], prefix: string): RoutesDocument {
  const schemas = new SchemaCollector();
  const paths: RoutesDocument['paths'] = {};
  for (const route of routes) {
    const path = openApiPath(prefix, route.path);
    const params = parameters(route, schemas);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: bilingual(route.summary),
      ...(route.description || route.secondFactor ? { description: describe(route) } : {}),
      ...(route.secondFactor ? { 'x-second-factor-required': true } : {}),
      ...(params.length > 0 ? { parameters: params } : {}),
      ...requestBody(route, schemas),
      responses: { ...successResponse(route, schemas), ...problemResponses(route) },
      security: route.access === 'public' ? [] : [{ bearer: [] }],
    };
  }
  return { paths, schemas: { ...PROBLEM_SCHEMAS, ...schemas.schemas } };
}
