import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { eventually, TEST_METRICS_PORT, TEST_PORTS } from '@khoinghiep/testing';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { act, admin, api, createProject, expectStatus, signUp, staff } from './projects.support.js';

// The platform's edges as an outsider probes them: the signing key, the interfaces it listens on, what its
// answers give away, and whether a deactivated officer can still act.

const projectsService = () => request(`http://127.0.0.1:${TEST_PORTS.projects}`);

/** The development key that used to be in the source: whoever read it could sign an admin token. */
const FORMER_SOURCE_KEY = 'khoinghiep-local-development-secret-change-me';

/** Whether something accepts a TCP connection on `host:port`. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the signing key', () => {
  it('refuses an admin token signed with the key that used to be in the source, at the gateway and the services', async () => {
    const forged = new JwtService({ secret: FORMER_SOURCE_KEY }).sign(
      { email: 'intruder@example.vn', name: 'Intruder', roles: ['admin'], sv: 0 },
      { subject: crypto.randomUUID(), issuer: 'khoinghiep-hub', audience: 'khoinghiep-hub', expiresIn: 300 },
    );
    const created = await api()
      .post('/api/v1/admin/users')
      .set('authorization', `Bearer ${forged}`)
      .send({ email: 'x@example.vn', password: 'Intruder-Pass-2026', fullName: 'X', roles: ['admin'] })
      .expect(401);
    expect(created.body.code).toBe('INVALID_TOKEN');
    const direct = await projectsService()
      .get('/api/v1/projects/review-queue')
      .set('authorization', `Bearer ${forged}`)
      .expect(401);
    expect(direct.body.code).toBe('INVALID_TOKEN');
  });
});

describe('interfaces and headers', () => {
  it('listens on loopback only: another address of this machine is refused', async () => {
    const elsewhere = [
      '127.0.0.2', // loopback too on Linux, but not the address the apps bind to
      ...Object.values(networkInterfaces())
        .flat()
        .filter((address) => address && !address.internal && address.family === 'IPv4')
        .map((address) => address?.address as string),
    ];
    expect(await accepts('127.0.0.1', TEST_PORTS.gateway)).toBe(true);
    for (const host of elsewhere) {
      for (const port of [TEST_PORTS.gateway, TEST_PORTS.projects]) {
        expect({ host, port, accepted: await accepts(host, port) }).toEqual({ host, port, accepted: false });
      }
    }
  });

  it('does not say which framework answers', async () => {
    const gateway = await api().get('/health/live').expect(200);
    expect(gateway.headers['x-powered-by']).toBeUndefined();
    const service = await projectsService().get('/health/live').expect(200);
    expect(service.headers['x-powered-by']).toBeUndefined();
    const problem = await api().get('/api/v1/no-such-route').expect(404);
    expect(problem.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the gateway metrics on their own loopback port, not on the public one', async () => {
    await api().get('/metrics').expect(404);
    const metrics = await request(`http://127.0.0.1:${TEST_METRICS_PORT}`).get('/metrics').expect(200);
    expect(metrics.text).toContain('process_cpu_user_seconds_total{service="gateway"}');
    // A service's port is internal: its metrics stay there.
    const service = await projectsService().get('/metrics').expect(200);
    expect(service.text).toContain('service="projects"');
  });
});

describe('a deactivated officer', () => {
  it('can no longer review, through the gateway or at the service, and can again once reactivated', async () => {
    const founder = await signUp('founder');
    const officer = await staff('programme_officer');
    const project = await createProject(founder);
    await expectStatus(act(founder, project.id, 'submit'), 200);
    const adminAuth = (await admin()).auth;
    // The officer acts at the service directly with a valid token: the service has not heard of them (active).
    await projectsService()
      .get('/api/v1/projects/review-queue')
      .set('authorization', officer.auth)
      .expect(200);

    await api()
      .post(`/api/v1/admin/users/${officer.id}/deactivation`)
      .set('authorization', adminAuth)
      .send({ reason: 'Cán bộ đã chuyển công tác' })
      .expect(200);

    // The gateway knows at once.
    const viaGateway = await act(officer, project.id, 'review', { decision: 'approve' });
    expect({ status: viaGateway.status, code: viaGateway.body.code }).toEqual({
      status: 401,
      code: 'ACCOUNT_DEACTIVATED',
    });
    // The service, once identity.events has brought it the news, refuses the still-unexpired token too.
    await eventually('the projects service refuses the deactivated officer', async () => {
      const response = await projectsService()
        .get('/api/v1/projects/review-queue')
        .set('authorization', officer.auth);
      return response.status === 401 && response.body.code === 'ACCOUNT_DEACTIVATED';
    });
    const direct = await projectsService()
      .post(`/api/v1/projects/${project.id}/review`)
      .set('authorization', officer.auth)
      .send({ decision: 'approve' });
    expect({ status: direct.status, code: direct.body.code }).toEqual({
      status: 401,
      code: 'ACCOUNT_DEACTIVATED',
    });
    const unchanged = await api().get(`/api/v1/projects/${project.id}`).set('authorization', founder.auth);
    expect(unchanged.body.status).toBe('submitted');

    await api()
      .post(`/api/v1/admin/users/${officer.id}/reactivation`)
      .set('authorization', adminAuth)
      .send({ reason: 'Trở lại vị trí' })
      .expect(200);
    // The token from before the deactivation stays refused; a new sign-in works once the service heard of it.
    expect((await act(officer, project.id, 'review', { decision: 'approve' })).body.code).toBe(
      'TOKEN_REVOKED',
    );
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ email: officer.email, password: 'Khoinghiep-E2E-2026' })
      .expect(200);
    const fresh = `Bearer ${login.body.accessToken}`;
    await eventually('the projects service admits the reactivated officer', async () => {
      const response = await projectsService()
        .get('/api/v1/projects/review-queue')
        .set('authorization', fresh);
      return response.status === 200;
    });
    const approved = await act({ ...officer, auth: fresh }, project.id, 'review', { decision: 'approve' });
    expect({ status: approved.status, projectStatus: approved.body.status }).toEqual({
      status: 200,
      projectStatus: 'published',
    });
    // And the service refuses the old token for good.
    const old = await projectsService()
      .get('/api/v1/projects/review-queue')
      .set('authorization', officer.auth);
    expect(old.body.code).toBe('TOKEN_REVOKED');
    // Two waits for account standing to reach the service inside: more than Jest's default 5 s on a busy machine.
  }, 60_000);
});
