import { allTopicSpecs, dlqTopicOf, isDlqTopic, originalTopicOf, TOPICS } from './topics.js';

describe('topics', () => {
  it('gives every events topic six partitions and a dead-letter topic', () => {
    const specs = allTopicSpecs();
    for (const topic of Object.values(TOPICS)) {
      expect(topic.partitions).toBe(6);
      expect(specs).toContainEqual(topic);
      expect(specs.map((spec) => spec.name)).toContain(`${topic.name}.dlq`);
    }
  });

  it('maps a topic to its dead-letter topic and back', () => {
    expect(dlqTopicOf('projects.events')).toBe('projects.events.dlq');
    expect(originalTopicOf('projects.events.dlq')).toBe('projects.events');
    expect(isDlqTopic('projects.events')).toBe(false);
    expect(() => dlqTopicOf('projects.events.dlq')).toThrow();
    expect(() => originalTopicOf('projects.events')).toThrow();
  });
});
