// Seeds founders, investors, programme officers and a few dozen Vietnamese projects (scripts/seed/projects.json),
// each walked through its journey over the gateway: drafts, submissions, revisions, publications, rejections.
import { readFile } from 'node:fs/promises';
import { Api } from './api.mjs';

const DATA = new URL('./projects.json', import.meta.url);
/** Every demo account signs in with this password (demo data only). */
export const DEMO_PASSWORD = 'KhoiNghiep-Demo-2026';

/** Registers a founder or an investor (an existing account, from an earlier run, is fine). */
async function register(api, person, role) {
  await api.call('POST', '/auth/register', {
    body: { email: person.email, password: DEMO_PASSWORD, fullName: person.fullName, role },
    ok: [201, 409],
  });
}

/** Creates (or reuses) a staff account through the first admin. */
async function staffAccount(api, adminToken, person, role) {
  await api.call('POST', '/admin/users', {
    auth: adminToken,
    body: { email: person.email, password: DEMO_PASSWORD, fullName: person.fullName, roles: [role] },
    ok: [201, 409],
  });
  return api.login(person.email, DEMO_PASSWORD);
}

async function myProjects(api, token) {
  return new Map((await api.all('/me/projects', token)).map((project) => [project.title, project]));
}

const transition = (api, token, id, action, body = {}) =>
  api.call('POST', `/projects/${id}/${action}`, { auth: token, body });

/** Walks one project through its journey (see `journey` in projects.json). */
async function walk(api, entry, founder, officer) {
  const created = await api.call('POST', '/projects', { auth: founder.token, body: entry.project });
  const id = created.body.id;
  const review = (decision, comment) => transition(api, officer.token, id, 'review', { decision, comment });
  switch (entry.journey) {
    case 'draft':
      return;
    case 'submitted':
      await transition(api, founder.token, id, 'submit');
      return;
    case 'publish':
      await transition(api, founder.token, id, 'submit');
      await review('approve', 'Hồ sơ đầy đủ, đủ điều kiện công bố.');
      return;
    case 'revise_then_publish': {
      await transition(api, founder.token, id, 'submit');
      const sentBack = await review(
        'request_revision',
        'Đề nghị bổ sung kế hoạch tài chính 3 năm và số liệu doanh thu thực tế.',
      );
      await api.call('PATCH', `/projects/${id}`, {
        auth: founder.token,
        body: {
          description: `${entry.project.description} Kế hoạch tài chính 2026–2028 và số liệu doanh thu đã được bổ sung.`,
          version: sentBack.body.version,
        },
      });
      await transition(api, founder.token, id, 'submit');
      await review('approve', 'Đã bổ sung đầy đủ theo yêu cầu.');
      return;
    }
    case 'reject':
      await transition(api, founder.token, id, 'submit');
      await review('reject', entry.reviewComment);
      return;
    case 'withdraw':
      await transition(api, founder.token, id, 'submit');
      await transition(api, founder.token, id, 'withdraw', { reason: entry.withdrawReason });
      return;
    case 'unpublish':
      await transition(api, founder.token, id, 'submit');
      await review('approve', 'Đủ điều kiện công bố.');
      await transition(api, officer.token, id, 'unpublish', { reason: entry.unpublishReason });
      return;
    default:
      throw new Error(`unknown journey ${entry.journey}`);
  }
}

export async function seedProjects({ gateway, admin, log }) {
  const data = JSON.parse(await readFile(DATA, 'utf8'));
  const api = new Api(gateway, log);
  const adminToken = (await api.login(admin.email, admin.password)).token;

  const founders = new Map();
  for (const person of data.founders) {
    await register(api, person, 'founder');
    founders.set(person.key, await api.login(person.email, DEMO_PASSWORD));
  }
  for (const person of data.investors) await register(api, person, 'investor');
  const officers = [];
  for (const person of data.officers)
    officers.push(await staffAccount(api, adminToken, person, 'programme_officer'));

  const existing = new Map();
  let created = 0;
  let skipped = 0;
  for (const [index, entry] of data.projects.entries()) {
    const founder = founders.get(entry.founder);
    if (!founder) throw new Error(`project "${entry.project.title}" names unknown founder ${entry.founder}`);
    if (!existing.has(entry.founder)) existing.set(entry.founder, await myProjects(api, founder.token));
    if (existing.get(entry.founder).has(entry.project.title)) {
      skipped += 1;
      continue;
    }
    await walk(api, entry, founder, officers[index % officers.length]);
    created += 1;
  }
  log(
    `accounts (password ${DEMO_PASSWORD}): ${[...data.founders, ...data.investors, ...data.officers].map((p) => p.email).join(', ')}`,
  );
  return `${created} projects created, ${skipped} already there (${data.projects.length} in the data set)`;
}
