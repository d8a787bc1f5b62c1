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
} from '@khoinghiep/testing';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';

jest.setTimeout(240_000);

const OUTAGE_MS = 60_000;
const SLOT = Number(process.env.TEST_SLOT ?? 0);
const PASSWORD = 'Khoinghiep-Outage-2026';

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

/** Every message `topic` holds now (up to its high-water marks), as [key, event type, event id]. */
async function readAll(brokers: string, topic: string): Promise<[string, string, string][]> {
  const kafka = new Kafka({ clientId: 'outage-reader', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map(
    (await admin.fetchTopicOffsets(topic))
      .filter((end) => BigInt(end.high) > BigInt(end.low))
      .map((end) => [end.partition, BigInt(end.high)]),
  );
  const read: [string, string, string][] = [];
  const groupId = `outage-reader-${uuidv7()}`;
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
              read.push([
                String(message.key),
                String(message.headers?.['event-type']),
                String(message.headers?.['event-id']),
              ]);
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
  return read;
}

// The platform's own processes against a broker of the test's own, stopped for a minute while founders keep
// working: commands go to the outbox, and the relay delivers them once the broker is back.
describe('a Kafka outage', () => {
  let broker: DedicatedBroker;
  const apps: AppProcess[] = [];
  let projects: AppProcess;
  let gateway: AppProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    broker = await startDedicatedBroker(`kafka-outage-${SLOT}`, 19095 + SLOT * 10);
    const [projectsPort, gatewayPort] = [await freePort(), await freePort()];
    env = {
      KAFKA_BROKERS: broker.brokers,
      DATABASE_PREFIX: `${process.env.DATABASE_PREFIX ?? 'khoinghiep_test_'}outage_`,
      PROJECTS_URL: `http://127.0.0.1:${projectsPort}`,
    };
    projects = spawnApp('projects', { ...env, PORT: String(projectsPort) });
    gateway = spawnApp('gateway', { ...env, PORT: String(gatewayPort) });
    apps.push(projects, gateway);
    await Promise.all(apps.map((app) => app.waitReady(90_000)));
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await broker?.stop({ signal: 'SIGKILL' });
  });

  const api = () => request(gateway.url);

  async function founder(): Promise<string> {
    const email = `founder-${uuidv7().slice(-12)}@outage.khoinghiep.vn`;
    await api()
      .post('/api/v1/auth/register')
      .send({ email, password: PASSWORD, fullName: 'Outage founder', role: 'founder' })
      .expect(201);
    const login = await api().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    return `Bearer ${login.body.accessToken}`;
  }

  /** Age in seconds of the oldest event the projects service has not yet published, as its metrics report it. */
  async function outboxBacklogAge(): Promise<number> {
    const metrics = await request(projects.url).get('/metrics').expect(200);
    const age = /messaging_outbox_backlog_age_seconds\{service="projects"\} (\S+)/.exec(metrics.text)?.[1];
    return Number(age ?? Number.NaN);
  }

  /** Create, edit and submit a project; every answer must be a 2xx. Returns its id. */
  async function createEditSubmit(auth: string, statuses: number[]): Promise<string> {
    const created = await api().post('/api/v1/projects').set('authorization', auth).send(projectBody());
    statuses.push(created.status);
    const id = created.body.id as string;
    const edited = await api()
      .patch(`/api/v1/projects/${id}`)
      .set('authorization', auth)
      .send({ teamSize: 9, version: 1 });
    statuses.push(edited.status);
    const submitted = await api().post(`/api/v1/projects/${id}/submit`).set('authorization', auth).send({});
    statuses.push(submitted.status);
    return id;
  }

  it('keeps answering while the broker is down for a minute, then delivers every event exactly once', async () => {
    const founders = await Promise.all([founder(), founder(), founder()]);
    const statuses: number[] = [];
    const projectIds: string[] = [await createEditSubmit(founders[0] as string, statuses)];
    // Published before the outage: killing the broker in the middle of that publish could lose its acknowledgement,
    // and a retried publish is a duplicate on the topic (which consumers' inboxes drop, but this test counts).
    await eventually('the first project to be published', async () => (await outboxBacklogAge()) === 0);

    await broker.stop({ signal: 'SIGKILL' });
    const outageEnds = Date.now() + OUTAGE_MS;

    // A service (re)started while the broker is away starts and serves.
    await projects.stop();
    apps.splice(apps.indexOf(projects), 1);
    projects = spawnApp('projects', { ...env, PORT: new URL(env.PROJECTS_URL as string).port });
    apps.push(projects);
    await projects.waitReady(60_000);

    let backlogAge = 0;
    while (Date.now() < outageEnds) {
      const batch = await Promise.all(founders.map((auth) => createEditSubmit(auth, statuses)));
      projectIds.push(...batch);
      for (const app of [projects, gateway]) {
        await request(app.url).get('/health/ready').expect(200);
        await request(app.url).get('/health/live').expect(200);
      }
      // Paced by what an operator watches: the unpublished backlog keeps everything and grows older.
      backlogAge = await eventually('the outbox backlog to grow older by a second', async () => {
        const age = await outboxBacklogAge();
        return age >= backlogAge + 1 && age;
      });
    }
    expect(statuses.filter((status) => status < 200 || status > 299)).toEqual([]);
    expect(projectIds.length).toBeGreaterThan(10);

    await broker.restart();
    const expected = new Set(projectIds);
    const events = await eventually(
      'every project to have its two events on projects.events',
      async () => {
        const read = (await readAll(broker.brokers, TOPICS.projects.name).catch(() => [])).filter(([key]) =>
          expected.has(key),
        );
        return read.length >= 2 * expected.size && read;
      },
      90_000,
    );
    const byProject = new Map<string, string[]>();
    for (const [key, type] of events) byProject.set(key, [...(byProject.get(key) ?? []), type]);
    for (const id of projectIds) {
      expect([id, byProject.get(id)]).toEqual([
        id,
        ['projects.project.updated', 'projects.project.submitted'],
      ]);
    }
    expect(new Set(events.map(([, , eventId]) => eventId)).size).toBe(events.length);

    await eventually('the outbox backlog to be empty', async () => (await outboxBacklogAge()) === 0, 60_000);
  });
});
