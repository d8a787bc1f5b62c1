import { projectBody, TEST_ADMIN } from '@khoinghiep/testing';
import type request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { api } from './gateway-api.js';

export { api, projectBody };

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
export async function staff(role: string | string[], fullName = `E2E ${role}`): Promise<Actor> {
  const roles = Array.isArray(role) ? role : [role];
  const email = `${roles.join('-').replaceAll('_', '-')}-${unique()}@e2e.khoinghiep.vn`;
  const created = await api()
    .post('/api/v1/admin/users')
    .set('authorization', (await admin()).auth)
    .send({ email, password: PASSWORD, fullName, roles });
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
