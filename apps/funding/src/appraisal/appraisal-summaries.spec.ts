import type { DataSource, EntityManager } from 'typeorm';
import type { AppraisalAssignment } from './appraisal-assignment.entity.js';
import { AppraisalSummaries } from './appraisal-summaries.js';

const A = '0192f1c2-0000-7000-8000-00000000000a';
const B = '0192f1c2-0000-7000-8000-00000000000b';
const C = '0192f1c2-0000-7000-8000-00000000000c';

/** A manager whose `find` answers the scored assignments given, filtered by the ids asked for. */
function managerWith(rows: Pick<AppraisalAssignment, 'applicationId' | 'weightedMean'>[]) {
  const asked: unknown[] = [];
  const manager = {
    find: async (_entity: unknown, options: { where: { applicationId: { value: string[] } } }) => {
      asked.push(options.where);
      const ids = options.where.applicationId.value;
      return rows.filter((row) => ids.includes(row.applicationId));
    },
  } as unknown as EntityManager;
  return { manager, asked };
}

describe('AppraisalSummaries.weightedMeans', () => {
  it('answers the mean of the appraisers’ weighted means per application, null where nobody scored', async () => {
    const { manager } = managerWith([
      { applicationId: A, weightedMean: '7.90' },
      { applicationId: A, weightedMean: '6.10' },
      { applicationId: B, weightedMean: '8.35' },
    ]);
    const summaries = new AppraisalSummaries({ manager } as DataSource);
    const means = await summaries.weightedMeans([A, B, C]);
    expect([...means.entries()]).toEqual([
      [A, 7],
      [B, 8.35],
      [C, null],
    ]);
  });

  it('asks the database nothing for no ids, and answers null for an id that is not a uuid', async () => {
    const { manager, asked } = managerWith([]);
    const summaries = new AppraisalSummaries({ manager } as DataSource);
    expect(await summaries.weightedMeans([])).toEqual(new Map());
    expect(await summaries.weightedMeans(['nope'])).toEqual(new Map([['nope', null]]));
    expect(asked).toEqual([]);
  });
});
