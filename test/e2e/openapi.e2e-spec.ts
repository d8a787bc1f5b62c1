import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import type request from 'supertest';
import { api } from './gateway-api.js';
import { OpenApiConformance } from './openapi-conformance.js';

jest.setTimeout(120_000);

const REDOCLY = path.resolve('node_modules/@redocly/cli/bin/cli.js');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/** Redocly CLI's recommended rules over a document: every problem found, errors and warnings alike. */
async function lint(document: unknown): Promise<LintProblem[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'openapi-'));
  try {
    const file = path.join(folder, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const outcome = await promisify(execFile)(
      process.execPath,
      [REDOCLY, 'lint', file, '--extends=recommended', '--format=json'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
    return (JSON.parse(outcome.stdout) as { problems: LintProblem[] }).problems;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('the OpenAPI document at /api/docs-json', () => {
  it("is clean under Redocly CLI's recommended rules, warnings included", async () => {
    const document = (await api().get('/api/docs-json').expect(200)).body;
    const problems = await lint(document);
    expect(
      problems.map(
        (problem) =>
          `${problem.severity} ${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`,
      ),
    ).toEqual([]);
  });

  it('documents every operation with a vi/en summary, an id, a tag, its security and its problems', async () => {
    const document = (await api().get('/api/docs-json').expect(200)).body;
    for (const [route, operations] of Object.entries<Record<string, Record<string, unknown>>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${route}`;
        expect({ where, summary: operation.summary }).toEqual({
          where,
          summary: expect.stringMatching(/ \/ /),
        });
        expect({ where, id: operation.operationId }).toEqual({ where, id: expect.any(String) });
        expect({ where, security: Array.isArray(operation.security) }).toEqual({ where, security: true });
        const responses = operation.responses as Record<string, { content?: Record<string, unknown> }>;
        for (const [status, response] of Object.entries(responses)) {
          if (Number(status) >= 400) {
            expect({ where, status, media: Object.keys(response.content ?? {}) }).toEqual({
              where,
              status,
              media: ['application/problem+json'],
            });
          }
        }
        const required = ((operation.parameters ?? []) as { in: string; name: string; required?: boolean }[])
          .filter((parameter) => parameter.in === 'header' && parameter.required)
          .map((parameter) => parameter.name);
        // The only required header is a money command's Idempotency-Key (ADR 0017), with its 400 and 422.
        expect({ where, requiredHeaders: required.filter((name) => name !== 'Idempotency-Key') }).toEqual({
          where,
          requiredHeaders: [],
        });
        if (required.includes('Idempotency-Key'))
          expect({ where, has400and422: '400' in responses && '422' in responses }).toEqual({
            where,
            has400and422: true,
          });
        if ((operation.security as unknown[]).length > 0)
          expect({ where, has401: '401' in responses }).toEqual({ where, has401: true });
      }
    }
  });
});

describe('the conformance check every e2e request goes through', () => {
  let conformance: OpenApiConformance;
  const url = (path: string) => `http://127.0.0.1${path}`;
  const answer = (status: number, body: unknown, contentType = 'application/json') =>
    ({ status, body, headers: { 'content-type': contentType } }) as unknown as request.Response;
  const id = '0198f1a2-7c3b-7d4e-8f90-123456789abc';

  beforeAll(async () => {
    conformance = new OpenApiConformance((await api().get('/api/docs-json').expect(200)).body);
  });

  it('flags an answer whose body breaks its schema', () => {
    expect(
      conformance.violations('get', url(`/api/v1/projects/${id}`), undefined, answer(200, { id })),
    ).toEqual([expect.stringContaining("must have required property 'ownerId'")]);
  });

  it('flags a status the document does not give, and a problem sent as plain JSON', () => {
    expect(conformance.violations('get', url('/api/v1/me/projects'), undefined, answer(418, {}))).toEqual([
      expect.stringContaining('status not documented'),
    ]);
    const problem = { type: 'urn:x', title: 'x', status: 404, detail: 'x', code: 'PROJECT_NOT_FOUND' };
    expect(
      conformance.violations('get', url(`/api/v1/projects/${id}`), undefined, answer(404, problem)),
    ).toEqual([expect.stringContaining('media type application/json not documented')]);
  });

  it('flags a request the platform accepted although the document refuses it', () => {
    const page = answer(200, { items: [], nextCursor: null });
    expect(conformance.violations('get', url('/api/v1/me/projects?colour=red'), undefined, page)).toEqual([
      expect.stringContaining('undocumented query parameter colour'),
    ]);
  });
});
