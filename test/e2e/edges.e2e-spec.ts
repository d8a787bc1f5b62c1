import { jest } from '@jest/globals';
import { v4 as uuidv4 } from 'uuid';
import { type Actor, api, createProject, signUp } from './projects.support.js';

jest.setTimeout(60_000);

// What a probe of the public API found at its edges, each answered now with a 400 naming the field.
describe('the edges of the public API', () => {
  let founder: Actor;

  beforeAll(async () => {
    founder = await signUp('founder');
  });

  const register = (overrides: Record<string, unknown>) =>
    api()
      .post('/api/v1/auth/register')
      .set('accept-language', 'en')
      .send({
        email: `edge-${uuidv4().slice(0, 8)}@e2e.khoinghiep.vn`,
        password: 'Khoinghiep-E2E-2026',
        fullName: 'Nguyễn Thị Lan',
        role: 'founder',
        ...overrides,
      });

  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it('refuses a NUL in a name at registration, without signing in, with a 400 naming the field', async () => {
    const response = await register({ fullName: 'Lan\u0000' }).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fieldsOf(response.body)).toEqual(['fullName']);
  });

  it('refuses a name of only spaces and zero-width characters', async () => {
    const response = await register({ fullName: ' \u200B\u00A0 ' }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['fullName']);
  });

  it('refuses a bidirectional override and a lone surrogate', async () => {
    expect(fieldsOf((await register({ fullName: 'Lan\u202Eadmin' }).expect(400)).body)).toEqual(['fullName']);
    expect(fieldsOf((await register({ fullName: 'Lan\uD800' }).expect(400)).body)).toEqual(['fullName']);
  });

  it('refuses an email that only looks like a registered one (a Cyrillic о)', async () => {
    const response = await register({ email: founder.email.replace('o', '\u043E') }).expect(400);
    expect(response.body.errors).toEqual([
      {
        field: 'email',
        message: 'email may contain only ASCII characters (unaccented Latin letters, digits, symbols)',
      },
    ]);
  });

  it('answers JSON nested thousands of levels deep at login with a 400, not a crash', async () => {
    const response = await api()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(`{"email":${'['.repeat(5000)}${']'.repeat(5000)},"password":"x"}`)
      .expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fieldsOf(response.body)[0]).toMatch(/^email(\[0\])+$/);
  });

  it('stores a title padded with zero-width characters and decomposed accents as its composed words', async () => {
    const project = await createProject(founder, {
      title: `\u200B\uFEFF ${'Cà phê đặc sản Buôn Ma Thuột'.normalize('NFD')} \u200B`,
    });
    expect(project.title).toBe('Cà phê đặc sản Buôn Ma Thuột');
  });

  it('answers a page cursor holding an impossible date with a 400 naming the cursor', async () => {
    const cursor = Buffer.from(JSON.stringify(['catalogue', '2026-02-30T00:00:00.000Z', uuidv4()])).toString(
      'base64url',
    );
    const response = await api()
      .get('/api/v1/projects')
      .query({ cursor })
      .set('authorization', founder.auth)
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['cursor']);
  });
});
