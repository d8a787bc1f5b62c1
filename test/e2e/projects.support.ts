import { beforeAll } from '@jest/globals';
import { e2eGatewayUrl, projectBody, TEST_ADMIN } from '@khoinghiep/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { OpenApiConformance } from './openapi-conformance.js';

export { projectBody };

let conformance: OpenApiConformance | undefined;

// Every exchange through `api()` is checked against the document the gateway serves (see OpenApiConformance).
beforeAll(async () => {
  conformance = new OpenApiConformance(
    (await request(e2eGatewayUrl()).get('/api/docs-json').expect(200)).body,
  );
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];
type Api = Pick<ReturnType<typeof request>, Method>;

/** The body superagent is about to send (it keeps it in `_data`). */
const sentBody = (test: request.Test) => (test as unknown as { _data?: unknown })._data;

function conforming(test: request.Test, method: Method): request.Test {
  return test.expect((response) => {
    const found = conformance?.violations(method, test.url, sentBody(test), response) ?? [];
    if (found.length > 0) throw new Error(`Not as the OpenAPI document says:\n${found.join('\n')}`);
  });
}

/** Requests to the gateway of the platform under test, each checked against its OpenAPI document. */
export function api(): Api {
  const agent = request(e2eGatewayUrl());
  return Object.fromEntries(
    METHODS.map((method) => [method, (url: string) => conforming(agent[method](url), method)]),
  ) as unknown as Api;
}

export interface Actor {
  id: string;
  email: string;
  auth: string;
}

const PASSWORD = 'Khoinghiep-E2E-2026';
const unique = () => uuidv7().slice(-12);

async function login(email: string, password: string): Promise<{ id: string; auth: string }> {
  const response = await api().post('/api/v1/auth/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.user.id, auth: `Bearer ${response.body.accessToken}` };
}

/** A founder or an investor who registered themselves at the gateway and signed in. */
export async function signUp(role: 'founder' | 'investor', fullName = `E2E ${role}`): Promise<Actor> {
  const email = `${role}-${unique()}@e2e.khoinghiep.vn`;
  const registered = await api()
    .post('/api/v1/auth/register')
    .send({ email, password: PASSWORD, fullName, role });
  if (registered.status !== 201)
    throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  return { email, ...(await login(email, PASSWORD)) };
}

let adminSession: Promise<Actor> | undefined;

/** The platform's first admin (ADMIN_EMAIL/ADMIN_PASSWORD of the test platform), signed in once per file. */
export function admin(): Promise<Actor> {
  adminSession ??= login(TEST_ADMIN.email, TEST_ADMIN.password).then((session) => ({
    email: TEST_ADMIN.email,
    ...session,
  }));
  return adminSession;
}

/** A staff account (e.g. a programme officer) created by the platform's first admin, signed in. */
export async function staff(role: string, fullName = `E2E ${role}`): Promise<Actor> {
  const email = `${role.replaceAll('_', '-')}-${unique()}@e2e.khoinghiep.vn`;
  const created = await api()
    .post('/api/v1/admin/users')
    .set('authorization', (await admin()).auth)
    .send({ email, password: PASSWORD, fullName, roles: [role] });
  if (created.status !== 201)
    throw new Error(`admin/users: ${created.status} ${JSON.stringify(created.body)}`);
  return { email, ...(await login(email, PASSWORD)) };
}

export interface ProjectJson {
  id: string;
  status: string;
  version: number;
  ownerId: string;
  [field: string]: unknown;
}

/** Creates a draft as `founder`; overrides change the valid example body. */
export async function createProject(
  founder: Actor,
  overrides: Record<string, unknown> = {},
): Promise<ProjectJson> {
  const response = await api()
    .post('/api/v1/projects')
    .set('authorization', founder.auth)
    .send(projectBody(overrides));
  if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** POSTs a transition and returns the answer (status not checked). */
export function act(actor: Actor, projectId: string, action: string, body: object = {}) {
  return api().post(`/api/v1/projects/${projectId}/${action}`).set('authorization', actor.auth).send(body);
}

/** Creates, submits and approves a project, returning it published. */
export async function publishedProject(
  founder: Actor,
  officer: Actor,
  overrides: Record<string, unknown> = {},
): Promise<ProjectJson> {
  const project = await createProject(founder, overrides);
  await expectStatus(act(founder, project.id, 'submit'), 200);
  const approved = await expectStatus(act(officer, project.id, 'review', { decision: 'approve' }), 200);
  return approved.body;
}

export async function expectStatus(
  pending: PromiseLike<request.Response>,
  status: number,
): Promise<request.Response> {
  const response = await pending;
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}
