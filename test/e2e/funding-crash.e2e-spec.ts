import { createServer } from 'node:net';
import { jest } from '@jest/globals';
import { TOPICS } from '@khoinghiep/contracts';
import {
  type AppProcess,
  type DedicatedBroker,
  eventually,
  projectBody,
  spawnApp,
  startDedicatedBroker,
  TEST_ADMIN,
} from '@khoinghiep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';

jest.setTimeout(300_000);

const PASSWORD = 'Khoinghiep-Crash-2026';
const CALLS = 4;
const COMMANDS = 160;
const CONCURRENCY = 16;
/** The funding process is SIGKILLed once this many commands have answered 2xx. */
const KILL_AFTER = 40;
const DAY = 86_400_000;
const SLOT = Number(process.env.TEST_SLOT ?? 0);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });
}

/** Every event id on `topic` of type `type` keyed by one of `keys`, read up to the high-water marks. */
async function eventIds(brokers: string, topic: string, type: string, keys: Set<string>): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'crash-reader', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map(
    (await admin.fetchTopicOffsets(topic))
      .filter((end) => BigInt(end.high) > BigInt(end.low))
      .map((end) => [end.partition, BigInt(end.high)]),
  );
  const ids: string[] = [];
  const groupId = `crash-reader-${uuidv7()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  try {
    if (ends.size > 0) {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              const end = ends.get(partition);
              if (end === undefined || BigInt(message.offset) >= end) return;
              if (keys.has(String(message.key)) && String(message.headers?.['event-type']) === type)
                ids.push(String(message.headers?.['event-id']));
              if (BigInt(message.offset) + 1n >= end) {
                ends.delete(partition);
                if (ends.size === 0) resolve();
              }
            },
          })
          .catch(reject);
      });
    }
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return ids;
}

interface Sent {
  callId: string;
  reason: string;
  budget: string;
  /** The answer's status; 0 when the connection failed (the process died under it). */
  status: number;
}

// SIGKILL the funding process during a burst of money commands through the gateway, start it again, and check what
// survived: every command that answered 2xx is there exactly once (its audit entry, its state, its one event on
// funding.events), a refused one (4xx) left no trace, one cut off by the crash (5xx or a dropped connection) is
// there at most once, and the money invariants hold: committed ≤ budget per call, each call's budget is its last
// audited change, the ledger balances and no balance is negative. The processes, database prefix and ports are this
// test's own; the broker is the test broker.
// Money commands through the gateway on this branch: call budget changes (row-locked, audited, with an outbox event).
// Approvals and tranche payments join the burst when their routes are merged (apps/funding/README "Figures").
describe('the funding process killed during a burst of money commands', () => {
  const apps: AppProcess[] = [];
  let funding: AppProcess;
  let gateway: AppProcess;
  let fundingEnv: NodeJS.ProcessEnv;
  let database: pg.Client;
  let officer: string;
  let adminToken: string;
  let broker: DedicatedBroker;
  const prefix = `${process.env.DATABASE_PREFIX ?? 'khoinghiep_test_'}crash_`;

  beforeAll(async () => {
    // A broker of its own: the platform's funding app, on the shared test broker, is in the same consumer groups
    // and would take part of projects.events away from this test's funding process.
    broker = await startDedicatedBroker(`kafka-crash-${SLOT}`, 19097 + SLOT * 10);
    const [fundingPort, projectsPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const shared = { DATABASE_PREFIX: prefix, KAFKA_BROKERS: broker.brokers };
    fundingEnv = { ...shared, PORT: String(fundingPort) };
    funding = spawnApp('funding', fundingEnv);
    const projects = spawnApp('projects', { ...shared, PORT: String(projectsPort) });
    gateway = spawnApp('gateway', {
      ...shared,
      PORT: String(gatewayPort),
      FUNDING_URL: funding.url,
      PROJECTS_URL: projects.url,
    });
    apps.push(funding, projects, gateway);
    await Promise.all(apps.map((app) => app.waitReady(90_000)));

    const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${prefix}funding`;
    database = new pg.Client({ connectionString: url.href });
    await database.connect();

    const adminLogin = await api()
      .post('/api/v1/auth/login')
      .send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })
      .expect(200);
    adminToken = `Bearer ${adminLogin.body.accessToken}`;
    officer = (await staff('fund_officer')).auth;
  }, 180_000);

  /** A staff account created by the admin, signed in. */
  async function staff(role: string): Promise<{ id: string; auth: string }> {
    const email = `${role.replace('_', '-')}-${uuidv7().slice(-12)}@crash.khoinghiep.vn`;
    await api()
      .post('/api/v1/admin/users')
      .set('authorization', adminToken)
      .send({ email, password: PASSWORD, fullName: 'Phạm Thu Hà', roles: [role] })
      .expect(201);
    const login = await api().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    return { id: login.body.user.id, auth: `Bearer ${login.body.accessToken}` };
  }

  afterAll(async () => {
    await database?.end();
    await Promise.all(apps.map((app) => app.stop()));
    await broker?.stop({ signal: 'SIGKILL' });
  });

  const api = () => request(gateway.url);

  async function restartFunding() {
    funding = spawnApp('funding', fundingEnv);
    apps.push(funding);
    await funding.waitReady(90_000);
  }

  async function openCall(fundId: string, index: number, budget = '1000000000'): Promise<string> {
    const created = await api()
      .post('/api/v1/funding/calls')
      .set('authorization', officer)
      .send({
        fundId,
        fiscalYear: 2026,
        title: `Đợt thử sập tiến trình ${index} ${uuidv7().slice(-8)}`,
        budget,
        supportCategories: ['kc_machinery'],
        eligibility: { publishedProjectRequired: true },
        allocationRule: 'first_come',
        appraisalRubric: {
          criteria: [{ code: 'impact', label: 'Hiệu quả', weight: 100 }],
          scale: { min: 0, max: 10 },
        },
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
      })
      .expect(201);
    await api()
      .post(`/api/v1/funding/calls/${created.body.id}/open`)
      .set('authorization', officer)
      .set('if-match', created.headers.etag as string)
      .send({})
      .expect(200);
    return created.body.id;
  }

  /** One budget change; every tenth is invalid (a reason too short) and must be refused without a trace. */
  async function changeBudget(callId: string, index: number): Promise<Sent> {
    const invalid = index % 10 === 7;
    const reason = invalid ? 'x' : `Điều chỉnh kinh phí lần ${index} (${uuidv7()})`;
    const budget = String(2_000_000_000 + index * 1_000_000);
    try {
      const answer = await api()
        .post(`/api/v1/funding/calls/${callId}/budget`)
        .set('authorization', officer)
        .set('idempotency-key', `crash-budget-${uuidv7()}`)
        .send({ budget, reason })
        .timeout(30_000);
      return { callId, reason, budget, status: answer.status };
    } catch {
      return { callId, reason, budget, status: 0 };
    }
  }

  const newFund = () =>
    api()
      .post('/api/v1/funding/funds')
      .set('authorization', officer)
      .send({
        kind: 'khuyen_cong_local',
        name: `Khuyến công thử sập ${uuidv7().slice(-8)}`,
        ownerAgency: 'Sở Công Thương Đắk Lắk',
        provinceCode: '66',
        capital: [{ source: 'provincial_budget', amount: '50000000000' }],
      })
      .expect(201);

  it('keeps every answered budget change exactly once, nothing of a refused one, and the invariants', async () => {
    const fund = await newFund();
    const calls = await Promise.all(Array.from({ length: CALLS }, (_, i) => openCall(fund.body.id, i)));

    // The burst; the funding process is SIGKILLed once KILL_AFTER commands have succeeded, then started again.
    const sent: Sent[] = [];
    let succeeded = 0;
    let killed: Promise<unknown> | undefined;
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < COMMANDS; index = next++) {
        const result = await changeBudget(calls[index % CALLS] as string, index);
        sent.push(result);
        if (result.status >= 200 && result.status < 300) succeeded += 1;
        if (succeeded >= KILL_AFTER && !killed) killed = funding.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await killed).toMatchObject({ signal: 'SIGKILL' });
    const cutOff = sent.filter((s) => s.status === 0 || s.status >= 500);
    expect(cutOff.length).toBeGreaterThan(0);

    await restartFunding();

    const ok = sent.filter((s) => s.status >= 200 && s.status < 300);
    const refused = sent.filter((s) => s.status >= 400 && s.status < 500);
    expect(ok.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(refused.every((s) => s.status === 400)).toBe(true);

    const rows: { call_id: string; reason: string; new_budget: string; version: number }[] = (
      await database.query(
        `SELECT call_id, reason, new_budget::text, version FROM funding_call_history
          WHERE action = 'change_budget' AND call_id = ANY($1) ORDER BY call_id, version`,
        [calls],
      )
    ).rows;
    const times = (reason: string) => rows.filter((row) => row.reason === reason).length;
    for (const s of ok)
      expect({ reason: s.reason, times: times(s.reason) }).toEqual({ reason: s.reason, times: 1 });
    for (const s of refused)
      expect({ reason: s.reason, times: times(s.reason) }).toEqual({ reason: s.reason, times: 0 });
    for (const s of cutOff) expect(times(s.reason)).toBeLessThanOrEqual(1);
    // Nothing is there that was not sent.
    const sentReasons = new Set(sent.map((s) => s.reason));
    expect(rows.filter((row) => !sentReasons.has(row.reason))).toEqual([]);

    // Each call: its state is its last audited change, its versions have no gap, committed ≤ budget.
    const state: { id: string; budget: string; committed: string; version: number }[] = (
      await database.query(
        'SELECT id, budget::text, committed::text, version FROM funding_calls WHERE id = ANY($1)',
        [calls],
      )
    ).rows;
    for (const call of state) {
      const changes = rows.filter((row) => row.call_id === call.id);
      const first = changes[0]?.version ?? 0;
      expect(changes.map((row) => row.version)).toEqual(changes.map((_, i) => first + i));
      expect(call.budget).toBe(changes.at(-1)?.new_budget);
      expect(call.version).toBe(changes.at(-1)?.version);
      expect(BigInt(call.committed)).toBeLessThanOrEqual(BigInt(call.budget));
    }

    // The ledger: balanced, no balance below zero but a fund's capital source.
    const [{ total }] = (
      await database.query('SELECT coalesce(sum(amount), 0)::text AS total FROM ledger_entries')
    ).rows;
    expect(total).toBe('0');
    const negative = await database.query(
      "SELECT * FROM ledger_balances WHERE balance < 0 AND account_kind <> 'fund_capital'",
    );
    expect(negative.rows).toEqual([]);

    // Events: one per audited change, each published once the relay is back (a copy the relay sent before the
    // crash may be sent again: consumers deduplicate by event id, so what counts is the set of ids).
    const outbox = async () =>
      (
        await database.query(
          `SELECT id::text, published_at FROM outbox_event WHERE type = 'funding.call.budget_changed' AND key = ANY($1)`,
          [calls],
        )
      ).rows as { id: string; published_at: Date | null }[];
    expect((await outbox()).length).toBe(rows.length);
    await eventually(
      'every budget_changed event published',
      async () => (await outbox()).every((row) => row.published_at !== null),
      60_000,
    );
    const published = await eventIds(
      broker.brokers,
      TOPICS.funding.name,
      'funding.call.budget_changed',
      new Set(calls),
    );
    expect(new Set(published)).toEqual(new Set((await outbox()).map((row) => row.id)));
  });
  /** A fund approver enrolled in TOTP, signed in with it, with an approval limit set by the admin. */
  async function approver(limit: string): Promise<{ id: string; auth: string }> {
    const signedIn = await staff('fund_approver');
    const begun = await api()
      .post('/api/v1/me/second-factor')
      .set('authorization', signedIn.auth)
      .send({ method: 'totp' })
      .expect(200);
    const totp = new TOTP({
      secret: Secret.fromBase32(begun.body.secret),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    const confirmed = await api()
      .post('/api/v1/me/second-factor/confirm')
      .set('authorization', signedIn.auth)
      .send({ code: totp.generate() })
      .expect(200);
    await api()
      .post(`/api/v1/funding/approval-limits/${signedIn.id}`)
      .set('authorization', adminToken)
      .send({ limit, reason: 'Uỷ quyền phê duyệt cho thử nghiệm' })
      .expect((answer) => expect([200, 201]).toContain(answer.status));
    return { id: signedIn.id, auth: `Bearer ${confirmed.body.accessToken}` };
  }

  /** `count` submitted, eligible applications to `callId` from one founder's published projects. */
  async function submittedApplications(callId: string, count: number): Promise<string[]> {
    const founderEmail = `founder-${uuidv7().slice(-12)}@crash.khoinghiep.vn`;
    await api()
      .post('/api/v1/auth/register')
      .send({ email: founderEmail, password: PASSWORD, fullName: 'Hờ Thị Mai', role: 'founder' })
      .expect(201);
    const login = await api()
      .post('/api/v1/auth/login')
      .send({ email: founderEmail, password: PASSWORD })
      .expect(200);
    const founder = `Bearer ${login.body.accessToken}`;
    const reviewer = (await staff('programme_officer')).auth;
    const one = async (index: number): Promise<string> => {
      const project = await api()
        .post('/api/v1/projects')
        .set('authorization', founder)
        .send(projectBody({ title: `Xưởng rang cà phê số ${index} ${uuidv7().slice(-6)}` }))
        .expect(201);
      await api()
        .post(`/api/v1/projects/${project.body.id}/submit`)
        .set('authorization', founder)
        .send({})
        .expect(200);
      await api()
        .post(`/api/v1/projects/${project.body.id}/review`)
        .set('authorization', reviewer)
        .send({ decision: 'approve' })
        .expect(200);
      // Funding learns the publication from projects.events; until then the draft is refused as unknown.
      const draft = await eventually(
        `funding to know project ${project.body.id}`,
        async () => {
          const answer = await api()
            .post('/api/v1/funding/applications')
            .set('authorization', founder)
            .send({
              callId,
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
            });
          if (answer.status === 201) return answer.body as { id: string; version: number };
          expect(answer.body.code).toBe('APPLICATION_PROJECT_UNKNOWN');
          return undefined;
        },
        60_000,
      );
      await api()
        .post(`/api/v1/funding/applications/${draft.id}/submit`)
        .set('authorization', founder)
        .set('if-match', `"${draft.version}"`)
        .send({})
        .expect(200);
      return draft.id;
    };
    const ids: string[] = [];
    for (let start = 0; start < count; start += 8)
      ids.push(
        ...(await Promise.all(Array.from({ length: Math.min(8, count - start) }, (_, i) => one(start + i)))),
      );
    return ids;
  }

  it('keeps every approval that answered 2xx exactly once, and a retry with its key settles a cut-off one', async () => {
    const ROOM = 20;
    const APPLICATIONS = 48;
    const AMOUNT = 1_000_000n;
    const fund = await newFund();
    const callId = await openCall(fund.body.id, 0, String(AMOUNT * BigInt(ROOM)));
    const applications = await submittedApplications(callId, APPLICATIONS);
    const checker = await approver('1000000000');

    const decide = async (applicationId: string) => {
      try {
        const answer = await api()
          .post(`/api/v1/funding/applications/${applicationId}/decision`)
          .set('authorization', checker.auth)
          .set('idempotency-key', `crash-decision-${applicationId}`)
          .send({ outcome: 'approved', amount: String(AMOUNT) })
          .timeout(30_000);
        return { applicationId, status: answer.status, body: answer.body };
      } catch {
        return { applicationId, status: 0, body: undefined };
      }
    };

    // The burst: 48 approvals against room for 20, the funding process SIGKILLed after the 6th success.
    const first: Awaited<ReturnType<typeof decide>>[] = [];
    let succeeded = 0;
    let killed: Promise<unknown> | undefined;
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < APPLICATIONS; index = next++) {
        const result = await decide(applications[index] as string);
        first.push(result);
        if (result.status === 201) succeeded += 1;
        if (succeeded >= 6 && !killed) killed = funding.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    expect(await killed).toMatchObject({ signal: 'SIGKILL' });
    const cutOff = first.filter((answer) => answer.status === 0 || answer.status >= 500);
    expect(cutOff.length).toBeGreaterThan(0);
    for (const answer of first.filter((a) => a.status >= 400 && a.status < 500))
      expect(answer.body.code).toBe('CALL_BUDGET_EXCEEDED');

    await restartFunding();
    // A client whose request was cut off sends it again with its key: the first answer if it was committed, else
    // the command runs now. A 2xx replayed with its key answers the same body and does nothing more.
    const retried = await Promise.all(cutOff.map((answer) => decide(answer.applicationId)));
    for (const answer of retried) expect([201, 409]).toContain(answer.status);
    const approvedFirst = first.filter((answer) => answer.status === 201);
    for (const answer of await Promise.all(approvedFirst.slice(0, 3).map((a) => decide(a.applicationId))))
      expect(answer).toEqual(approvedFirst.find((a) => a.applicationId === answer.applicationId));

    const final = new Map(
      [...first, ...retried]
        .filter((a) => a.status !== 0 && a.status < 500)
        .map((a) => [a.applicationId, a.status]),
    );
    expect(final.size).toBe(APPLICATIONS);
    const approvedIds = [...final].filter(([, status]) => status === 201).map(([id]) => id);
    // Every application was tried until it had an answer: exactly the room of the call was approved.
    expect(approvedIds).toHaveLength(ROOM);

    const decisions: { application_id: string; outcome: string; approved_amount: string | null }[] = (
      await database.query(
        'SELECT application_id, outcome, approved_amount::text FROM decisions WHERE call_id = $1',
        [callId],
      )
    ).rows;
    expect(decisions.map((d) => d.application_id).sort()).toEqual([...approvedIds].sort());
    expect(decisions.every((d) => d.outcome === 'approved' && d.approved_amount === String(AMOUNT))).toBe(
      true,
    );
    const grants: { id: string; application_id: string; amount: string }[] = (
      await database.query('SELECT id, application_id, amount::text FROM grants WHERE call_id = $1', [callId])
    ).rows;
    expect(grants.map((g) => g.application_id).sort()).toEqual([...approvedIds].sort());
    const [call] = (
      await database.query('SELECT budget::text, committed::text FROM funding_calls WHERE id = $1', [callId])
    ).rows;
    expect(call).toEqual({ budget: String(AMOUNT * BigInt(ROOM)), committed: String(AMOUNT * BigInt(ROOM)) });
    const balances = new Map(
      (
        await database.query(
          `SELECT account_kind || ':' || account_reference AS account, balance::text FROM ledger_balances
            WHERE account_reference = ANY($1)`,
          [[callId, ...grants.map((g) => g.id)]],
        )
      ).rows.map((row: { account: string; balance: string }) => [row.account, row.balance]),
    );
    expect(balances.get(`call_available:${callId}`)).toBe('0');
    for (const grant of grants) expect(balances.get(`grant_undisbursed:${grant.id}`)).toBe(String(AMOUNT));
    const [{ total }] = (
      await database.query('SELECT coalesce(sum(amount), 0)::text AS total FROM ledger_entries')
    ).rows;
    expect(total).toBe('0');
    expect(
      (
        await database.query(
          "SELECT * FROM ledger_balances WHERE balance < 0 AND account_kind <> 'fund_capital'",
        )
      ).rows,
    ).toEqual([]);
    const approvedEvents = await database.query(
      `SELECT key FROM outbox_event WHERE type = 'funding.application.approved' AND key = ANY($1)`,
      [applications],
    );
    expect(approvedEvents.rows.map((row: { key: string }) => row.key).sort()).toEqual(
      [...approvedIds].sort(),
    );
  });
  it('pays every tranche exactly once when the process dies during a burst of payments, never above the grant', async () => {
    const GRANTS = 10;
    const AMOUNT = 1_000_000n;
    const fund = await newFund();
    const callId = await openCall(fund.body.id, 1, String(AMOUNT * BigInt(GRANTS)));
    const applications = await submittedApplications(callId, GRANTS);
    const checker = await approver('1000000000');
    const grants: string[] = [];
    for (const applicationId of applications) {
      const decided = await api()
        .post(`/api/v1/funding/applications/${applicationId}/decision`)
        .set('authorization', checker.auth)
        .set('idempotency-key', `crash-decision-${applicationId}`)
        .send({ outcome: 'approved', amount: String(AMOUNT) })
        .expect(201);
      grants.push(decided.body.grantId);
    }
    // Two acceptance tranches of half the grant each, requested by the officer (maker), approved by the checker.
    const tranches: { id: string; grantId: string }[] = [];
    for (const grantId of grants)
      for (const part of [1, 2]) {
        const requested = await api()
          .post(`/api/v1/funding/grants/${grantId}/tranches`)
          .set('authorization', officer)
          .set('idempotency-key', `crash-tranche-${grantId}-${part}`)
          .send({
            kind: 'acceptance',
            amount: String(AMOUNT / 2n),
            acceptedCost: String(AMOUNT),
            evidence: [
              {
                name: `bien-ban-nghiem-thu-${part}.pdf`,
                mediaType: 'application/pdf',
                size: 48_213,
                sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
              },
            ],
          })
          .expect(201);
        await api()
          .post(`/api/v1/funding/tranches/${requested.body.id}/approval`)
          .set('authorization', checker.auth)
          .set('idempotency-key', `crash-approval-${requested.body.id}`)
          .send({})
          .expect(200);
        tranches.push({ id: requested.body.id, grantId });
      }

    const pay = async (trancheId: string) => {
      try {
        const answer = await api()
          .post(`/api/v1/funding/tranches/${trancheId}/payment`)
          .set('authorization', officer)
          .set('idempotency-key', `crash-payment-${trancheId}`)
          .send({ paymentReference: `UNC-2026-${trancheId.slice(-8)}` })
          .timeout(30_000);
        return { trancheId, status: answer.status, body: answer.body };
      } catch {
        return { trancheId, status: 0, body: undefined };
      }
    };
    // The burst: 20 payments at once, the funding process SIGKILLed after the 5th success.
    const first: Awaited<ReturnType<typeof pay>>[] = [];
    let succeeded = 0;
    let killed: Promise<unknown> | undefined;
    await Promise.all(
      tranches.map(async ({ id }) => {
        const result = await pay(id);
        first.push(result);
        if (result.status === 200) succeeded += 1;
        if (succeeded >= 5 && !killed) killed = funding.kill('SIGKILL');
      }),
    );
    expect(await killed).toMatchObject({ signal: 'SIGKILL' });
    const cutOff = first.filter((answer) => answer.status === 0 || answer.status >= 500);
    expect(cutOff.length).toBeGreaterThan(0);
    expect(first.filter((answer) => answer.status >= 400 && answer.status < 500)).toEqual([]);

    await restartFunding();
    const retried = await Promise.all(cutOff.map((answer) => pay(answer.trancheId)));
    expect(retried.map((answer) => answer.status)).toEqual(retried.map(() => 200));
    // A replay of a payment that answered 200 answers the same body and pays nothing more.
    const paidFirst = first.filter((answer) => answer.status === 200);
    for (const answer of await Promise.all(paidFirst.slice(0, 3).map((a) => pay(a.trancheId))))
      expect(answer).toEqual(paidFirst.find((a) => a.trancheId === answer.trancheId));

    // Every tranche paid once: one tranche_paid posting each, each grant disbursed exactly its approved amount.
    const ids = tranches.map((t) => t.id);
    const rows: { id: string; status: string }[] = (
      await database.query('SELECT id, status FROM tranches WHERE id = ANY($1)', [ids])
    ).rows;
    expect(rows.every((row) => row.status === 'paid')).toBe(true);
    const postings: { reference: string }[] = (
      await database.query(
        `SELECT reference FROM ledger_transactions WHERE kind = 'tranche_paid' AND reference = ANY($1)`,
        [ids],
      )
    ).rows;
    expect(postings.map((p) => p.reference).sort()).toEqual([...ids].sort());
    const sums: { grant_id: string; approved: string; disbursed: string }[] = (
      await database.query(
        'SELECT grant_id, approved::text, disbursed::text FROM grant_disbursements WHERE grant_id = ANY($1)',
        [grants],
      )
    ).rows;
    expect(sums).toHaveLength(GRANTS);
    for (const sum of sums)
      expect(sum).toEqual({ grant_id: sum.grant_id, approved: String(AMOUNT), disbursed: String(AMOUNT) });
    const balances: { account: string; balance: string }[] = (
      await database.query(
        `SELECT account_kind || ':' || account_reference AS account, balance::text FROM ledger_balances
          WHERE account_reference = ANY($1) AND account_kind IN ('grant_disbursed', 'grant_undisbursed')`,
        [grants],
      )
    ).rows;
    for (const grantId of grants) {
      expect(balances.find((b) => b.account === `grant_disbursed:${grantId}`)?.balance).toBe(String(AMOUNT));
      expect(balances.find((b) => b.account === `grant_undisbursed:${grantId}`)?.balance ?? '0').toBe('0');
    }
    const [{ total }] = (
      await database.query('SELECT coalesce(sum(amount), 0)::text AS total FROM ledger_entries')
    ).rows;
    expect(total).toBe('0');
    const paidEvents: { count: number }[] = (
      await database.query(
        `SELECT count(*)::int AS count FROM outbox_event WHERE type = 'funding.tranche.paid' AND key = ANY($1)`,
        [grants],
      )
    ).rows;
    expect(paidEvents[0]?.count).toBe(tranches.length);
  });
});
