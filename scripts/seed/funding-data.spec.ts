import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { CreateApplicationDto, CreateCallDto, CreateFundDto } from '@khoinghiep/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { v7 as uuidv7 } from 'uuid';
import { APPLICATIONS, CALLS, draftBody, FUNDS } from './funding.mjs';

const projects = JSON.parse(readFileSync(new URL('./projects.json', import.meta.url), 'utf8')) as {
  founders: { key: string; email: string }[];
  projects: { founder: string; journey: string; project: { title: string } }[];
};

const invalidFields = (dto: new () => object, body: object) =>
  validateSync(plainToInstance(dto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  }).map((error) => error.property);

// The funding seed's data is checked before it reaches the gateway: a body the API would refuse, or an application
// for a project the projects seed does not publish, would only show as a failed `npm start -- --seed`.
describe('the funding demo data (scripts/seed/funding.mjs)', () => {
  it.each(Object.entries(FUNDS))('fund %s is a valid body', (_key, fund) => {
    expect(invalidFields(CreateFundDto, fund)).toEqual([]);
  });

  it.each(Object.entries(CALLS))('call %s is a valid body', (_key, { fund: _fund, ...call }) => {
    const body = {
      ...call,
      fundId: uuidv7(),
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2026-12-31T00:00:00.000Z',
    };
    expect(invalidFields(CreateCallDto, body)).toEqual([]);
    expect(call.appraisalRubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
  });

  it.each(APPLICATIONS.map((spec) => [spec.project, spec] as const))(
    'the application of "%s" is a valid draft within its call, for a published project of its founder',
    (_title, spec) => {
      const call = CALLS[spec.call];
      expect(invalidFields(CreateApplicationDto, draftBody(spec, uuidv7(), uuidv7()))).toEqual([]);
      for (const line of spec.lines) {
        expect(call.supportCategories).toContain(line.category);
        expect(BigInt(line.requested)).toBeLessThanOrEqual(BigInt(line.cost));
      }
      const founder = projects.founders.find((person) => person.email === spec.founder);
      const entry = projects.projects.find(
        (candidate) => candidate.founder === founder?.key && candidate.project.title === spec.project,
      );
      expect(['publish', 'revise_then_publish']).toContain(entry?.journey);
    },
  );

  it('has applications in every state, each project at most once per call, and scores for the score call', () => {
    expect(new Set(APPLICATIONS.map((spec) => spec.state))).toEqual(
      new Set(['draft', 'submitted', 'withdrawn']),
    );
    for (const call of Object.keys(CALLS)) {
      const titles = APPLICATIONS.filter((spec) => spec.call === call).map((spec) => spec.project);
      expect(new Set(titles).size).toBe(titles.length);
    }
    const scored = APPLICATIONS.filter((spec) => spec.scores);
    expect(scored.length).toBeGreaterThanOrEqual(3);
    for (const spec of scored) {
      expect(CALLS[spec.call].allocationRule).toBe('score');
      const codes = CALLS.startup.appraisalRubric.criteria.map((criterion) => criterion.code).sort();
      for (const scores of spec.scores ?? []) expect(Object.keys(scores).sort()).toEqual(codes);
    }
  });
});
