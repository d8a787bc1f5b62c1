import { jest } from '@jest/globals';
import { type Actor, api, publishedProject, signUp, staff } from './projects.support.js';

jest.setTimeout(60_000);

// Browsing and searching published projects as an investor: diacritics-insensitive words, filters, cursor pages.
describe('searching published projects through the gateway', () => {
  let investor: Actor;
  const marker = `Tìm${Date.now().toString(36)}`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const [founder, officer, other] = await Promise.all([
      signUp('founder'),
      staff('programme_officer'),
      signUp('investor'),
    ]);
    investor = other;
    const publish = async (key: string, overrides: Record<string, unknown>) => {
      ids[key] = (await publishedProject(founder, officer, overrides)).id;
    };
    // One after the other: the catalogue lists the newest publication first.
    await publish('robusta', {
      title: `Cà phê Robusta Đắk Lắk ${marker}`,
      provinceCode: '66',
      stage: 'growth',
      fundingAsk: '3000000000',
      targetGroups: ['women_led'],
    });
    await publish('arabica', {
      title: `Cà phê Arabica Cầu Đất ${marker}`,
      provinceCode: '68',
      stage: 'early_revenue',
      fundingAsk: '1600000000',
      targetGroups: ['youth'],
    });
    await publish('pottery', {
      title: `Gốm Bát Tràng men lam ${marker}`,
      summary: 'Xưởng gốm men lam vẽ tay, đào tạo thợ trẻ và bán hàng xuyên biên giới.',
      sector: 'handicrafts',
      kind: 'rural_industry',
      provinceCode: '01',
      fundingAsk: '800000000',
      targetGroups: ['women_led', 'poverty_escape'],
    });
  });

  const search = async (query: Record<string, string | number | string[]>) => {
    const response = await api()
      .get('/api/v1/projects')
      .query(query)
      .set('authorization', investor.auth)
      .expect(200);
    return response.body as { items: { id: string }[]; nextCursor: string | null };
  };
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  it.each([
    ['"ca phe" finds "cà phê"', 'ca phe'],
    ['"cà phê" finds "cà phê"', 'cà phê'],
    ['"CA PHE" finds "cà phê"', 'CA PHE'],
  ])('%s', async (_case, text) => {
    expect(idsOf(await search({ q: `${text} ${marker}` })).sort()).toEqual([ids.robusta, ids.arabica].sort());
  });

  it('finds words of the summary and Vietnamese letters like đ without their marks', async () => {
    expect(idsOf(await search({ q: `ve tay ${marker}` }))).toEqual([ids.pottery]);
    expect(idsOf(await search({ q: `dak lak ${marker}` }))).toEqual([ids.robusta]);
  });

  it('filters by sector, stage, kind, province, target group and funding ask', async () => {
    expect(idsOf(await search({ q: marker, sector: 'handicrafts' }))).toEqual([ids.pottery]);
    expect(idsOf(await search({ q: marker, stage: 'growth' }))).toEqual([ids.robusta]);
    expect(idsOf(await search({ q: marker, kind: 'rural_industry' }))).toEqual([ids.pottery]);
    expect(idsOf(await search({ q: marker, provinceCode: ['66', '68'] }))).toEqual([
      ids.arabica,
      ids.robusta,
    ]);
    expect(idsOf(await search({ q: marker, targetGroup: 'women_led' }))).toEqual([ids.pottery, ids.robusta]);
    expect(
      idsOf(await search({ q: marker, minFundingAsk: '1000000000', maxFundingAsk: '2000000000' })),
    ).toEqual([ids.arabica]);
  });

  it('pages through the results with a cursor, newest publication first, each project once', async () => {
    const first = await search({ q: marker, limit: 2 });
    expect(idsOf(first)).toEqual([ids.pottery, ids.arabica]);
    const second = await search({ q: marker, limit: 2, cursor: first.nextCursor as string });
    expect(idsOf(second)).toEqual([ids.robusta]);
    expect(second.nextCursor).toBeNull();
  });
});
