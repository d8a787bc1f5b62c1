// Seeds the money side over the gateway, as its users would: fund staff (officers, an appraiser, an approver with a
// TOTP second factor), four funds, two open calls with real budgets and rubrics, and applications (đề án) from the
// founders' published projects (scripts/seed/projects.mjs runs first) in every state the service has today:
// draft, submitted and eligible, submitted and ineligible (each for a reason the eligibility explains), withdrawn;
// the score call's eligible ones are appraised, so they rank. Once the build serves decisions (wip/decisions), the
// admin sets the approver's limit and the approver approves four and rejects one, with the second factor and an
// Idempotency-Key; once it serves tranches (wip/tranches), one grant gets its advance requested, approved and paid. Safe to run again: everything is found by name (funds, calls) or by project (applications) and
// reused.
//
// The approver's TOTP secret is kept in `.local/seed-fund-approver-totp.json` (demo data only; `.local/` is not in
// git) so a later run, or a person, can compute its codes (e.g. `oathtool --totp -b <secret>`).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROUTE_CATALOGUE } from '@khoinghiep/contracts';
import { Secret, TOTP } from 'otpauth';
import { Api } from './api.mjs';
import { DEMO_PASSWORD } from './projects.mjs';

const LOCAL = path.resolve(import.meta.dirname, '../../.local');
const APPROVER_SECRET_FILE = path.join(LOCAL, 'seed-fund-approver-totp.json');
const DAY = 86_400_000;

const STAFF = {
  officer: { email: 'ha.pham@quy.seed.khoinghiep.vn', fullName: 'Phạm Thu Hà', roles: ['fund_officer'] },
  appraiser: {
    email: 'thang.nguyen@quy.seed.khoinghiep.vn',
    fullName: 'Nguyễn Đức Thắng',
    roles: ['fund_officer'],
  },
  appraiser2: { email: 'yen.luu@quy.seed.khoinghiep.vn', fullName: 'Lưu Hải Yến', roles: ['fund_officer'] },
  approver: {
    email: 'quang.ton@quy.seed.khoinghiep.vn',
    fullName: 'Tôn Thất Quang',
    roles: ['fund_approver'],
  },
};

export const FUNDS = {
  startup: {
    kind: 'startup_fund',
    name: 'Quỹ hỗ trợ khởi nghiệp đổi mới sáng tạo quốc gia',
    ownerAgency: 'Bộ Khoa học và Công nghệ',
    provinceCode: null,
    capital: [{ source: 'central_budget', amount: '200000000000' }],
  },
  sme: {
    kind: 'sme_support_fund',
    name: 'Quỹ Phát triển doanh nghiệp nhỏ và vừa',
    ownerAgency: 'Bộ Tài chính',
    provinceCode: null,
    capital: [{ source: 'central_budget', amount: '2000000000000' }],
  },
  khuyenCong: {
    kind: 'khuyen_cong_local',
    name: 'Kinh phí khuyến công địa phương tỉnh Đắk Lắk',
    ownerAgency: 'Sở Công Thương tỉnh Đắk Lắk',
    provinceCode: '66',
    capital: [{ source: 'provincial_budget', amount: '12000000000' }],
  },
  venture: {
    kind: 'provincial_venture_fund',
    name: 'Quỹ đầu tư khởi nghiệp sáng tạo tỉnh Đắk Lắk',
    ownerAgency: 'UBND tỉnh Đắk Lắk',
    provinceCode: '66',
    // Decree 264/2025: the provincial budget holds at most 49 % of a provincial venture fund.
    capital: [
      { source: 'provincial_budget', amount: '49000000000' },
      { source: 'private', amount: '51000000000' },
    ],
  },
};

export const CALLS = {
  khuyenCong: {
    fund: 'khuyenCong',
    fiscalYear: 2026,
    title: 'Đợt hỗ trợ khuyến công địa phương tỉnh Đắk Lắk năm 2026',
    description:
      'Hỗ trợ cơ sở công nghiệp nông thôn trên địa bàn tỉnh ứng dụng máy móc tiên tiến, tham gia hội chợ và đào tạo nghề. Xét theo thứ tự nộp hồ sơ.',
    budget: '3000000000',
    supportCategories: ['kc_machinery', 'kc_trade_fair', 'kc_training'],
    eligibility: {
      applicantKinds: ['rural_industry', 'household_business', 'cooperative'],
      provinceCodes: ['66'],
      targetGroups: [],
      publishedProjectRequired: true,
      requiredTrainingTopic: null,
      maxBusinessAgeYears: null,
    },
    allocationRule: 'first_come',
    appraisalRubric: {
      criteria: [
        { code: 'feasibility', label: 'Tính khả thi của đề án', weight: 60 },
        { code: 'local_impact', label: 'Hiệu quả kinh tế – xã hội địa phương', weight: 40 },
      ],
      scale: { min: 0, max: 10 },
    },
  },
  startup: {
    fund: 'startup',
    fiscalYear: 2026,
    title: 'Chương trình hỗ trợ khởi nghiệp đổi mới sáng tạo năm 2026 – đợt 1',
    description:
      'Tài trợ hạt giống và ươm tạo cho doanh nghiệp khởi nghiệp đổi mới sáng tạo dưới 5 năm tuổi. Xếp hạng theo điểm thẩm định; khi bằng điểm, doanh nghiệp do phụ nữ làm chủ, người dân tộc thiểu số làm chủ và doanh nghiệp xã hội được ưu tiên.',
    budget: '2000000000',
    supportCategories: ['startup_seed_grant', 'startup_incubation'],
    eligibility: {
      applicantKinds: ['innovative_startup', 'business_startup'],
      provinceCodes: [],
      targetGroups: [],
      publishedProjectRequired: true,
      requiredTrainingTopic: null,
      maxBusinessAgeYears: 5,
    },
    allocationRule: 'score',
    appraisalRubric: {
      criteria: [
        { code: 'innovation', label: 'Tính đổi mới sáng tạo', weight: 40 },
        { code: 'market', label: 'Thị trường và khả năng tăng trưởng', weight: 30 },
        { code: 'team', label: 'Năng lực đội ngũ', weight: 30 },
      ],
      scale: { min: 0, max: 10 },
    },
  },
};

const ATTACHMENT = (name) => ({
  name,
  mediaType: 'application/pdf',
  sizeBytes: 482_113 + name.length,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
});

/** One budget line; the requested amount is paid by the call's fund, the rest by the applicant. */
const line = (category, description, cost, requested) => ({
  category,
  description,
  cost,
  requested,
  ownContribution: String(BigInt(cost) - BigInt(requested)),
});

/**
 * The applications, by project title (published projects of scripts/seed/projects.json). `state` is where the
 * seed leaves them; `scores` (per appraiser, per criterion) are given for the score call's eligible ones.
 */
export const APPLICATIONS = [
  // Khuyến công Đắk Lắk (province 66, first come).
  {
    call: 'khuyenCong',
    founder: 'lan.nguyen@seed.khoinghiep.vn',
    project: 'Cà phê đặc sản Buôn Ma Thuột',
    state: 'submitted',
    decision: { outcome: 'approved', amount: '300000000' },
    applicantKind: 'rural_industry',
    businessRegisteredOn: '2019-05-17',
    priorityGroups: ['ethnic_minority_led'],
    lines: [line('kc_machinery', 'Máy rang cà phê 15 kg/mẻ và máy xay', '450000000', '300000000')],
  },
  {
    call: 'khuyenCong',
    founder: 'lan.nguyen@seed.khoinghiep.vn',
    project: 'Mật ong hoa cà phê Đắk Lắk',
    state: 'submitted',
    // Approved as requested, then an advance (70 % for trade fairs and training) requested, approved and paid.
    decision: { outcome: 'approved' },
    advance: true,
    applicantKind: 'household_business',
    businessRegisteredOn: '2021-03-02',
    priorityGroups: [],
    lines: [
      line('kc_trade_fair', 'Gian hàng Hội chợ Nông sản Tây Nguyên 2026', '120000000', '84000000'),
      line('kc_training', 'Tập huấn nuôi ong và kiểm soát dư lượng cho 30 hộ', '60000000', '42000000'),
    ],
  },
  {
    // Ineligible: the project is in Hà Nội (01), the call takes only Đắk Lắk (66).
    call: 'khuyenCong',
    founder: 'hoa.le@seed.khoinghiep.vn',
    project: 'Gốm Bát Tràng men lam vẽ tay xuất khẩu',
    state: 'submitted',
    applicantKind: 'craft_village',
    businessRegisteredOn: '2010-09-01',
    priorityGroups: [],
    lines: [line('kc_machinery', 'Lò nung gas tiết kiệm năng lượng', '600000000', '300000000')],
  },
  {
    call: 'khuyenCong',
    founder: 'vy.ngo@seed.khoinghiep.vn',
    project: 'Cà phê Arabica Cầu Đất rang mộc',
    state: 'draft',
    applicantKind: 'household_business',
    businessRegisteredOn: '2022-11-20',
    priorityGroups: [],
    lines: [line('kc_machinery', 'Máy sấy cà phê năng lượng mặt trời', '280000000', '180000000')],
  },
  {
    call: 'khuyenCong',
    founder: 'son.bui@seed.khoinghiep.vn',
    project: 'Xưởng dệt thổ cẩm Mai Châu',
    state: 'withdrawn',
    withdrawReason: 'Cơ sở chuyển sang nộp đề án khuyến công quốc gia.',
    applicantKind: 'craft_village',
    businessRegisteredOn: '2016-04-12',
    priorityGroups: ['ethnic_minority_led'],
    lines: [line('kc_training', 'Truyền nghề dệt cho 25 lao động nữ', '90000000', '63000000')],
  },
  // Startup fund 2026 (national, by appraisal score, at most 5 years since first registration).
  {
    call: 'startup',
    founder: 'minh.tran@seed.khoinghiep.vn',
    project: 'Nền tảng số hóa hợp tác xã nông nghiệp',
    state: 'submitted',
    decision: { outcome: 'approved' },
    applicantKind: 'innovative_startup',
    businessRegisteredOn: '2023-02-14',
    priorityGroups: [],
    lines: [
      line(
        'startup_seed_grant',
        'Phát triển phiên bản di động và tích hợp hoá đơn điện tử',
        '900000000',
        '600000000',
      ),
    ],
    scores: [
      { innovation: 8, market: 7, team: 8 },
      { innovation: 7, market: 7, team: 8 },
    ],
  },
  {
    call: 'startup',
    founder: 'thao.dang@seed.khoinghiep.vn',
    project: 'Ứng dụng học tiếng Anh cho học sinh dân tộc thiểu số',
    state: 'submitted',
    applicantKind: 'innovative_startup',
    businessRegisteredOn: '2024-06-03',
    priorityGroups: ['ethnic_minority_led', 'social_enterprise'],
    lines: [
      line('startup_seed_grant', 'Nội dung song ngữ Ê Đê – Anh, Mông – Anh', '700000000', '500000000'),
      line('startup_incubation', 'Ươm tạo 6 tháng tại vườn ươm', '150000000', '100000000'),
    ],
    scores: [
      { innovation: 9, market: 6, team: 8 },
      { innovation: 8, market: 6, team: 7 },
    ],
  },
  {
    call: 'startup',
    founder: 'duc.vu@seed.khoinghiep.vn',
    project: 'Xử lý phụ phẩm tôm thành chitosan',
    state: 'submitted',
    decision: { outcome: 'approved', amount: '650000000' },
    applicantKind: 'innovative_startup',
    businessRegisteredOn: '2022-08-30',
    priorityGroups: [],
    lines: [line('startup_seed_grant', 'Dây chuyền thí điểm tách chiết chitosan', '1500000000', '700000000')],
    scores: [
      { innovation: 9, market: 8, team: 7 },
      { innovation: 8, market: 8, team: 8 },
    ],
  },
  {
    call: 'startup',
    founder: 'ngoc.do@seed.khoinghiep.vn',
    project: 'Phòng khám từ xa cho người cao tuổi nông thôn',
    state: 'submitted',
    decision: {
      outcome: 'rejected',
      reason:
        'Đề án trùng nội dung với dự án y tế số của tỉnh đã được tài trợ; đề nghị làm rõ điểm khác biệt.',
    },
    applicantKind: 'business_startup',
    businessRegisteredOn: '2023-10-10',
    priorityGroups: ['women_led'],
    lines: [
      line('startup_seed_grant', 'Thiết bị đo sinh hiệu cho 20 trạm y tế xã', '800000000', '500000000'),
    ],
    scores: [
      { innovation: 7, market: 8, team: 7 },
      { innovation: 7, market: 7, team: 7 },
    ],
  },
  {
    // Ineligible: first registered in 2015, more than 5 years before submission.
    call: 'startup',
    founder: 'khoa.ho@seed.khoinghiep.vn',
    project: 'Sàn thương mại điện tử đặc sản vùng miền',
    state: 'submitted',
    applicantKind: 'business_startup',
    businessRegisteredOn: '2015-01-20',
    priorityGroups: [],
    lines: [
      line('startup_seed_grant', 'Hệ thống truy xuất nguồn gốc cho người bán', '600000000', '400000000'),
    ],
  },
  {
    call: 'startup',
    founder: 'mai.hoang@seed.khoinghiep.vn',
    project: 'Nước mắm Phú Quốc truyền thống đóng chai thủy tinh',
    state: 'draft',
    applicantKind: 'business_startup',
    businessRegisteredOn: '2024-01-08',
    priorityGroups: [],
    lines: [line('startup_incubation', 'Ươm tạo và chứng nhận OCOP 4 sao', '200000000', '120000000')],
  },
  {
    call: 'startup',
    founder: 'tuan.pham@seed.khoinghiep.vn',
    project: 'Homestay cộng đồng bản Cát Cát',
    state: 'withdrawn',
    withdrawReason: 'Nhóm sáng lập chờ đợt sau để bổ sung số liệu khách năm 2026.',
    applicantKind: 'business_startup',
    businessRegisteredOn: '2023-04-01',
    priorityGroups: ['ethnic_minority_led'],
    lines: [line('startup_seed_grant', 'Cải tạo 5 nhà sàn đón khách', '500000000', '300000000')],
  },
];

/** Whether this build serves a route (decisions and tranches are merged from other branches as they land). */
const serves = (operationId) => ROUTE_CATALOGUE.some((route) => route.operationId === operationId);

/** The approver's limit per decision (financial delegation), set by the admin. */
const APPROVAL_LIMIT = '1000000000';

const totpOf = (secret) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

async function signIn(api, email, password) {
  const { body } = await api.call('POST', '/auth/login', { body: { email, password } });
  return body;
}

async function staffAccount(api, adminToken, person) {
  await api.call('POST', '/admin/users', {
    auth: adminToken,
    body: { email: person.email, password: DEMO_PASSWORD, fullName: person.fullName, roles: person.roles },
    ok: [201, 409],
  });
  return api.login(person.email, DEMO_PASSWORD);
}

/**
 * The approver signs in with the second factor: enrolled on the first run (secret kept in .local/), and on later
 * runs the code is computed from that secret. Answers null (with a warning) if the account has a factor whose
 * secret this checkout does not hold.
 */
async function approverWithSecondFactor(api, adminToken, person, log) {
  await api.call('POST', '/admin/users', {
    auth: adminToken,
    body: { email: person.email, password: DEMO_PASSWORD, fullName: person.fullName, roles: person.roles },
    ok: [201, 409],
  });
  const first = await signIn(api, person.email, DEMO_PASSWORD);
  if (first.secondFactorRequired) {
    if (!existsSync(APPROVER_SECRET_FILE)) {
      log(`${person.email} has a second factor whose secret is not in ${APPROVER_SECRET_FILE}; skipped`);
      return null;
    }
    const { secret } = JSON.parse(await readFile(APPROVER_SECRET_FILE, 'utf8'));
    const totp = totpOf(secret);
    // Each code works once: if this 30-second step's code was used already, the next step's is taken.
    for (const stepsAhead of [0, 1]) {
      const answer = await api.call('POST', '/auth/login/second-factor', {
        body: {
          challengeToken: first.challengeToken,
          code: totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 }),
        },
        ok: [200, 201, 401],
      });
      if (answer.status !== 401) return { id: answer.body.user.id, token: answer.body.accessToken, secret };
    }
    throw new Error(`${person.email}: the TOTP code from ${APPROVER_SECRET_FILE} was refused`);
  }
  const token = first.accessToken;
  const begun = await api.call('POST', '/me/second-factor', { auth: token, body: { method: 'totp' } });
  const { secret } = begun.body;
  await mkdir(LOCAL, { recursive: true });
  await writeFile(
    APPROVER_SECRET_FILE,
    `${JSON.stringify({ email: person.email, secret, otpauthUri: begun.body.otpauthUri ?? null }, null, 2)}\n`,
    { mode: 0o600 },
  );
  const confirmed = await api.call('POST', '/me/second-factor/confirm', {
    auth: token,
    body: { code: totpOf(secret).generate() },
  });
  log(`${person.email} enrolled a TOTP second factor; its secret is in ${APPROVER_SECRET_FILE}`);
  return { id: first.user.id, token: confirmed.body.accessToken, secret };
}

async function ensureFund(api, token, existing, spec) {
  const found = existing.find((fund) => fund.name === spec.name);
  if (found) return { fund: found, created: false };
  const { body } = await api.call('POST', '/funding/funds', { auth: token, body: spec });
  return { fund: body, created: true };
}

async function ensureOpenCall(api, token, fundId, spec) {
  const calls = await api.all(`/funding/funds/${fundId}/calls`, token);
  let call = calls.find((candidate) => candidate.title === spec.title);
  let created = false;
  if (!call) {
    const { fund: _fund, ...body } = spec;
    const now = Date.now();
    const answer = await api.call('POST', '/funding/calls', {
      auth: token,
      body: {
        ...body,
        fundId,
        opensAt: new Date(now - 2 * DAY).toISOString(),
        closesAt: new Date(now + 60 * DAY).toISOString(),
      },
    });
    call = answer.body;
    created = true;
  }
  if (call.status === 'draft') {
    const opened = await api.call('POST', `/funding/calls/${call.id}/open`, {
      auth: token,
      headers: { 'if-match': `"${call.version}"` },
      body: {},
    });
    call = opened.body;
  }
  return { call, created };
}

/** Drafts once funding has learnt the project from projects.events (until then: 409 PROJECT_UNKNOWN). */
async function draftWhenKnown(api, token, body) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await api.call('POST', '/funding/applications', { auth: token, body, ok: [201, 409] });
    if (answer.status === 201) return answer.body;
    if (answer.body?.code !== 'APPLICATION_PROJECT_UNKNOWN' || Date.now() > deadline)
      throw new Error(`drafting for project ${body.projectId}: ${answer.body?.code} ${answer.body?.detail}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The body of `POST /funding/applications` for one seeded application. */
export function draftBody(spec, projectId, callId) {
  const requested = spec.lines.reduce((sum, item) => sum + BigInt(item.requested), 0n);
  const own = spec.lines.reduce((sum, item) => sum + BigInt(item.ownContribution), 0n);
  const fromProvince = spec.call === 'khuyenCong';
  return {
    callId,
    projectId,
    applicantKind: spec.applicantKind,
    businessRegisteredOn: spec.businessRegisteredOn,
    priorityGroups: spec.priorityGroups,
    budgetLines: spec.lines,
    coFinancing: {
      central: fromProvince ? '0' : String(requested),
      provincial: fromProvince ? String(requested) : '0',
      own: String(own),
    },
    attachments: [ATTACHMENT('thuyet-minh-de-an.pdf'), ATTACHMENT('du-toan-kinh-phi.pdf')],
  };
}

async function applicationFor(api, spec, founder, project, callId) {
  let application = await draftWhenKnown(api, founder.token, draftBody(spec, project.id, callId));
  if (spec.state === 'draft') return application;
  application = (
    await api.call('POST', `/funding/applications/${application.id}/submit`, {
      auth: founder.token,
      headers: { 'if-match': `"${application.version}"` },
      body: {},
    })
  ).body;
  if (spec.state === 'withdrawn') {
    application = (
      await api.call('POST', `/funding/applications/${application.id}/withdraw`, {
        auth: founder.token,
        headers: { 'if-match': `"${application.version}"` },
        body: { reason: spec.withdrawReason },
      })
    ).body;
  }
  return application;
}

/** Two appraisers (fund officers on the roster) declare no conflict and score; the appraisal is then closed. */
async function appraise(api, application, officer, appraisers, criteriaScores) {
  const base = `/funding/applications/${application.id}/appraisal`;
  const current = await api.call('GET', base, { auth: officer.token, ok: [200, 404] });
  if (current.status === 200 && current.body.status === 'closed') return false;
  const assigned = new Set(
    (current.status === 200 ? (current.body.appraisers ?? []) : []).map((a) => a.appraiserId),
  );
  const missing = appraisers.filter((appraiser) => !assigned.has(appraiser.id));
  if (missing.length > 0)
    await api.call('POST', `${base}/assignments`, {
      auth: officer.token,
      body: { appraiserIds: missing.map((appraiser) => appraiser.id) },
      ok: [200, 201, 409],
    });
  for (const [index, appraiser] of appraisers.entries()) {
    await api.call('POST', `${base}/declaration`, {
      auth: appraiser.token,
      body: { declaration: 'no_conflict' },
      ok: [200, 201, 409],
    });
    const scores = Object.entries(criteriaScores[index]).map(([criterion, score]) => ({
      criterion,
      score,
      comment: score >= 8 ? 'Nổi bật so với mặt bằng đợt.' : 'Đạt yêu cầu.',
    }));
    await api.call('PUT', `${base}/scores`, { auth: appraiser.token, body: { scores } });
  }
  await api.call('POST', `${base}/close`, {
    auth: officer.token,
    body: { reason: 'Hội đồng đã chấm xong.' },
    ok: [200, 201],
  });
  return true;
}

/**
 * The approver decides: approve (an amount, or as requested) or reject with a reason, with a token issued with the
 * second factor and an Idempotency-Key derived from the application (a re-run replays, never decides twice).
 */
async function decide(api, approver, application, decision) {
  if (
    !['submitted', 'approved', 'rejected'].includes(application.status) ||
    !application.eligibility?.eligible
  )
    return { application, grant: null };
  // Decided by this seed before: the same key and body replay the first answer (with its grant).
  const answer = await api.call('POST', `/funding/applications/${application.id}/decision`, {
    auth: approver.token,
    headers: { 'idempotency-key': `seed-decision-${application.id}` },
    body: decision,
    ok: [200, 201, 409, 422],
  });
  if (answer.status >= 400 && application.status === 'submitted')
    throw new Error(`decision on ${application.id}: ${answer.body?.code} ${answer.body?.detail}`);
  const current = await api.call('GET', `/funding/applications/${application.id}`, { auth: approver.token });
  const grantId = answer.status < 400 ? answer.body.grantId : null;
  const grant = grantId
    ? (await api.call('GET', `/funding/grants/${grantId}`, { auth: approver.token })).body
    : null;
  return { application: current.body, grant };
}

/**
 * A grant mid-disbursement: the advance requested by the fund officer (maker), approved by the approver with the
 * second factor (checker), and paid with a payment reference; each step only if not done yet.
 */
async function advancePaid(api, officer, approver, grant) {
  const tranches = async () =>
    (await api.call('GET', `/funding/grants/${grant.id}/tranches`, { auth: officer.token })).body.tranches;
  let advance = (await tranches()).find((tranche) => tranche.kind === 'advance');
  if (!advance)
    advance = (
      await api.call('POST', `/funding/grants/${grant.id}/tranches`, {
        auth: officer.token,
        headers: { 'idempotency-key': `seed-advance-${grant.id}` },
        body: { kind: 'advance', note: 'Tạm ứng để đặt gian hàng hội chợ và tổ chức lớp tập huấn.' },
      })
    ).body;
  if (advance.status === 'requested')
    advance = (
      await api.call('POST', `/funding/tranches/${advance.id}/approval`, {
        auth: approver.token,
        headers: { 'idempotency-key': `seed-approval-${advance.id}` },
        body: { note: 'Đủ hồ sơ tạm ứng.' },
      })
    ).body;
  if (advance.status === 'approved')
    advance = (
      await api.call('POST', `/funding/tranches/${advance.id}/payment`, {
        auth: officer.token,
        headers: { 'idempotency-key': `seed-payment-${advance.id}` },
        body: { paymentReference: `UNC-2026-${advance.id.slice(-6).toUpperCase()}` },
      })
    ).body;
  return advance;
}

export async function seedFunding({ gateway, admin, log }) {
  const api = new Api(gateway, log);
  const adminToken = (await api.login(admin.email, admin.password)).token;

  const officer = await staffAccount(api, adminToken, STAFF.officer);
  const appraisers = [
    await staffAccount(api, adminToken, STAFF.appraiser),
    await staffAccount(api, adminToken, STAFF.appraiser2),
  ];
  for (const appraiser of appraisers)
    await api.call('POST', '/funding/appraisers/me', { auth: appraiser.token, body: {}, ok: [200, 201] });
  const approver = await approverWithSecondFactor(api, adminToken, STAFF.approver, log);
  const decisions = serves('decideApplication') && serves('setApprovalLimit') && approver !== null;
  if (decisions)
    await api.call('POST', `/funding/approval-limits/${approver.id}`, {
      auth: adminToken,
      body: { limit: APPROVAL_LIMIT, reason: 'Uỷ quyền phê duyệt theo Quyết định 15/QĐ-QĐT (dữ liệu mẫu)' },
      ok: [200, 201],
    });
  else
    log('decisions are not in this build (or the approver has no second factor here): no approvals seeded');

  const existingFunds = await api.all('/funding/funds', officer.token);
  const funds = {};
  let fundsCreated = 0;
  for (const [key, spec] of Object.entries(FUNDS)) {
    const { fund, created } = await ensureFund(api, officer.token, existingFunds, spec);
    funds[key] = fund;
    if (created) fundsCreated += 1;
  }

  const calls = {};
  for (const [key, spec] of Object.entries(CALLS)) {
    const { call } = await ensureOpenCall(api, officer.token, funds[spec.fund].id, spec);
    calls[key] = call;
  }

  // Applications already there, by call and project.
  const known = new Map();
  for (const call of Object.values(calls))
    for (const application of await api.all('/funding/applications', officer.token, { callId: call.id }))
      known.set(`${call.id}:${application.projectId}`, application);

  const founders = new Map();
  const byState = {};
  let created = 0;
  let appraised = 0;
  for (const spec of APPLICATIONS) {
    if (!founders.has(spec.founder)) {
      const { token } = await api.login(spec.founder, DEMO_PASSWORD);
      const projects = await api.all('/me/projects', token);
      founders.set(spec.founder, { token, projects: new Map(projects.map((p) => [p.title, p])) });
    }
    const founder = founders.get(spec.founder);
    const project = founder.projects.get(spec.project);
    if (project?.status !== 'published') {
      log(
        `skipped "${spec.project}": not a published project of ${spec.founder} (run the projects seed first)`,
      );
      continue;
    }
    const callId = calls[spec.call].id;
    let application = known.get(`${callId}:${project.id}`);
    if (!application) {
      application = await applicationFor(api, spec, founder, project, callId);
      created += 1;
    }
    if (spec.scores && application.status === 'submitted' && application.eligibility?.eligible)
      if (await appraise(api, application, officer, appraisers, spec.scores)) appraised += 1;
    if (decisions && spec.decision) {
      const decided = await decide(api, approver, application, spec.decision);
      application = decided.application;
      if (spec.advance && decided.grant && serves('payTranche')) {
        const advance = await advancePaid(api, officer, approver, decided.grant);
        log(
          `grant ${decided.grant.id} (${decided.grant.amount} ₫): advance ${advance.amount} ₫ ${advance.status}`,
        );
      }
    }
    const label =
      application.status === 'submitted'
        ? `submitted (${application.eligibility?.eligible ? 'eligible' : 'ineligible'})`
        : application.status;
    byState[label] = (byState[label] ?? 0) + 1;
  }

  log(
    `staff (password ${DEMO_PASSWORD}): ${Object.values(STAFF)
      .map((person) => `${person.email} (${person.roles.join(', ')})`)
      .join(', ')}${approver ? `; approver's TOTP secret in ${APPROVER_SECRET_FILE}` : ''}`,
  );
  for (const [key, call] of Object.entries(calls))
    log(`call "${call.title}" (${CALLS[key].allocationRule}, budget ${call.budget} ₫): ${call.id}`);
  const states = Object.entries(byState)
    .map(([state, count]) => `${count} ${state}`)
    .join(', ');
  return `${fundsCreated} funds created (${Object.keys(FUNDS).length} in all), 2 open calls, ${created} applications created (${states}), ${appraised} appraised`;
}
