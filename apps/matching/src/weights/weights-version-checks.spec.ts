import type { RecordMatchWeightsDto } from '@khoinghiep/contracts';
import { weightsVersionProblems } from './weights-version-checks.js';

const valid: RecordMatchWeightsDto = {
  effectiveFrom: '2026-05-01',
  reason: 'Ưu tiên đối tượng',
  points: {
    sector: 20,
    stage: 15,
    province_region: 15,
    target_groups: 20,
    ocop_certification: 10,
    thesis_text: 10,
    training: 10,
  },
};

const fields = (dto: RecordMatchWeightsDto, today = '2026-05-01') =>
  weightsVersionProblems(dto, today).map((problem) => problem.field);

describe('a new weights version', () => {
  it('is accepted from today on, with points adding up to 100', () => {
    expect(fields(valid)).toEqual([]);
    expect(fields(valid, '2026-04-30')).toEqual([]);
  });

  it('is refused for a day that has passed in Vietnam, or does not exist', () => {
    expect(fields(valid, '2026-05-02')).toEqual(['effectiveFrom']);
    expect(fields({ ...valid, effectiveFrom: '2026-02-30' })).toEqual(['effectiveFrom']);
  });

  it('is refused when the points add up to anything but 100, saying the total', () => {
    const problems = weightsVersionProblems(
      { ...valid, points: { ...valid.points, training: 0 } },
      '2026-05-01',
    );
    expect(problems).toEqual([
      expect.objectContaining({ field: 'points', params: { expected: 100, total: 90 } }),
    ]);
    expect(fields({ ...valid, points: { ...valid.points, sector: 21 } })).toEqual(['points']);
  });
});
