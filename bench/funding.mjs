// `npm run bench:funding`: money commands per second and p50/p99 through the gateway (gateway → funding service →
// PostgreSQL, Idempotency-Key, audit and outbox in one transaction), beside a raw baseline: the same row-locked
// updates and ledger inserts issued with `pg` from this one process, at the same concurrency. The last lines give
// gateway/raw throughput: `ratio decide:` and `ratio tranche:`.
//
// Phases:
// - budget: a call's budget changed (row lock on the call, update, audit row, ledger posting, outbox event) — the
//   money command of the calls feature; raw: the same statements.
// - decide: an approval (row lock on the call, committed += amount under `committed ≤ budget`, ledger transaction
//   with its two entries moving call_available → grant_undisbursed, outbox event); raw: those statements.
// - tranche: a tranche approved by the checker (row locks on the grant and the tranche, the approver's limit read,
//   the tranche updated, its audit row, the acceptance added to the grant's sums, two outbox events); raw: those
//   statements on a second acceptance tranche of the same grants.
// The decide and tranche phases need the decision and tranche routes in the build (branches wip/decisions,
// wip/tranches): without them the bench says so on their lines and in their ratios.
//
// Settings (environment): BENCH_REQUESTS (per measured phase, default 1000), BENCH_CONCURRENCY (default 16),
// BENCH_CALLS (calls the commands are spread over, default 4). Infrastructure as for `npm start`.
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { launchApp, platformEnv } from '../scripts/apps.mjs';
import { bringUpInfrastructure, Stopper } from '../scripts/infra/index.mjs';
import { TEST_KAFKA } from '../scripts/infra/kafka.mjs';
import { call } from './gateway-client.mjs';
import { line, measure } from './measure.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CALLS = Number(process.env.BENCH_CALLS ?? 4);
const WARMUP = Math.min(200, Math.ceil(REQUESTS / 10));
const PREFIX = 'khoinghiep_bench_funding_';
const PORTS = { gateway: 4910, projects: 4911, matching: 4912, funding: 4913, training: 4914 };
const PASSWORD = 'Khoinghiep-Bench-2026';
const DAY = 86_400_000;
/** Budgets large enough that no phase runs out: each command moves 1,000 đồng. */
const BUDGET = 1_000_000_000_000n;
const AMOUNT = 1_000n;

const say = (message) => console.error(`[bench] ${message}`);
const stopper = new Stopper();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stopper.stopAll();
    process.exit(130);
  });
}

const phaseLine = (name, result) =>
  typeof result === 'string' ? `${name.padEnd(16)} ${result}` : line(name, result);
const ratio = (name, gateway, raw) =>
  typeof gateway === 'string'
    ? `ratio ${name}: n/a (${gateway})`
    : `ratio ${name}: ${(gateway.rps / raw.rps).toFixed(3)}`;

// ---- through the gateway --------------------------------------------------------------------------------------

async function staff(gateway, adminToken, role) {
  const email = `bench-${role}-${uuidv7().slice(-8)}@bench.khoinghiep.vn`;
  await call(gateway, 'POST', '/admin/users', {
    token: adminToken,
    body: { email, password: PASSWORD, fullName: `Bench ${role}`, roles: [role] },
  });
  return (await call(gateway, 'POST', '/auth/login', { body: { email, password: PASSWORD } })).body
    .accessToken;
}

/** A fund and `count` open calls through the API. */
async function openCalls(gateway, officer, count) {
  const fund = await call(gateway, 'POST', '/funding/funds', {
    token: officer,
    body: {
      kind: 'khuyen_cong_local',
      name: `Khuyến công bench ${uuidv7().slice(-8)}`,
      ownerAgency: 'Sở Công Thương Đắk Lắk',
      provinceCode: '66',
      capital: [{ source: 'provincial_budget', amount: String(BUDGET * BigInt(count)) }],
    },
  });
  const calls = [];
  for (let i = 0; i < count; i += 1) {
    const created = await call(gateway, 'POST', '/funding/calls', {
      token: officer,
      body: {
        fundId: fund.body.id,
        fiscalYear: 2026,
        title: `Đợt đo hiệu năng ${i} ${uuidv7().slice(-8)}`,
        budget: String(BUDGET),
        supportCategories: ['kc_machinery'],
        eligibility: { publishedProjectRequired: true },
        allocationRule: 'first_come',
        appraisalRubric: {
          criteria: [{ code: 'impact', label: 'Hiệu quả', weight: 100 }],
          scale: { min: 0, max: 10 },
        },
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    await call(gateway, 'POST', `/funding/calls/${created.body.id}/open`, {
      token: officer,
      headers: { 'if-match': created.headers.etag },
      body: {},
    });
    calls.push({ id: created.body.id, fundId: fund.body.id });
  }
  return calls;
}

/** A fund approver signed in with the second factor (TOTP enrolled now), with an approval limit set by the admin. */
async function approverWithLimit(gateway, adminToken, limit) {
  const email = `bench-approver-${uuidv7().slice(-8)}@bench.khoinghiep.vn`;
  await call(gateway, 'POST', '/admin/users', {
    token: adminToken,
    body: { email, password: PASSWORD, fullName: 'Bench approver', roles: ['fund_approver'] },
  });
  const login = (await call(gateway, 'POST', '/auth/login', { body: { email, password: PASSWORD } })).body;
  const begun = await call(gateway, 'POST', '/me/second-factor', {
    token: login.accessToken,
    body: { method: 'totp' },
  });
  const totp = new TOTP({
    secret: Secret.fromBase32(begun.body.secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  const confirmed = await call(gateway, 'POST', '/me/second-factor/confirm', {
    token: login.accessToken,
    body: { code: totp.generate() },
  });
  await call(gateway, 'POST', `/funding/approval-limits/${login.user.id}`, {
    token: adminToken,
    body: { limit, reason: 'Bench' },
  });
  return { id: login.user.id, token: confirmed.body.accessToken };
}

/**
 * `count` submitted, eligible applications spread over `callIds`: a founder's projects created, submitted and published
 * through the projects service, learnt by funding from projects.events, then drafted and submitted.
 */
async function decidableApplications(gateway, adminToken, callIds, count) {
  const founderEmail = `bench-founder-${uuidv7().slice(-8)}@bench.khoinghiep.vn`;
  await call(gateway, 'POST', '/auth/register', {
    body: { email: founderEmail, password: PASSWORD, fullName: 'Bench Founder', role: 'founder' },
  });
  const founder = (
    await call(gateway, 'POST', '/auth/login', { body: { email: founderEmail, password: PASSWORD } })
  ).body.accessToken;
  const reviewer = await staff(gateway, adminToken, 'programme_officer');
  const ids = new Array(count);
  await measure(count, CONCURRENCY, async (index) => {
    const project = await call(gateway, 'POST', '/projects', {
      token: founder,
      body: {
        title: `Xưởng rang cà phê số ${index} ${uuidv7().slice(-6)}`,
        summary: 'Rang xay cà phê Robusta đặc sản theo chuẩn truy xuất nguồn gốc, bán trực tuyến.',
        description:
          'Hợp tác xã 40 hộ trồng cà phê, chế biến ướt, rang mộc, đóng gói và xuất khẩu sang Hàn Quốc.',
        kind: 'innovative_startup',
        sector: 'agriculture_food',
        stage: 'early_revenue',
        provinceCode: '66',
        commune: 'Phường Buôn Ma Thuột',
        fundingAsk: '1500000000',
        teamSize: 6,
      },
    });
    await call(gateway, 'POST', `/projects/${project.body.id}/submit`, { token: founder, body: {} });
    await call(gateway, 'POST', `/projects/${project.body.id}/review`, {
      token: reviewer,
      body: { decision: 'approve' },
    });
    let draft;
    for (;;) {
      const answer = await call(gateway, 'POST', '/funding/applications', {
        token: founder,
        expect: [201, 409],
        body: {
          callId: callIds[index % callIds.length],
          projectId: project.body.id,
          applicantKind: 'rural_industry',
          businessRegisteredOn: '2022-05-17',
          budgetLines: [
            {
              category: 'kc_machinery',
              description: 'Máy rang cà phê 15 kg/mẻ',
              cost: '450000000',
              requested: '300000000',
              ownContribution: '150000000',
            },
          ],
          coFinancing: { central: '0', provincial: '300000000', own: '150000000' },
        },
      });
      if (answer.body.id) {
        draft = answer.body;
        break;
      }
      if (answer.body.code !== 'APPLICATION_PROJECT_UNKNOWN') throw new Error(JSON.stringify(answer.body));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await call(gateway, 'POST', `/funding/applications/${draft.id}/submit`, {
      token: founder,
      headers: { 'if-match': `"${draft.version}"` },
      body: {},
    });
    ids[index] = draft.id;
  });
  return ids;
}

// ---- raw baseline: the statements the service issues, straight to PostgreSQL -----------------------------------

const OUTBOX = `INSERT INTO outbox_event (id, topic, key, type, version, envelope) VALUES ($1, 'funding.events', $2, $3, 1, $4)`;
const envelope = (id, type, aggregateType, aggregateId, payload) =>
  JSON.stringify({
    id,
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType,
    aggregateId,
    actor: { id: null, roles: ['fund_approver'] },
    correlationId: uuidv7(),
    causationId: null,
    payload,
  });

async function inTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** One ledger transaction and its lines, in the ledger's lock order (as `Ledger.post` writes them). */
async function postLedger(client, kind, reference, lines) {
  const transactionId = uuidv7();
  await client.query(
    'INSERT INTO ledger_transactions (id, kind, reference, occurred_at) VALUES ($1, $2, $3, now())',
    [transactionId, kind, reference],
  );
  const ordered = [...lines].sort((a, b) => (`${a[0]}\u0000${a[1]}` < `${b[0]}\u0000${b[1]}` ? -1 : 1));
  const values = ordered.map(
    (_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}, $${ordered.length * 4 + 1})`,
  );
  await client.query(
    `INSERT INTO ledger_entries (id, account_kind, account_reference, amount, transaction_id) VALUES ${values.join(', ')}`,
    [
      ...ordered.flatMap(([kind_, reference_, amount]) => [uuidv7(), kind_, reference_, String(amount)]),
      transactionId,
    ],
  );
}

/** The budget change of CallsService.changeBudget. */
const rawBudget = (pool, { id: callId, fundId }, index) =>
  inTransaction(pool, async (client) => {
    const { rows } = await client.query(
      'SELECT budget::text, committed::text, version, status FROM funding_calls WHERE id = $1 FOR UPDATE',
      [callId],
    );
    const before = rows[0];
    const budget = String(BUDGET + BigInt(index + 1));
    await client.query(
      'UPDATE funding_calls SET budget = $2, version = $3, updated_at = now() WHERE id = $1',
      [callId, budget, before.version + 1],
    );
    await client.query(
      `INSERT INTO funding_call_history (id, call_id, action, from_status, to_status, version, actor_id, actor_roles,
         changed_fields, old_budget, new_budget, committed, reason, correlation_id, occurred_at)
       VALUES ($1, $2, 'change_budget', $3, $3, $4, NULL, '{fund_officer}', '{budget}', $5, $6, $7, $8, NULL, now())`,
      [
        uuidv7(),
        callId,
        before.status,
        before.version + 1,
        before.budget,
        budget,
        before.committed,
        'Đo hiệu năng',
      ],
    );
    // The change enters the ledger (call_budget_raised or _lowered), as the calls feature posts it.
    const delta = BigInt(budget) - BigInt(before.budget);
    if (delta !== 0n)
      await postLedger(client, delta > 0n ? 'call_budget_raised' : 'call_budget_lowered', callId, [
        ['call_available', callId, delta],
        ['fund_capital', fundId, -delta],
      ]);
    const eventId = uuidv7();
    await client.query(OUTBOX, [
      eventId,
      callId,
      'funding.call.budget_changed',
      envelope(eventId, 'funding.call.budget_changed', 'funding_call', callId, { callId, newBudget: budget }),
    ]);
  });

/** An approval: the call locked, committed raised under its CHECK, the ledger posting, the event. */
const rawDecide = (pool, callId, grantId) =>
  inTransaction(pool, async (client) => {
    const { rows } = await client.query(
      'SELECT budget::text, committed::text FROM funding_calls WHERE id = $1 FOR UPDATE',
      [callId],
    );
    if (BigInt(rows[0].budget) - BigInt(rows[0].committed) < AMOUNT)
      throw new Error('bench call out of budget');
    await client.query(
      'UPDATE funding_calls SET committed = committed + $2, updated_at = now() WHERE id = $1',
      [callId, String(AMOUNT)],
    );
    await postLedger(client, 'grant_approved', grantId, [
      ['grant_undisbursed', grantId, AMOUNT],
      ['call_available', callId, -AMOUNT],
    ]);
    const eventId = uuidv7();
    await client.query(OUTBOX, [
      eventId,
      grantId,
      'funding.application.approved',
      envelope(eventId, 'funding.application.approved', 'application', grantId, { amount: String(AMOUNT) }),
    ]);
  });

/**
 * A tranche approved (TranchesService.approve): the grant locked, then the tranche, the approver's limit in force
 * read, the tranche updated, its audit row, the acceptance added to the grant's sums, two events.
 */
const rawTrancheApproval = (pool, grantId, trancheId, approverId) =>
  inTransaction(pool, async (client) => {
    await client.query('SELECT id, call_id FROM grants WHERE id = $1 FOR UPDATE', [grantId]);
    const { rows } = await client.query(
      'SELECT status, version, requested_by, accepted_cost::text FROM tranches WHERE id = $1 FOR UPDATE',
      [trancheId],
    );
    if (rows[0].status !== 'requested') throw new Error(`tranche ${trancheId} is ${rows[0].status}`);
    const limit = (
      await client.query(
        'SELECT id FROM approval_limits WHERE approver_id = $1 ORDER BY set_at DESC, id DESC LIMIT 1',
        [approverId],
      )
    ).rows[0];
    await client.query(
      `UPDATE tranches SET status = 'approved', decided_by = $2, decided_at = now(), approval_limit_id = $3,
         version = version + 1 WHERE id = $1`,
      [trancheId, approverId, limit.id],
    );
    await client.query(
      `INSERT INTO tranche_history (id, tranche_id, grant_id, action, actor_id, actor_roles, idempotency_key, details,
         occurred_at) VALUES ($1, $2, $3, 'approved', $4, '{fund_approver}', $5, $6, now())`,
      [
        uuidv7(),
        trancheId,
        grantId,
        approverId,
        uuidv7(),
        JSON.stringify({ approvalLimitId: limit.id, note: null }),
      ],
    );
    await client.query('SELECT * FROM grant_disbursements WHERE grant_id = $1', [grantId]);
    await client.query(
      `UPDATE grant_disbursements SET accepted_cost = coalesce(accepted_cost, 0) + $2, stage = 'accepted',
         version = version + 1, updated_at = now() WHERE grant_id = $1`,
      [grantId, rows[0].accepted_cost],
    );
    for (const type of ['funding.tranche.approved', 'funding.grant.accepted']) {
      const eventId = uuidv7();
      await client.query(OUTBOX, [
        eventId,
        grantId,
        type,
        envelope(eventId, type, 'grant', grantId, { grantId, trancheId }),
      ]);
    }
  });

// ---- the run ---------------------------------------------------------------------------------------------------

async function dropBenchDatabases(serverUrl) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const app of Object.keys(PORTS))
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(`${PREFIX}${app}`)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Whether the gateway serves a route of this kind (the decision and tranche routes come from other branches). */
async function hasRoute(pattern) {
  const { ROUTE_CATALOGUE } = await import('@khoinghiep/contracts');
  return ROUTE_CATALOGUE.some(
    (route) => route.service === 'funding' && pattern.test(`${route.method} ${route.path}`),
  );
}

async function main() {
  say('PostgreSQL, Kafka and the build…');
  process.env.DATABASE_PREFIX = PREFIX;
  const { postgres, kafka } = await bringUpInfrastructure({ prefix: PREFIX, stopper, kafka: TEST_KAFKA });
  await dropBenchDatabases(postgres.url);

  const env = {
    ...platformEnv({ databaseUrl: postgres.url, kafkaBrokers: kafka.brokers, ports: PORTS }),
    DATABASE_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT: '100000',
  };
  const decideRoute = await hasRoute(/^POST .*\/decision$/);
  const trancheRoute = await hasRoute(/^POST .*\/tranches\/.*\/(approve|approval)$/);
  // Decisions need published projects, which funding learns from the projects service's events.
  const names = decideRoute ? ['gateway', 'projects', 'funding'] : ['gateway', 'funding'];
  const apps = names.map((app) => launchApp(app, { env, port: PORTS[app], colour: false }));
  stopper.add(() => Promise.all(apps.map((app) => app.stop())));
  stopper.add(() => Promise.all([...clients.values()].map((client) => client.close())));
  await Promise.all(apps.map((app) => app.ready()));
  const gateway = `http://127.0.0.1:${PORTS.gateway}`;
  const adminToken = (
    await call(gateway, 'POST', '/auth/login', {
      body: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    })
  ).body.accessToken;
  const officer = await staff(gateway, adminToken, 'fund_officer');
  const calls = await openCalls(gateway, officer, CALLS);
  const rawCalls = await openCalls(gateway, officer, CALLS);
  say(`requests per phase ${REQUESTS}, concurrency ${CONCURRENCY}, spread over ${CALLS} calls`);

  const fundingDatabase = new URL(postgres.url);
  fundingDatabase.pathname = `/${PREFIX}funding`;
  // The same pool size as the service's (DATABASE_POOL_SIZE, default 10).
  const pool = new pg.Pool({ connectionString: fundingDatabase.href, max: 10 });
  stopper.add(() => pool.end());

  const budgetViaGateway = (index) =>
    call(gateway, 'POST', `/funding/calls/${calls[index % CALLS].id}/budget`, {
      token: officer,
      headers: { 'idempotency-key': uuidv7() },
      body: { budget: String(BUDGET + BigInt(index + 1)), reason: 'Đo hiệu năng' },
    });
  const budgetRaw = (index) => rawBudget(pool, rawCalls[index % CALLS], index);
  const decideRaw = (index) => rawDecide(pool, rawCalls[index % CALLS].id, uuidv7());

  // Through the gateway: each approval decides one application (1,000 đồng, as an approver with the second factor).
  let decideViaGateway;
  let approver;
  const gatewayGrants = [];
  if (decideRoute) {
    say(`preparing ${REQUESTS + WARMUP} submitted applications for the decisions…`);
    approver = await approverWithLimit(gateway, adminToken, '1000000000');
    const decidable = await decidableApplications(
      gateway,
      adminToken,
      calls.map((c) => c.id),
      REQUESTS + WARMUP,
    );
    decideViaGateway = async (index) => {
      const { body } = await call(gateway, 'POST', `/funding/applications/${decidable[index]}/decision`, {
        token: approver.token,
        headers: { 'idempotency-key': uuidv7() },
        body: { outcome: 'approved', amount: String(AMOUNT) },
      });
      gatewayGrants.push(body.grantId);
    };
  }

  say('warming up…');
  await measure(WARMUP, CONCURRENCY, (i) => budgetViaGateway(REQUESTS + i));
  await measure(WARMUP, CONCURRENCY, (i) => budgetRaw(REQUESTS + i));
  await measure(WARMUP, CONCURRENCY, decideRaw);
  if (decideViaGateway) await measure(WARMUP, CONCURRENCY, (i) => decideViaGateway(REQUESTS + i));

  say('measuring…');
  const results = {
    budgetGateway: await measure(REQUESTS, CONCURRENCY, budgetViaGateway),
    budgetRaw: await measure(REQUESTS, CONCURRENCY, budgetRaw),
    decideGateway: decideViaGateway
      ? await measure(REQUESTS, CONCURRENCY, decideViaGateway)
      : 'no decision route in this build (wip/decisions not merged)',
    decideRaw: await measure(REQUESTS, CONCURRENCY, decideRaw),
    trancheGateway: 'no tranche route in this build (wip/tranches not merged)',
    trancheRaw: 'needs the tranche tables (wip/tranches)',
  };

  // Tranche approvals: two acceptance tranches requested per grant by a fund officer (the maker); the approver (the
  // checker, second factor) approves one of each through the gateway, the raw baseline the other.
  if (trancheRoute && gatewayGrants.length >= REQUESTS + WARMUP) {
    say(`requesting ${2 * (REQUESTS + WARMUP)} acceptance tranches…`);
    const viaGateway = new Array(REQUESTS + WARMUP);
    const viaRaw = new Array(REQUESTS + WARMUP);
    const request = async (grantId) =>
      (
        await call(gateway, 'POST', `/funding/grants/${grantId}/tranches`, {
          token: officer,
          headers: { 'idempotency-key': uuidv7() },
          body: {
            kind: 'acceptance',
            amount: '1',
            acceptedCost: '1000',
            evidence: [
              {
                name: 'bien-ban-nghiem-thu.pdf',
                mediaType: 'application/pdf',
                size: 48_213,
                sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
              },
            ],
          },
        })
      ).body.id;
    await measure(REQUESTS + WARMUP, CONCURRENCY, async (index) => {
      viaGateway[index] = await request(gatewayGrants[index]);
      viaRaw[index] = await request(gatewayGrants[index]);
    });
    const approveViaGateway = (index) =>
      call(gateway, 'POST', `/funding/tranches/${viaGateway[index]}/approval`, {
        token: approver.token,
        headers: { 'idempotency-key': uuidv7() },
        body: { note: 'Đủ hồ sơ nghiệm thu.' },
      });
    const approveRaw = (index) => rawTrancheApproval(pool, gatewayGrants[index], viaRaw[index], approver.id);
    await measure(WARMUP, CONCURRENCY, (i) => approveViaGateway(REQUESTS + i));
    await measure(WARMUP, CONCURRENCY, (i) => approveRaw(REQUESTS + i));
    results.trancheGateway = await measure(REQUESTS, CONCURRENCY, approveViaGateway);
    results.trancheRaw = await measure(REQUESTS, CONCURRENCY, approveRaw);
  }
  const [{ total }] = (await pool.query('SELECT coalesce(sum(amount), 0)::text AS total FROM ledger_entries'))
    .rows;

  await stopper.stopAll();
  console.log(
    `funding bench: ${REQUESTS} requests per phase, concurrency ${CONCURRENCY}, over ${CALLS} calls (ledger total after the run: ${total})`,
  );
  console.log(phaseLine('budget gateway', results.budgetGateway));
  console.log(phaseLine('budget raw pg', results.budgetRaw));
  console.log(phaseLine('decide gateway', results.decideGateway));
  console.log(phaseLine('decide raw pg', results.decideRaw));
  console.log(phaseLine('tranche gateway', results.trancheGateway));
  console.log(phaseLine('tranche raw pg', results.trancheRaw));
  console.log(ratio('budget', results.budgetGateway, results.budgetRaw));
  console.log(ratio('decide', results.decideGateway, results.decideRaw));
  console.log(ratio('tranche', results.trancheGateway, results.trancheRaw));
}

main().catch(async (error) => {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopper.stopAll();
  process.exit(1);
});
