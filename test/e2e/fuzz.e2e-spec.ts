import { request as httpRequest } from 'node:http';
import { jest } from '@jest/globals';
import { e2eGatewayUrl } from '@khoinghiep/testing';
import fc from 'fast-check';
import pg from 'pg';
import {
  type HostileHeaders,
  hostileHeaders,
  hostileId,
  hostileQueryValue,
  hostileValue,
  invalidFor,
  malformedRawBody,
  type RawBody,
  toJson,
} from './fuzz.inputs.js';
import { type Actor, api, createProject, type ProjectJson, signUp, staff } from './projects.support.js';

jest.setTimeout(120_000);

// Every public operation the running gateway documents, hit with malformed bodies, queries, cursors, ids and
// headers, anonymously and as a founder and an officer: no answer may be a 5xx, every 4xx must be a problem
// document, and nothing may be written. The sample is seeded, so a failure reproduces.

const SEED = 20_260_605;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const CONCURRENCY = 6;

interface Schema {
  $ref?: string;
  type?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Operation {
  method: string;
  path: string;
  takesBody: boolean;
  /** The document says a body is required; where it is not, sending none (an empty payload) is a valid request. */
  bodyRequired: boolean;
  /** The body's fields and their JSON-schema types. */
  fields: Record<string, Schema>;
  queryNames: string[];
}

interface FuzzCase {
  operation: Operation;
  caller: string;
  what: string;
  path: string;
  headers: HostileHeaders;
  body?: RawBody;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? document.components?.schemas?.[schema.$ref.split('/').at(-1) ?? ''] : schema;
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const schema = resolve(Object.values(operation.requestBody?.content ?? {})[0]?.schema);
      return [
        {
          method: method.toUpperCase(),
          path,
          takesBody: operation.requestBody !== undefined || ['post', 'put', 'patch'].includes(method),
          bodyRequired: operation.requestBody?.required === true,
          fields: schema?.properties ?? {},
          queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        },
      ];
    }),
  );
}

/** The documented example of the body, where the document gives one: the valid rest of a body with one bad field. */
function exampleBody(operation: Operation): Record<string, unknown> {
  const entries = Object.entries(operation.fields).filter(([, schema]) => schema.example !== undefined);
  return Object.fromEntries(entries.map(([name, schema]) => [name, schema.example]));
}

/**
 * A body that can never be valid: the documented example with one field given a value its type never takes, or
 * an unknown field with any hostile value.
 */
function hostileObject(operation: Operation): fc.Arbitrary<RawBody> {
  const example = exampleBody(operation);
  const withBadField = Object.entries(operation.fields).map(([name, schema]) =>
    invalidFor(schema.type).map((value) => ({ name, value })),
  );
  const withUnknownField = hostileValue.map((value) => ({ name: 'unknownField', value }));
  return fc.oneof(...withBadField, withUnknownField).map(({ name, value }) => {
    const rest = Object.entries(example)
      .filter(([field]) => field !== name)
      .map(([field, fieldValue]) => `${JSON.stringify(field)}:${JSON.stringify(fieldValue)},`)
      .join('');
    return { contentType: 'application/json', payload: `{${rest}${JSON.stringify(name)}:${toJson(value)}}` };
  });
}

function withPathParams(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

function casesFor(operation: Operation, caller: string, projectId: string, seed: number): FuzzCase[] {
  const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, offset: number) =>
    fc.sample(arbitrary, { seed: seed + offset, numRuns });
  const path = withPathParams(operation.path, projectId);
  const badBody = operation.takesBody ? hostileObject(operation) : fc.constant(undefined);
  const base = { operation, caller, headers: {} };
  const cases: FuzzCase[] = [];
  if (operation.takesBody) {
    for (const body of sample(hostileObject(operation), 5, 1))
      cases.push({ ...base, what: 'body', path, body });
    for (const body of sample(malformedRawBody, 2, 2)) {
      if (body.payload === '' && !operation.bodyRequired) continue;
      cases.push({ ...base, what: 'raw body', path, body });
    }
  }
  const queryName = fc.constantFrom(...operation.queryNames, 'cursor', 'limit', 'q', '%00');
  for (const [name, value] of sample(fc.tuple(queryName, hostileQueryValue), 4, 3)) {
    const query = `${name}=${value}&${name}=${value}`;
    cases.push({ ...base, what: 'query', path: `${path}?${query}`, body: sample(badBody, 1, 4)[0] });
  }
  if (operation.path.includes('{')) {
    for (const [id, body] of sample(fc.tuple(hostileId, badBody), 4, 5))
      cases.push({ ...base, what: 'id', path: withPathParams(operation.path, id), body });
  }
  for (const [headers, body] of sample(fc.tuple(hostileHeaders, badBody), 3, 6))
    cases.push({ ...base, what: 'headers', path, headers, body });
  return cases;
}

/** Sent with node:http so the path goes out byte for byte (`fetch` and URL parsers resolve `..` and `%2e%2e`). */
function send(fuzzCase: FuzzCase, auth: string | undefined): Promise<Answer> {
  const gateway = new URL(e2eGatewayUrl());
  const headers: Record<string, string> = {
    ...(auth ? { authorization: auth } : {}),
    ...(fuzzCase.body ? { 'content-type': fuzzCase.body.contentType } : {}),
    ...fuzzCase.headers,
  };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: gateway.hostname,
        port: gateway.port,
        method: fuzzCase.operation.method,
        path: fuzzCase.path,
        headers,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            contentType: String(incoming.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(fuzzCase.body?.payload);
  });
}

/** What is wrong with an answer to malformed input, or null when it is a proper refusal (or harmless). */
function faultOf(method: string, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (answer.status < 400)
    return method === 'GET' ? null : `accepted with ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (!answer.contentType.startsWith('application/problem+json'))
    return `${answer.status} without a problem document (${answer.contentType})`;
  const problem = JSON.parse(answer.text) as Record<string, unknown>;
  const complete =
    problem.status === answer.status &&
    ['type', 'title', 'code'].every((member) => typeof problem[member] === 'string');
  return complete
    ? null
    : `${answer.status} with an incomplete problem document: ${answer.text.slice(0, 200)}`;
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}

async function countRows(): Promise<Record<string, number>> {
  const prefix = process.env.DATABASE_PREFIX ?? 'khoinghiep_test_';
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const count = async (database: string, table: string) => {
    server.pathname = `/${prefix}${database}`;
    const client = new pg.Client({ connectionString: server.href });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
      return rows[0].n as number;
    } finally {
      await client.end();
    }
  };
  return {
    users: await count('gateway', 'users'),
    projects: await count('projects', 'projects'),
    history: await count('projects', 'project_history'),
  };
}

describe('fuzzing every public operation of the gateway', () => {
  let operations: Operation[];
  let callers: Record<string, Actor | undefined>;
  let project: ProjectJson;

  beforeAll(async () => {
    const [founder, officer] = await Promise.all([signUp('founder'), staff('programme_officer')]);
    callers = { anonymous: undefined, founder, officer };
    project = await createProject(founder);
    const document = await api().get('/api/docs-json').expect(200);
    operations = operationsOf(document.body as OpenApiDocument);
  });

  it('finds the operations to fuzz in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/register', 'GET /api/v1/projects']),
    );
  });

  it('answers malformed input with a 4xx problem document, never a 5xx, and writes nothing', async () => {
    const before = await countRows();
    const cases = operations.flatMap((operation, index) =>
      Object.keys(callers).flatMap((caller, callerIndex) =>
        casesFor(operation, caller, project.id, SEED + index * 100 + callerIndex * 10),
      ),
    );
    const faults: string[] = [];
    const started = Date.now();
    await inBatches(cases, CONCURRENCY, async (fuzzCase) => {
      const answer = await send(fuzzCase, callers[fuzzCase.caller]?.auth);
      const fault = faultOf(fuzzCase.operation.method, answer);
      if (fault) {
        const shown = fuzzCase.path.length > 120 ? `${fuzzCase.path.slice(0, 120)}…` : fuzzCase.path;
        const body = fuzzCase.body ? ` body ${fuzzCase.body.payload.slice(0, 120)}` : '';
        const headers = JSON.stringify(fuzzCase.headers).slice(0, 120);
        faults.push(
          `${fuzzCase.caller} ${fuzzCase.operation.method} ${shown} (${fuzzCase.what}) ${headers}${body} → ${fault}`,
        );
      }
    });
    const elapsed = Date.now() - started;

    expect(faults).toEqual([]);
    expect(await countRows()).toEqual(before);
    const founder = callers.founder as Actor;
    const after = await api()
      .get(`/api/v1/projects/${project.id}`)
      .set('authorization', founder.auth)
      .expect(200);
    expect(after.body).toMatchObject({ status: 'draft', version: project.version, title: project.title });
    expect(cases.length).toBeGreaterThan(300);
    expect(elapsed).toBeLessThan(60_000);
  });
});
