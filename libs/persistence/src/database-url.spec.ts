import { databaseLocationFor } from '@khoinghiep/persistence';

describe('databaseLocationFor', () => {
  it('puts each app in its own database on the configured server', () => {
    const location = databaseLocationFor('projects', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      DATABASE_PREFIX: 'khoinghiep_test_',
    });
    expect(location.name).toBe('khoinghiep_test_projects');
    expect(location.url).toBe('postgres://postgres@127.0.0.1:5432/khoinghiep_test_projects');
    expect(location.adminUrl).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });

  it('uses an explicit per-app URL when one is given', () => {
    const location = databaseLocationFor('funding', { FUNDING_DATABASE_URL: 'postgres://u:p@db:5432/funds' });
    expect(location.name).toBe('funds');
    expect(location.adminUrl).toBe('postgres://u:p@db:5432/postgres');
  });

  it('defaults to the local server with the khoinghiep_ prefix', () => {
    expect(databaseLocationFor('gateway', {}).url).toBe(
      'postgres://postgres@127.0.0.1:5432/khoinghiep_gateway',
    );
  });
});
