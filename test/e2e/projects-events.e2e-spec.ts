import { jest } from '@jest/globals';
import { PROJECT_EVENTS, TOPICS, validatePayload } from '@khoinghiep/contracts';
import { EventTap } from '@khoinghiep/testing';
import { version as uuidVersion, v7 as uuidv7 } from 'uuid';
import { type Actor, api, createProject, signUp, staff } from './projects.support.js';

jest.setTimeout(90_000);

const ENVELOPE_FIELDS = [
  'actor',
  'aggregateId',
  'aggregateType',
  'causationId',
  'correlationId',
  'id',
  'occurredAt',
  'payload',
  'type',
  'version',
];

// Every transition made through the gateway puts exactly one event, in the full envelope, on projects.events,
// keyed by the project id — read back by a real Kafka consumer.
describe('project events on projects.events', () => {
  let tap: EventTap;
  let founder: Actor;
  let officer: Actor;

  beforeAll(async () => {
    tap = new EventTap(TOPICS.projects.name);
    [founder, officer] = await Promise.all([signUp('founder'), staff('programme_officer'), tap.start()]);
  });

  afterAll(async () => {
    await tap.stop();
  });

  /** A transition through the gateway with its own correlation id; returns that id. */
  async function transition(
    actor: Actor,
    projectId: string,
    path: string,
    body: object,
    method: 'post' | 'patch' = 'post',
  ) {
    const correlationId = `e2e-${uuidv7()}`;
    const response = await api()
      [method](`/api/v1/projects/${projectId}${path}`)
      .set('authorization', actor.auth)
      .set('x-correlation-id', correlationId)
      .send(body);
    expect(response.status).toBe(200);
    return correlationId;
  }

  it('emits one event per transition: updated, submitted, revision_requested, approved, unpublished', async () => {
    const project = await createProject(founder);
    const steps: [string, Actor, string][] = [];
    steps.push([
      'projects.project.updated',
      founder,
      await transition(founder, project.id, '', { teamSize: 7, version: 1 }, 'patch'),
    ]);
    steps.push(['projects.project.submitted', founder, await transition(founder, project.id, '/submit', {})]);
    steps.push([
      'projects.project.revision_requested',
      officer,
      await transition(officer, project.id, '/review', { decision: 'request_revision', comment: 'Bổ sung.' }),
    ]);
    steps.push(['projects.project.submitted', founder, await transition(founder, project.id, '/submit', {})]);
    steps.push([
      'projects.project.approved',
      officer,
      await transition(officer, project.id, '/review', { decision: 'approve' }),
    ]);
    steps.push([
      'projects.project.unpublished',
      officer,
      await transition(officer, project.id, '/unpublish', { reason: 'Tạm gỡ để xác minh.' }),
    ]);

    const events = await tap.waitFor(project.id, steps.length);
    expect(events).toHaveLength(steps.length);
    expect(new Set(events.map((event) => event.envelope.id)).size).toBe(steps.length);
    for (const [index, [type, actor, correlationId]] of steps.entries()) {
      const event = events[index];
      if (!event) throw new Error(`no event ${index}`);
      const { envelope } = event;
      expect(Object.keys(envelope).sort()).toEqual(ENVELOPE_FIELDS);
      expect(envelope).toMatchObject({
        type,
        version: 1,
        aggregateType: 'project',
        aggregateId: project.id,
        actor: { userId: actor.id },
        correlationId,
        causationId: null,
      });
      expect(uuidVersion(envelope.id)).toBe(7);
      expect(event.key).toBe(project.id);
      expect(event.headers['event-type']).toBe(type);
      expect(event.headers['correlation-id']).toBe(correlationId);
      const contract = PROJECT_EVENTS.find((candidate) => candidate.type === type);
      expect(contract && validatePayload<object>(contract, envelope.payload).ok).toBe(true);
    }
  });

  it('emits one event each for a rejection and a withdrawal, and none for a refused transition', async () => {
    const rejected = await createProject(founder);
    await transition(founder, rejected.id, '/submit', {});
    await transition(officer, rejected.id, '/review', { decision: 'reject', comment: 'Không phù hợp.' });
    const refused = await api()
      .post(`/api/v1/projects/${rejected.id}/review`)
      .set('authorization', officer.auth)
      .send({ decision: 'approve' });
    expect(refused.status).toBe(409);

    const withdrawn = await createProject(founder);
    await transition(founder, withdrawn.id, '/withdraw', { reason: 'Chưa sẵn sàng.' });

    // The withdrawal was committed last and the relay publishes in commit order: once it and everything on the
    // topic has been read, an event of the refused transition would have shown.
    const withdrawal = await tap.waitFor(withdrawn.id, 1);
    expect(withdrawal.map((event) => event.envelope.type)).toEqual(['projects.project.withdrawn']);
    expect(tap.of(rejected.id).map((event) => event.envelope.type)).toEqual([
      'projects.project.submitted',
      'projects.project.rejected',
    ]);
    expect(withdrawal[0]?.envelope.payload).toMatchObject({
      previousStatus: 'draft',
      reason: 'Chưa sẵn sàng.',
    });
  });

  it('emits nothing for a draft that is only created', async () => {
    const draft = await createProject(founder);
    // A later command that does emit: once its event and the rest of the topic are read, the draft's would show.
    const marker = await createProject(founder);
    await transition(founder, marker.id, '/withdraw', { reason: 'Đánh dấu.' });
    await tap.waitFor(marker.id, 1);
    expect(tap.of(draft.id)).toEqual([]);
  });
});
