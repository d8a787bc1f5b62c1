import { defineEvent, EventCatalogue, type EventContract } from './define-event.js';

class SomePayload {}

const contract = (overrides: Partial<EventContract> = {}): EventContract => ({
  topic: 'funding.events',
  type: 'funding.disbursement.approved-spec',
  version: 1,
  aggregateType: 'disbursement',
  payload: SomePayload,
  ...overrides,
});

describe('defineEvent', () => {
  it('returns a frozen contract that the catalogue finds by type and version', async () => {
    const defined = defineEvent(contract({ type: 'funding.disbursement.defined-spec' }));
    expect(Object.isFrozen(defined)).toBe(true);
    const { eventCatalogue } = await import('./define-event.js');
    expect(eventCatalogue.find('funding.disbursement.defined-spec', 1)).toBe(defined);
  });

  it.each([
    ['a type without service and verb', { type: 'approved' }],
    ['an upper-case type', { type: 'Funding.Disbursement.Approved' }],
    ['version 0', { version: 0 }],
    ['a fractional version', { version: 1.5 }],
    ['a dead-letter topic', { topic: 'funding.events.dlq' }],
    ['an empty aggregate type', { aggregateType: '' }],
  ])('refuses %s', (_name, overrides) => {
    expect(() => defineEvent(contract(overrides))).toThrow(/invalid event contract/);
  });
});

describe('EventCatalogue', () => {
  it('keeps several versions of one type', () => {
    const catalogue = new EventCatalogue();
    const v1 = contract();
    const v2 = contract({ version: 2 });
    catalogue.add(v1);
    catalogue.add(v2);
    expect(catalogue.find(v1.type, 1)).toBe(v1);
    expect(catalogue.find(v1.type, 2)).toBe(v2);
    expect(catalogue.find(v1.type, 3)).toBeUndefined();
    expect(catalogue.topicOf(v1.type)).toBe('funding.events');
  });

  it('accepts the same contract twice but not two contracts for one type and version', () => {
    const catalogue = new EventCatalogue();
    const v1 = contract();
    catalogue.add(v1);
    catalogue.add(v1);
    expect(() => catalogue.add(contract())).toThrow(/defined twice/);
  });

  it('refuses one type on two topics', () => {
    const catalogue = new EventCatalogue();
    catalogue.add(contract());
    expect(() => catalogue.add(contract({ version: 2, topic: 'projects.events' }))).toThrow(/both/);
  });
});
