import { jest } from '@jest/globals';
import { TOPICS } from '@khoinghiep/contracts';
import { EventTap, eventually } from '@khoinghiep/testing';
import { type Actor, admin, api, expectStatus, signUp, staff } from './projects.support.js';

// Programme rules through the gateway, with every app running: anyone reads the rules in force, an admin records a
// new version (and a real consumer reads its event on funding.events), everyone else is refused.

jest.setTimeout(60_000);

const PROBLEM = /application\/problem\+json/;

interface RuleJson {
  id: string;
  ruleId: string;
  provinceCode: string | null;
  amountCap: string | null;
  basisPoints: number | null;
  legalSourceNumber: string;
}

describe('programme rules through the gateway', () => {
  let administrator: Actor;
  let fundOfficer: Actor;
  let founder: Actor;
  let tap: EventTap;

  beforeAll(async () => {
    tap = new EventTap(TOPICS.funding.name);
    [administrator, fundOfficer, founder] = await Promise.all([
      admin(),
      staff('fund_officer'),
      signUp('founder'),
      tap.start(),
    ]);
  });

  afterAll(async () => {
    await tap?.stop();
  });

  const inForce = async (query: Record<string, string>) =>
    (await expectStatus(api().get('/api/v1/funding/rules').query(query), 200)).body as RuleJson[];

  /** A machinery ceiling of Hà Nội's own, far enough ahead that no other test's version is newer. */
  const hanoiMachinery = {
    kind: 'support_ceiling',
    category: 'kc_machinery',
    provinceCode: '01',
    amountCap: '350000000',
    effectiveFrom: '2090-01-01',
    legalSourceNumber: '05/2089/NQ-HĐND',
    legalSourceName: 'Nghị quyết mức hỗ trợ khuyến công địa phương thành phố Hà Nội',
    reason: 'E2E: mức trần máy móc riêng của Hà Nội',
  };

  it('lets anyone read what applies in a province: Đắk Lắk its own demonstration-model ceiling', async () => {
    const dakLak = await inForce({
      on: '2026-01-01',
      provinceCode: '66',
      category: 'kc_demonstration_model',
    });
    expect(dakLak).toEqual([
      expect.objectContaining({ provinceCode: '66', amountCap: '800000000', basisPoints: 3000 }),
    ]);
    const national = await inForce({
      on: '2026-01-01',
      provinceCode: '79',
      category: 'kc_demonstration_model',
    });
    expect(national).toEqual([
      expect.objectContaining({
        provinceCode: null,
        amountCap: '1000000000',
        legalSourceNumber: '28/2018/TT-BTC',
      }),
    ]);
  });

  it('lets an admin record a new version that applies from its day, keeps the old one, and tells funding.events', async () => {
    const created = (
      await expectStatus(
        api().post('/api/v1/funding/rules').set('authorization', administrator.auth).send(hanoiMachinery),
        201,
      )
    ).body as RuleJson;
    expect(created).toMatchObject({ provinceCode: '01', amountCap: '350000000' });

    expect(await inForce({ on: '2090-06-01', provinceCode: '01', category: 'kc_machinery' })).toEqual([
      expect.objectContaining({ id: created.id }),
    ]);
    expect(await inForce({ on: '2089-12-31', provinceCode: '01', category: 'kc_machinery' })).toEqual([
      expect.objectContaining({ provinceCode: null, amountCap: '300000000' }),
    ]);
    expect(await inForce({ on: '2090-06-01', provinceCode: '79', category: 'kc_machinery' })).toEqual([
      expect.objectContaining({ provinceCode: null, amountCap: '300000000' }),
    ]);
    const history = (await expectStatus(api().get(`/api/v1/funding/rules/${created.ruleId}/versions`), 200))
      .body as RuleJson[];
    expect(history.map((version) => version.id)).toContain(created.id);
    expect(history.find((version) => version.provinceCode === null)).toMatchObject({
      amountCap: '300000000',
    });

    const event = await eventually('the funding.rule.version_recorded event', async () => {
      await tap.readToEnd();
      return tap
        .of(created.ruleId)
        .find((candidate) => (candidate.envelope.payload as { versionId?: string }).versionId === created.id);
    });
    expect(event.key).toBe(created.ruleId);
    expect(event.envelope).toMatchObject({
      type: 'funding.rule.version_recorded',
      version: 1,
      actor: { userId: administrator.id },
      payload: { provinceCode: '01', amountCap: '350000000', effectiveFrom: '2090-01-01' },
    });
  });

  it('refuses a fund officer and a founder with a 403 problem, and an anonymous caller with a 401', async () => {
    for (const actor of [fundOfficer, founder]) {
      const response = await api()
        .post('/api/v1/funding/rules')
        .set('authorization', actor.auth)
        .send(hanoiMachinery);
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
    const anonymous = await api().post('/api/v1/funding/rules').send(hanoiMachinery);
    expect(anonymous.status).toBe(401);
  });

  it('names every invalid field of a new version in a 400 problem', async () => {
    const response = await api()
      .post('/api/v1/funding/rules')
      .set('authorization', administrator.auth)
      .send({ ...hanoiMachinery, category: 'kc_unknown', basisPoints: 12_000 });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'basisPoints',
      'category',
    ]);
    const backwards = await api()
      .post('/api/v1/funding/rules')
      .set('authorization', administrator.auth)
      .send({ ...hanoiMachinery, effectiveUntil: '2089-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'effectiveUntil' })]);
  });
});
