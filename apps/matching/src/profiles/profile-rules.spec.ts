import {
  InvestorProfilePublished,
  InvestorProfileUpdated,
  InvestorProfileWithdrawn,
  type PutInvestorProfileDto,
} from '@khoinghiep/contracts';
import {
  contentOf,
  formatDong,
  type ProfileContent,
  profileEventFor,
  profileProblems,
  sameContent,
} from './profile-rules.js';

const body = (overrides: Partial<PutInvestorProfileDto> = {}): PutInvestorProfileDto => ({
  kind: 'venture_fund',
  displayName: 'Quỹ Đầu tư Sông Hồng',
  organisation: 'Công ty CP Quản lý quỹ Sông Hồng',
  sectors: ['digital_it', 'agriculture_food'],
  excludedSectors: ['tourism'],
  stages: ['early_revenue', 'prototype'],
  ticketMin: '500000000',
  ticketMax: '2000000000',
  provinceCodes: ['24', '01'],
  provincesOnly: false,
  targetGroups: ['youth', 'women_led'],
  thesis: 'Nông nghiệp công nghệ cao đồng bằng sông Hồng.',
  coinvestWithState: true,
  contact: { email: 'dautu@songhong.example.vn', phone: '0912 345 678' },
  sharedContactFields: ['email'],
  ...overrides,
});

const fieldsOf = (content: ProfileContent) => profileProblems(content).map((problem) => problem.field);

describe('contentOf', () => {
  it('stores lists in vocabulary order, so the same choices in another order are the same profile', () => {
    const content = contentOf(body());
    expect(content.sectors).toEqual(['agriculture_food', 'digital_it']);
    expect(content.stages).toEqual(['prototype', 'early_revenue']);
    expect(content.provinceCodes).toEqual(['01', '24']);
    expect(content.targetGroups).toEqual(['women_led', 'youth']);
    expect(sameContent(content, contentOf(body({ sectors: ['agriculture_food', 'digital_it'] })))).toBe(true);
  });

  it('publishes by default, keeps an absent organisation as null and leaves empty contact fields out', () => {
    const content = contentOf(
      body({
        organisation: undefined,
        published: undefined,
        contact: { email: 'a@b.vn', website: '', phone: null as unknown as string },
      }),
    );
    expect(content).toMatchObject({ organisation: null, published: true, contact: { email: 'a@b.vn' } });
    expect(Object.keys(content.contact)).toEqual(['email']);
  });
});

describe('profileProblems', () => {
  it('accepts a consistent profile', () => {
    expect(profileProblems(contentOf(body()))).toEqual([]);
  });

  it('refuses a ticket whose maximum is below its minimum, naming ticketMax and both amounts', () => {
    const [problem] = profileProblems(contentOf(body({ ticketMin: '2000000000', ticketMax: '500000000' })));
    expect(problem).toMatchObject({
      field: 'ticketMax',
      params: { min: '2.000.000.000 ₫', max: '500.000.000 ₫' },
    });
  });

  it('accepts a ticket of one amount (min = max), refuses a largest ticket of 0', () => {
    expect(fieldsOf(contentOf(body({ ticketMin: '700000000', ticketMax: '700000000' })))).toEqual([]);
    expect(fieldsOf(contentOf(body({ ticketMin: '0', ticketMax: '0' })))).toEqual(['ticketMax']);
  });

  it('refuses a sector both wanted and excluded, naming it', () => {
    const [problem] = profileProblems(contentOf(body({ excludedSectors: ['tourism', 'digital_it'] })));
    expect(problem).toMatchObject({ field: 'excludedSectors', params: { sectors: 'digital_it' } });
  });

  it('refuses a shared contact field left empty in contact, naming it', () => {
    const [problem] = profileProblems(
      contentOf(
        body({ contact: { email: 'dautu@songhong.example.vn' }, sharedContactFields: ['email', 'phone'] }),
      ),
    );
    expect(problem).toMatchObject({ field: 'sharedContactFields', params: { fields: 'phone' } });
  });

  it('refuses provinces only with no province named', () => {
    expect(fieldsOf(contentOf(body({ provincesOnly: true, provinceCodes: [] })))).toEqual(['provincesOnly']);
    expect(fieldsOf(contentOf(body({ provincesOnly: true })))).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(
      fieldsOf(
        contentOf(
          body({
            ticketMin: '9',
            ticketMax: '1',
            excludedSectors: ['digital_it'],
            sharedContactFields: ['address'],
            provincesOnly: true,
            provinceCodes: [],
          }),
        ),
      ),
    ).toEqual(['ticketMax', 'excludedSectors', 'provincesOnly', 'sharedContactFields']);
  });
});

describe('profileEventFor', () => {
  const published = contentOf(body());
  const withdrawn = contentOf(body({ published: false }));

  it('announces a first publication, and a publication again after a withdrawal', () => {
    expect(profileEventFor(null, published)).toBe(InvestorProfilePublished);
    expect(profileEventFor(withdrawn, published)).toBe(InvestorProfilePublished);
  });

  it('announces a withdrawal', () => {
    expect(profileEventFor(published, withdrawn)).toBe(InvestorProfileWithdrawn);
  });

  it('announces a published profile whose public facts or thesis changed', () => {
    expect(profileEventFor(published, contentOf(body({ ticketMax: '3000000000' })))).toBe(
      InvestorProfileUpdated,
    );
    expect(profileEventFor(published, contentOf(body({ thesis: 'Du lịch cộng đồng.' })))).toBe(
      InvestorProfileUpdated,
    );
  });

  it('announces nothing when only contact details change, nor for a profile that stays out of matching', () => {
    expect(
      profileEventFor(published, contentOf(body({ contact: { email: 'moi@songhong.example.vn' } }))),
    ).toBeNull();
    expect(profileEventFor(null, withdrawn)).toBeNull();
    expect(
      profileEventFor(withdrawn, contentOf(body({ published: false, ticketMax: '3000000000' }))),
    ).toBeNull();
    expect(profileEventFor(published, contentOf(body()))).toBeNull();
  });
});

describe('formatDong', () => {
  it('groups thousands with dots', () => {
    expect(formatDong('0')).toBe('0 ₫');
    expect(formatDong('1600000')).toBe('1.600.000 ₫');
  });
});
