import { jest } from '@jest/globals';
import { type Actor, api, createProject, projectBody, signUp, staff } from './projects.support.js';

jest.setTimeout(60_000);

// Invalid payloads get a clear 400 problem naming the offending field, in Vietnamese by default.
describe('invalid project payloads through the gateway', () => {
  let founder: Actor;
  let officer: Actor;

  beforeAll(async () => {
    [founder, officer] = await Promise.all([signUp('founder'), staff('programme_officer')]);
  });

  const create = (body: object) =>
    api().post('/api/v1/projects').set('authorization', founder.auth).send(body);

  it.each([
    ['an unknown field', { ownerId: '0198f1a2-7c3b-7d4e-8f90-123456789abc' }, 'ownerId'],
    ['a field of the wrong type', { teamSize: 'sáu người' }, 'teamSize'],
    ['a title too long', { title: 'Dự án cà phê '.repeat(20) }, 'title'],
    ['a description too long', { description: 'Mô tả '.repeat(4000) }, 'description'],
    ['a province that no longer exists (Hà Giang, 02)', { provinceCode: '02' }, 'provinceCode'],
    ['a province code that never existed', { provinceCode: '99' }, 'provinceCode'],
    ['negative money', { fundingAsk: '-1500000000' }, 'fundingAsk'],
    ['fractional money', { fundingAsk: '1500000000.50' }, 'fundingAsk'],
    ['money as a JSON number', { fundingAsk: 1500000000 }, 'fundingAsk'],
    ['an unknown sector', { sector: 'mining' }, 'sector'],
    ['too few OCOP stars', { ocopStars: 2 }, 'ocopStars'],
    ['an unknown target group', { targetGroups: ['veterans'] }, 'targetGroups'],
  ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
    const response = await create(projectBody(overrides));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    expect(response.body.errors[0].message).toEqual(expect.any(String));
    expect(response.body.correlationId).toEqual(expect.any(String));
  });

  it('refuses a body missing required fields, naming each', async () => {
    const response = await create({ title: 'Chỉ có tên dự án' });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'summary',
        'description',
        'kind',
        'sector',
        'stage',
        'provinceCode',
        'fundingAsk',
      ]),
    );
  });

  it('words the problem in English when asked', async () => {
    const response = await create(projectBody({ fundingAsk: '-1' })).set('accept-language', 'en');
    expect(response.status).toBe(400);
    expect(response.body.title).toBe('Invalid input');
  });

  it('validates edits, reviews and queries too', async () => {
    const project = await createProject(founder);
    const edit = await api()
      .patch(`/api/v1/projects/${project.id}`)
      .set('authorization', founder.auth)
      .send({ fundingAsk: '12.5', version: 1 });
    expect(edit.status).toBe(400);
    expect(edit.body.errors[0].field).toBe('fundingAsk');

    const review = await api()
      .post(`/api/v1/projects/${project.id}/review`)
      .set('authorization', officer.auth)
      .send({ decision: 'maybe' });
    expect(review.status).toBe(400);
    expect(review.body.errors.map((error: { field: string }) => error.field)).toContain('decision');

    const query = await api()
      .get('/api/v1/projects')
      .query({ minFundingAsk: '-5', limit: '1000' })
      .set('authorization', founder.auth);
    expect(query.status).toBe(400);
    expect(query.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'limit',
      'minFundingAsk',
    ]);

    const cursor = await api()
      .get('/api/v1/projects')
      .query({ cursor: 'forged' })
      .set('authorization', founder.auth);
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].field).toBe('cursor');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await create(projectBody({ description: 'x'.repeat(200_000) }));
    expect(response.status).toBe(413);
  });
});
