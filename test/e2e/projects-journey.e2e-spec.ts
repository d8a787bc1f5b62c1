import { jest } from '@jest/globals';
import { type Actor, act, api, createProject, expectStatus, signUp, staff } from './projects.support.js';

jest.setTimeout(60_000);

// The first journey a real user takes, through the gateway with every app running: a founder submits, an officer
// sends it back, the founder fixes and resubmits, the officer publishes, an investor finds it; history tells all.
describe('founder → officer → investor', () => {
  let founder: Actor;
  let officer: Actor;
  let investor: Actor;

  beforeAll(async () => {
    [founder, officer, investor] = await Promise.all([
      signUp('founder', 'Nguyễn Thị Lan'),
      staff('programme_officer', 'Trịnh Văn Bình'),
      signUp('investor', 'Quỹ thiên thần Mê Kông'),
    ]);
  });

  it('goes from draft to published and is found by an investor, with every step in the history', async () => {
    const marker = `Hành trình ${Date.now().toString(36)}`;
    // Founder: a draft, then an edit based on the version read (If-Match = ETag).
    const created = await api()
      .post('/api/v1/projects')
      .set('authorization', founder.auth)
      .send({
        title: `Cà phê đặc sản Buôn Ma Thuột ${marker}`,
        summary: 'Rang xay cà phê Robusta đặc sản chế biến ướt, truy xuất nguồn gốc từng lô.',
        description: 'Hợp tác xã liên kết 40 hộ trồng cà phê theo chuẩn 4C, đầu tư dây chuyền sơ chế ướt.',
        kind: 'innovative_startup',
        sector: 'agriculture_food',
        stage: 'early_revenue',
        provinceCode: '66',
        commune: 'Phường Buôn Ma Thuột',
        fundingAsk: '1500000000',
        teamSize: 6,
        targetGroups: ['women_led', 'youth'],
        ocopStars: 4,
        certificationLevel: 'province',
        website: 'https://caphe-bmt.example.vn',
        sharedContactFields: ['email', 'phone'],
      })
      .expect(201);
    const id: string = created.body.id;
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      ownerId: founder.id,
      fundingAsk: '1500000000',
    });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/projects/${id}`);
    for (const field of ['id', 'status', 'version', 'ownerId', 'createdAt', 'updatedAt']) {
      expect(created.body).toHaveProperty(field);
    }

    const edited = await api()
      .patch(`/api/v1/projects/${id}`)
      .set('authorization', founder.auth)
      .set('if-match', created.headers.etag as string)
      .send({ teamSize: 8 })
      .expect(200);
    expect(edited.body).toMatchObject({ teamSize: 8, version: 2 });

    // A draft is private: the investor is told it does not exist, and the officer does not queue it.
    await api().get(`/api/v1/projects/${id}`).set('authorization', investor.auth).expect(404);
    await expectStatus(act(founder, id, 'submit'), 200);
    await api().get(`/api/v1/projects/${id}`).set('authorization', investor.auth).expect(404);

    // Officer: the project waits in the queue (oldest first) and goes back to the founder with a comment.
    const queue = await api()
      .get('/api/v1/projects/review-queue')
      .query({ limit: 100 })
      .set('authorization', officer.auth)
      .expect(200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(id);
    const submittedTimes = queue.body.items.map((item: { submittedAt: string }) => item.submittedAt);
    expect([...submittedTimes].sort()).toEqual(submittedTimes);
    const comment = 'Đề nghị bổ sung kế hoạch tài chính 3 năm và hợp đồng bao tiêu.';
    const sentBack = await expectStatus(
      act(officer, id, 'review', { decision: 'request_revision', comment }),
      200,
    );
    expect(sentBack.body).toMatchObject({ status: 'revision_requested', lastReviewComment: comment });

    // Founder: sees the comment, edits, resubmits.
    const read = await api().get(`/api/v1/projects/${id}`).set('authorization', founder.auth).expect(200);
    expect(read.body.lastReviewComment).toBe(comment);
    await api()
      .patch(`/api/v1/projects/${id}`)
      .set('authorization', founder.auth)
      .send({ fundingAsk: '1800000000', version: read.body.version })
      .expect(200);
    await expectStatus(act(founder, id, 'submit'), 200);

    // Officer: publishes.
    const published = await expectStatus(
      act(officer, id, 'review', { decision: 'approve', comment: 'Đạt yêu cầu.' }),
      200,
    );
    expect(published.body).toMatchObject({ status: 'published', fundingAsk: '1800000000' });
    expect(published.body.publishedAt).toEqual(expect.any(String));

    // Investor: finds it by searching without diacritics, filtered by sector and province, and reads it.
    const found = await api()
      .get('/api/v1/projects')
      .query({ q: `ca phe buon ma thuot ${marker}`, sector: 'agriculture_food', provinceCode: '66' })
      .set('authorization', investor.auth)
      .expect(200);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    await api().get(`/api/v1/projects/${id}`).set('authorization', investor.auth).expect(200);

    // Anyone who may see it reads its history: every change, who, when and why.
    const history = await api()
      .get(`/api/v1/projects/${id}/history`)
      .set('authorization', investor.auth)
      .expect(200);
    expect(
      history.body.items.map((entry: { action: string; toStatus: string }) => [entry.action, entry.toStatus]),
    ).toEqual([
      ['create', 'draft'],
      ['update', 'draft'],
      ['submit', 'submitted'],
      ['request_revision', 'revision_requested'],
      ['update', 'revision_requested'],
      ['submit', 'submitted'],
      ['approve', 'published'],
    ]);
    const revision = history.body.items[3];
    expect(revision).toMatchObject({ comment, actor: { userId: officer.id, roles: ['programme_officer'] } });
    expect(history.body.items[4].changedFields).toEqual(['fundingAsk']);
    for (const entry of history.body.items) expect(Date.parse(entry.occurredAt)).not.toBeNaN();

    // The founder's own list holds it (and every other state).
    const mine = await api().get('/api/v1/me/projects').set('authorization', founder.auth).expect(200);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(id);

    // An officer takes it down with a reason; investors no longer see it, the founder still does.
    const reason = 'Doanh nghiệp tạm ngừng hoạt động để thanh tra.';
    await expectStatus(act(officer, id, 'unpublish', { reason }), 200);
    await api().get(`/api/v1/projects/${id}`).set('authorization', investor.auth).expect(404);
    const gone = await api().get(`/api/v1/projects/${id}`).set('authorization', founder.auth).expect(200);
    expect(gone.body).toMatchObject({ status: 'unpublished', lastReviewComment: reason });
  });

  it('lets a founder withdraw a submitted project and see all their projects in every state', async () => {
    const other = await signUp('founder');
    const draft = await createProject(other, { title: 'Trà mãng cầu Tây Nguyên sấy lạnh' });
    const submitted = await createProject(other, { title: 'Mật ong hoa cà phê Đắk Lắk' });
    await expectStatus(act(other, submitted.id, 'submit'), 200);
    const withdrawn = await expectStatus(
      act(other, submitted.id, 'withdraw', { reason: 'Chưa đủ hồ sơ.' }),
      200,
    );
    expect(withdrawn.body.status).toBe('withdrawn');
    const mine = await api().get('/api/v1/me/projects').set('authorization', other.auth).expect(200);
    expect(mine.body.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([
      [submitted.id, 'withdrawn'],
      [draft.id, 'draft'],
    ]);
    expect(mine.body.nextCursor).toBeNull();
  });

  it('serves the 34 provinces as reference data', async () => {
    const response = await api().get('/api/v1/reference/provinces').expect(200);
    expect(response.body).toHaveLength(34);
    expect(response.body.find((province: { code: string }) => province.code === '79')).toMatchObject({
      name: 'Thành phố Hồ Chí Minh',
      kind: 'city',
    });
  });

  it('documents the projects routes in the OpenAPI document', async () => {
    const document = await api().get('/api/docs-json').expect(200);
    const paths = Object.keys(document.body.paths);
    for (const path of [
      '/api/v1/projects',
      '/api/v1/projects/review-queue',
      '/api/v1/projects/{id}',
      '/api/v1/projects/{id}/submit',
      '/api/v1/projects/{id}/withdraw',
      '/api/v1/projects/{id}/review',
      '/api/v1/projects/{id}/unpublish',
      '/api/v1/projects/{id}/history',
      '/api/v1/me/projects',
      '/api/v1/reference/provinces',
    ]) {
      expect(paths).toContain(path);
    }
    const bodyRef: string =
      document.body.paths['/api/v1/projects'].post.requestBody.content['application/json'].schema.$ref;
    const body = document.body.components.schemas[bodyRef.replace('#/components/schemas/', '')];
    expect(body.required).toEqual(
      expect.arrayContaining(['title', 'summary', 'kind', 'provinceCode', 'fundingAsk', 'teamSize']),
    );
    expect(body.properties.provinceCode.enum).toHaveLength(34);
  });
});
