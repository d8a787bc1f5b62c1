import { defineEvent, parseEnvelope, Role } from '@khoinghiep/contracts';
import { IsString } from 'class-validator';
import { buildEnvelope } from './envelope.js';
import { originOfEvent } from './event-origin.js';

class FundOpenedPayload {
  @IsString()
  name!: string;
}

const FundOpened = defineEvent({
  topic: 'funding.events',
  type: 'funding.fund.opened-envelope-spec',
  version: 3,
  aggregateType: 'fund',
  payload: FundOpenedPayload,
});

const origin = {
  correlationId: 'req-1',
  actor: { userId: '0194a9d2-3c6e-7a3b-8f1e-000000000009', roles: [Role.FundOfficer] },
  causationId: null,
};
const stamp = {
  id: '0194a9d2-3c6e-7a3b-8f1e-00000000000a',
  occurredAt: new Date('2026-03-04T05:06:07.089Z'),
};

describe('buildEnvelope', () => {
  it('stamps type, version and aggregate type from the contract and the rest from the origin', () => {
    const envelope = buildEnvelope(FundOpened, 'fund-1', { name: 'Quỹ khởi nghiệp' }, origin, stamp);
    expect(envelope).toEqual({
      id: stamp.id,
      type: 'funding.fund.opened-envelope-spec',
      version: 3,
      occurredAt: '2026-03-04T05:06:07.089Z',
      aggregateType: 'fund',
      aggregateId: 'fund-1',
      actor: origin.actor,
      correlationId: 'req-1',
      causationId: null,
      payload: { name: 'Quỹ khởi nghiệp' },
    });
  });

  it('builds what a consumer accepts', () => {
    const envelope = buildEnvelope(FundOpened, 'fund-1', { name: 'x' }, origin, stamp);
    expect(parseEnvelope(JSON.stringify(envelope)).ok).toBe(true);
  });

  it('makes follow-on events share the correlation and actor and point at their cause', () => {
    const cause = buildEnvelope(FundOpened, 'fund-1', { name: 'x' }, origin, stamp);
    expect(originOfEvent(cause)).toEqual({
      correlationId: 'req-1',
      actor: origin.actor,
      causationId: stamp.id,
    });
  });
});
