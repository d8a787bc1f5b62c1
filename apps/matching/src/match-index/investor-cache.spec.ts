import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { randomInvestor, seededRandom } from '../scoring/random-fixtures.js';
import { InvestorCache } from './investor-cache.js';

const random = seededRandom(7);
const [first, second] = [randomInvestor(random), randomInvestor(random)];

/** A row of the catch-up query for `preferences`, at `change` (active, with a list of `entries`). */
const rowOf = (preferences: typeof first, change: number, active = true, entries = 50) => ({
  investor_id: preferences.investorId,
  change_number: String(change),
  active,
  entries,
  floor_score: entries > 0 ? 61.5 : null,
  floor_project_id: entries > 0 ? '00000000-0000-4000-8000-000000000001' : null,
  weights_version_id: '6a1f0c6e-3d0b-4f7e-9a55-2b1f8c0d9e01',
  kind: preferences.kind,
  sectors: preferences.sectors,
  excluded_sectors: preferences.excludedSectors,
  stages: preferences.stages,
  ticket_min: preferences.ticketMin,
  ticket_max: preferences.ticketMax,
  province_codes: preferences.provinceCodes,
  provinces_only: preferences.provincesOnly,
  target_groups: preferences.targetGroups,
  thesis_terms: preferences.thesisTerms.join(' '),
  revision: String(change),
});

const IN_USE = '6a1f0c6e-3d0b-4f7e-9a55-2b1f8c0d9e01';

/**
 * A manager whose catch-up query answers the rows given, one answer per call, beside the weights version in use (a
 * single row of nulls when nothing changed, as the outer join gives), and records the change number asked from.
 */
function managerAnswering(...answers: ReturnType<typeof rowOf>[][]) {
  const asked: unknown[] = [];
  const manager = {
    query: async (_sql: string, parameters: unknown[]) => {
      asked.push(parameters[0]);
      const rows = answers.shift() ?? [];
      return rows.length > 0
        ? rows.map((row) => ({ in_use: IN_USE, ...row }))
        : [{ in_use: IN_USE, investor_id: null }];
    },
  } as unknown as EntityManager;
  return { manager, asked };
}

const idsOf = async (caught: ReturnType<InvestorCache['catchUp']>) =>
  (await caught).investors.map((investor) => investor.investorId);

describe('the cache of investors in matching', () => {
  it('reads only what changed since the highest change number it holds', async () => {
    const { manager, asked } = managerAnswering([rowOf(first, 3), rowOf(second, 5)], []);
    const cache = new InvestorCache();
    expect(await idsOf(cache.catchUp(manager))).toEqual([first.investorId, second.investorId]);
    expect((await cache.catchUp(manager)).weightsVersionId).toBe(IN_USE);
    expect(asked).toEqual([0, 5]);
  });

  it('drops an investor taken out of matching and never takes back an older row', async () => {
    const { manager } = managerAnswering(
      [rowOf(first, 3), rowOf(second, 5)],
      [rowOf(first, 8, false)],
      [rowOf(first, 6), rowOf(second, 4, true, 0)],
    );
    const cache = new InvestorCache();
    await cache.catchUp(manager);
    expect(await idsOf(cache.catchUp(manager))).toEqual([second.investorId]);
    const { investors } = await cache.catchUp(manager);
    expect(investors.map((investor) => [investor.investorId, investor.floor.entries])).toEqual([
      [second.investorId, 50],
    ]);
  });

  it('takes in floors read under the lists’ locks', async () => {
    const { manager } = managerAnswering([rowOf(first, 3)]);
    const cache = new InvestorCache();
    await cache.catchUp(manager);
    cache.observe([
      {
        investor_id: first.investorId,
        entries: 50,
        floor_score: 77.25,
        floor_project_id: '00000000-0000-4000-8000-000000000002',
        weights_version_id: 'a-newer-version',
      },
    ]);
    const [investor] = (await cache.catchUp(manager)).investors;
    expect(investor?.floor).toEqual({
      entries: 50,
      floorScore: 77.25,
      floorProjectId: '00000000-0000-4000-8000-000000000002',
      weightsVersionId: 'a-newer-version',
    });
  });
});
