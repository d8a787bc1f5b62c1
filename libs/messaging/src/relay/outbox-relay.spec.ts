import { toTopicMessages } from './outbox-relay.js';
import type { PendingEvent } from './outbox-store.js';

const pending = (seq: number, topic: string, key: string): PendingEvent => ({
  seq: String(seq),
  id: `id-${seq}`,
  topic,
  key,
  type: 'projects.project.submitted',
  version: 1,
  envelope: `{"seq":${seq}}`,
  correlationId: 'req-1',
  causationId: null,
  actor: '{"userId":null,"roles":[]}',
});

describe('toTopicMessages', () => {
  it('groups by topic keeping seq order, keyed by aggregate, with the envelope as value and ids as headers', () => {
    const messages = toTopicMessages([
      pending(1, 'projects.events', 'a'),
      pending(2, 'funding.events', 'b'),
      pending(3, 'projects.events', 'a'),
    ]);
    expect(messages.map((group) => group.topic)).toEqual(['projects.events', 'funding.events']);
    expect(messages[0]?.messages.map((message) => message.value)).toEqual(['{"seq":1}', '{"seq":3}']);
    expect(messages[0]?.messages[0]).toMatchObject({
      key: 'a',
      headers: {
        'event-id': 'id-1',
        'event-type': 'projects.project.submitted',
        'event-version': '1',
        'correlation-id': 'req-1',
        'causation-id': '',
        actor: '{"userId":null,"roles":[]}',
      },
    });
  });
});
