import { jest } from '@jest/globals';
import {
  type Actor,
  act,
  api,
  createProject,
  expectStatus,
  type ProjectJson,
  projectBody,
  publishedProject,
  signUp,
  staff,
} from './projects.support.js';

jest.setTimeout(60_000);

const PROBLEM = /application\/problem\+json/;

describe('project rules through the gateway', () => {
  let founder: Actor;
  let otherFounder: Actor;
  let investor: Actor;
  let officer: Actor;
  let fundOfficer: Actor;

  beforeAll(async () => {
    [founder, otherFounder, investor, officer, fundOfficer] = await Promise.all([
      signUp('founder'),
      signUp('founder'),
      signUp('investor'),
      staff('programme_officer'),
      staff('fund_officer'),
    ]);
  });

  /** Brings a fresh project of `founder` into `status` through the API. */
  async function projectIn(status: string): Promise<ProjectJson> {
    const project = await createProject(founder);
    const steps: Record<string, [Actor, string, object][]> = {
      draft: [],
      submitted: [[founder, 'submit', {}]],
      revision_requested: [
        [founder, 'submit', {}],
        [officer, 'review', { decision: 'request_revision', comment: 'Bổ sung hồ sơ.' }],
      ],
      published: [
        [founder, 'submit', {}],
        [officer, 'review', { decision: 'approve' }],
      ],
      rejected: [
        [founder, 'submit', {}],
        [officer, 'review', { decision: 'reject', comment: 'Không thuộc đối tượng hỗ trợ.' }],
      ],
      withdrawn: [
        [founder, 'submit', {}],
        [founder, 'withdraw', {}],
      ],
      unpublished: [
        [founder, 'submit', {}],
        [officer, 'review', { decision: 'approve' }],
        [officer, 'unpublish', { reason: 'Thông tin sai lệch.' }],
      ],
    };
    let current = project;
    for (const [actor, action, body] of steps[status] ?? []) {
      current = (await expectStatus(act(actor, project.id, action, body), 200)).body;
    }
    expect(current.status).toBe(status);
    return current;
  }

  describe('illegal transitions are a 409 problem naming the current state', () => {
    const approve = { decision: 'approve' };
    const reject = { decision: 'reject', comment: 'Không phù hợp.' };
    const revise = { decision: 'request_revision', comment: 'Bổ sung.' };
    const cases: [string, string, 'founder' | 'officer', string, object][] = [
      ['approve', 'withdrawn', 'officer', 'review', approve],
      ['reject', 'withdrawn', 'officer', 'review', reject],
      ['request a revision of', 'revision_requested', 'officer', 'review', revise],
      ['approve', 'published', 'officer', 'review', approve],
      ['approve', 'rejected', 'officer', 'review', approve],
      ['submit', 'submitted', 'founder', 'submit', {}],
      ['submit', 'published', 'founder', 'submit', {}],
      ['submit', 'rejected', 'founder', 'submit', {}],
      ['submit', 'withdrawn', 'founder', 'submit', {}],
      ['withdraw', 'published', 'founder', 'withdraw', {}],
      ['withdraw', 'rejected', 'founder', 'withdraw', {}],
      ['withdraw', 'withdrawn', 'founder', 'withdraw', {}],
      ['unpublish', 'submitted', 'officer', 'unpublish', { reason: 'Gỡ thử nghiệm.' }],
      ['unpublish', 'unpublished', 'officer', 'unpublish', { reason: 'Gỡ lần hai.' }],
    ];

    it.each(cases)('refuses to %s a %s project', async (_verb, status, who, action, body) => {
      const project = await projectIn(status);
      const response = await act(who === 'founder' ? founder : officer, project.id, action, body);
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({
        code: 'PROJECT_ILLEGAL_TRANSITION',
        currentStatus: status,
        status: 409,
      });
      expect(response.body.detail).toContain(status);
    });

    it.each(['submitted', 'published', 'rejected', 'withdrawn', 'unpublished'])(
      'refuses to edit a %s project',
      async (status) => {
        const project = await projectIn(status);
        const response = await api()
          .patch(`/api/v1/projects/${project.id}`)
          .set('authorization', founder.auth)
          .send({ teamSize: 9, version: project.version });
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ code: 'PROJECT_ILLEGAL_TRANSITION', currentStatus: status });
      },
    );

    it('answers in English when asked', async () => {
      const project = await projectIn('rejected');
      const response = await act(officer, project.id, 'review', approve).set('accept-language', 'en');
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/Cannot approve a project whose status is "rejected"/);
    });

    it('does not even tell an officer that a draft exists (404), let alone approve it', async () => {
      const project = await projectIn('draft');
      expect((await act(officer, project.id, 'review', approve)).status).toBe(404);
    });
  });

  describe('no token: 401 on every route but the reference data', () => {
    const id = '0198f1a2-7c3b-7d4e-8f90-123456789abc';
    it.each([
      ['post', '/api/v1/projects'],
      ['get', '/api/v1/projects'],
      ['get', '/api/v1/projects/review-queue'],
      ['get', `/api/v1/projects/${id}`],
      ['patch', `/api/v1/projects/${id}`],
      ['post', `/api/v1/projects/${id}/submit`],
      ['post', `/api/v1/projects/${id}/withdraw`],
      ['post', `/api/v1/projects/${id}/review`],
      ['post', `/api/v1/projects/${id}/unpublish`],
      ['get', `/api/v1/projects/${id}/history`],
      ['get', '/api/v1/me/projects'],
    ] as const)('%s %s', async (method, path) => {
      const response = await api()[method](path).send({});
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });

    it('refuses a forged token', async () => {
      await api().get('/api/v1/projects').set('authorization', 'Bearer not.a.token').expect(401);
    });
  });

  describe('path segments', () => {
    it.each([
      ['get', '/api/v1/projects/%2e%2e'],
      ['get', '/api/v1/projects/%2e%2e/history'],
      ['post', '/api/v1/projects/%2e%2e/review'],
      ['post', '/api/v1/projects/..%2freview-queue/submit'],
      ['patch', '/api/v1/projects/not-a-project-id'],
    ] as const)(
      '%s %s: an id that is not a UUID is a 400 naming it, never another route',
      async (method, path) => {
        const actor = method === 'post' && path.endsWith('review') ? officer : founder;
        const response = await api()
          [method](path)
          .set('authorization', actor.auth)
          .send({ decision: 'approve' });
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['id']);
      },
    );
  });

  describe('wrong role: 403', () => {
    it('lets neither investors nor officers create projects', async () => {
      for (const actor of [investor, officer, fundOfficer]) {
        const response = await api()
          .post('/api/v1/projects')
          .set('authorization', actor.auth)
          .send(projectBody());
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
    });

    it('lets only programme officers review, unpublish and read the queue', async () => {
      const submitted = await projectIn('submitted');
      const published = await projectIn('published');
      for (const actor of [founder, investor, fundOfficer]) {
        expect((await act(actor, submitted.id, 'review', { decision: 'approve' })).status).toBe(403);
        expect((await act(actor, published.id, 'unpublish', { reason: 'Không được phép.' })).status).toBe(
          403,
        );
        await api().get('/api/v1/projects/review-queue').set('authorization', actor.auth).expect(403);
      }
      // The founder may not approve their own project either.
      expect((await act(founder, submitted.id, 'review', { decision: 'approve' })).status).toBe(403);
    });

    it('keeps investors to published projects in the catalogue', async () => {
      const response = await api()
        .get('/api/v1/projects')
        .query({ status: 'rejected' })
        .set('authorization', investor.auth)
        .expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['status']);
    });
  });

  describe('wrong owner', () => {
    it("answers another founder's request for a draft with 404, as if it did not exist", async () => {
      const draft = await projectIn('draft');
      const unknown = '0198f1a2-7c3b-7d4e-8f90-123456789abc';
      const asked = await api()
        .get(`/api/v1/projects/${draft.id}`)
        .set('authorization', otherFounder.auth)
        .expect(404);
      const missing = await api()
        .get(`/api/v1/projects/${unknown}`)
        .set('authorization', otherFounder.auth)
        .expect(404);
      expect(asked.body.code).toBe(missing.body.code);
      await api()
        .patch(`/api/v1/projects/${draft.id}`)
        .set('authorization', otherFounder.auth)
        .send({ title: 'Chiếm dự án của người khác', version: 1 })
        .expect(404);
      expect((await act(otherFounder, draft.id, 'submit')).status).toBe(404);
      expect((await act(otherFounder, draft.id, 'withdraw')).status).toBe(404);
      await api()
        .get(`/api/v1/projects/${draft.id}/history`)
        .set('authorization', otherFounder.auth)
        .expect(404);
    });

    it('hides drafts from investors and officers, and rejected or unpublished projects from investors', async () => {
      const draft = await projectIn('draft');
      const rejected = await projectIn('rejected');
      const unpublished = await projectIn('unpublished');
      await api().get(`/api/v1/projects/${draft.id}`).set('authorization', officer.auth).expect(404);
      for (const project of [draft, rejected, unpublished]) {
        await api().get(`/api/v1/projects/${project.id}`).set('authorization', investor.auth).expect(404);
      }
      await api().get(`/api/v1/projects/${rejected.id}`).set('authorization', officer.auth).expect(200);
    });

    it("refuses with 403 a change to someone else's project the caller can see", async () => {
      const published = await publishedProject(founder, officer);
      const response = await act(otherFounder, published.id, 'withdraw');
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('PROJECT_OWNER_ONLY');
      await api()
        .patch(`/api/v1/projects/${published.id}`)
        .set('authorization', otherFounder.auth)
        .send({ title: 'Sửa dự án của người khác', version: published.version })
        .expect(403);
    });

    it("does not list another founder's projects under /me/projects", async () => {
      const draft = await projectIn('draft');
      const mine = await api().get('/api/v1/me/projects').set('authorization', otherFounder.auth).expect(200);
      expect(mine.body.items.map((item: { id: string }) => item.id)).not.toContain(draft.id);
    });
  });

  describe('concurrent edits', () => {
    it('refuses an edit based on a stale version with 412 (If-Match) or 409 (version), never overwriting', async () => {
      const project = await projectIn('draft');
      await api()
        .patch(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .set('if-match', '"1"')
        .send({ title: 'Bản sửa thứ nhất' })
        .expect(200);
      const byHeader = await api()
        .patch(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .set('if-match', '"1"')
        .send({ title: 'Bản sửa dựa trên bản cũ' });
      expect(byHeader.status).toBe(412);
      expect(byHeader.body).toMatchObject({ code: 'PROJECT_VERSION_STALE', currentVersion: 2 });
      const byBody = await api()
        .patch(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .send({ title: 'Bản sửa dựa trên bản cũ', version: 1 });
      expect(byBody.status).toBe(409);
      const current = await api().get(`/api/v1/projects/${project.id}`).set('authorization', founder.auth);
      expect(current.body).toMatchObject({ title: 'Bản sửa thứ nhất', version: 2 });
      await api()
        .patch(`/api/v1/projects/${project.id}`)
        .set('authorization', founder.auth)
        .send({ title: 'Không nêu phiên bản' })
        .expect(428);
    });
  });
});
