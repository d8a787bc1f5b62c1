import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { CreateProjectDto, PROVINCE_CODES } from '@khoinghiep/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

interface SeedEntry {
  founder: string;
  journey: string;
  reviewComment?: string;
  withdrawReason?: string;
  unpublishReason?: string;
  project: Record<string, unknown> & { title: string; provinceCode: string; sector: string };
}

const data = JSON.parse(readFileSync(new URL('./projects.json', import.meta.url), 'utf8')) as {
  founders: { key: string; email: string }[];
  investors: { email: string }[];
  officers: { email: string }[];
  projects: SeedEntry[];
};

describe('the demo data set (scripts/seed/projects.json)', () => {
  it.each(data.projects.map((entry) => [entry.project.title, entry] as const))(
    '"%s" is a valid project body',
    (_title, entry) => {
      const body = plainToInstance(CreateProjectDto, entry.project);
      const errors = validateSync(body, {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
      });
      expect(errors.map((error) => error.property)).toEqual([]);
    },
  );

  it('is a few dozen projects across many provinces, sectors and every journey', () => {
    expect(data.projects.length).toBeGreaterThanOrEqual(30);
    expect(new Set(data.projects.map((entry) => entry.project.provinceCode)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(data.projects.map((entry) => entry.project.sector)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(data.projects.map((entry) => entry.journey))).toEqual(
      new Set(['publish', 'revise_then_publish', 'submitted', 'draft', 'reject', 'withdraw', 'unpublish']),
    );
    for (const entry of data.projects) expect(PROVINCE_CODES).toContain(entry.project.provinceCode);
  });

  it('names known founders, gives every refusal its reason, and keeps titles unique per founder', () => {
    const founders = new Set(data.founders.map((founder) => founder.key));
    const seen = new Set<string>();
    for (const entry of data.projects) {
      expect(founders).toContain(entry.founder);
      const key = `${entry.founder}/${entry.project.title}`;
      expect(seen).not.toContain(key);
      seen.add(key);
      if (entry.journey === 'reject') expect(entry.reviewComment).toEqual(expect.any(String));
      if (entry.journey === 'withdraw') expect(entry.withdrawReason).toEqual(expect.any(String));
      if (entry.journey === 'unpublish')
        expect((entry.unpublishReason ?? '').length).toBeGreaterThanOrEqual(5);
    }
    const emails = [...data.founders, ...data.investors, ...data.officers].map((person) => person.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
