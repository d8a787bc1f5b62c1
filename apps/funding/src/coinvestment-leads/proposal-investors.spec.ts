import { LeadCommitment } from './lead-commitment.entity.js';
import { proposalInvestorsOf } from './proposal-investors.js';

const investor = (overrides: Partial<LeadCommitment>): LeadCommitment =>
  Object.assign(new LeadCommitment(), {
    eventId: '0190f000-0000-7000-8000-000000000001',
    leadId: '0190f000-0000-7000-8000-000000000002',
    introductionId: '0190f000-0000-7000-8000-000000000003',
    investorId: '0190f000-0000-7000-8000-000000000004',
    investorName: 'Quỹ Đầu tư Mạo hiểm Sông Hồng',
    investorKind: 'venture_fund',
    kind: 'private_venture_fund',
    amount: '3000000000',
    stage: 'committed',
    recordedAt: new Date('2026-10-01T03:00:00Z'),
    receivedAt: new Date('2026-10-01T03:00:01Z'),
    ...overrides,
  });

describe("a lead's investors as a proposal names them", () => {
  it("takes funding's kind, the latest amount, and the Vietnamese day of the commitment", () => {
    // 23:30 UTC is already the next day in Vietnam (UTC+7).
    expect(proposalInvestorsOf([investor({ recordedAt: new Date('2026-09-30T23:30:00Z') })])).toEqual([
      {
        name: 'Quỹ Đầu tư Mạo hiểm Sông Hồng',
        kind: 'private_venture_fund',
        amount: '3000000000',
        choseOn: '2026-10-01',
      },
    ]);
  });

  it('shortens a name longer than a proposal keeps to 300 characters, ending in …', () => {
    const [named] = proposalInvestorsOf([investor({ investorName: `Nguyễn Văn An (${'Ấ'.repeat(400)})` })]);
    expect(Array.from(named?.name ?? '')).toHaveLength(300);
    expect(named?.name.startsWith('Nguyễn Văn An (ẤẤ')).toBe(true);
    expect(named?.name.endsWith('Ấ…')).toBe(true);
  });
});
