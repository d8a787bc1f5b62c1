import { PROVINCE_CODES, PROVINCES } from './provinces.js';

describe('the 34 provinces in force since 1 July 2025', () => {
  it('has 6 centrally-run cities and 28 provinces with distinct two-digit codes', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.filter((province) => province.kind === 'city').map((city) => city.code)).toEqual([
      '01',
      '31',
      '46',
      '48',
      '79',
      '92',
    ]);
    expect(new Set(PROVINCE_CODES).size).toBe(34);
    for (const code of PROVINCE_CODES) expect(code).toMatch(/^\d{2}$/);
  });

  it('keeps the statistics codes of the units whose names survived', () => {
    const byCode = Object.fromEntries(PROVINCES.map((province) => [province.code, province.nameEn]));
    expect(byCode).toMatchObject({
      '01': 'Hanoi',
      '15': 'Lao Cai',
      '24': 'Bac Ninh',
      '44': 'Quang Tri',
      '52': 'Gia Lai',
      '79': 'Ho Chi Minh City',
      '80': 'Tay Ninh',
      '82': 'Dong Thap',
      '91': 'An Giang',
      '96': 'Ca Mau',
    });
  });

  it('accounts for all 63 former provinces exactly once', () => {
    const unchanged = PROVINCES.filter((province) => province.formerly.length === 0).length;
    const merged = PROVINCES.flatMap((province) => province.formerly);
    expect(new Set(merged).size).toBe(merged.length);
    expect(unchanged + merged.length).toBe(63);
  });

  it('is sorted by code', () => {
    expect([...PROVINCE_CODES].sort()).toEqual(PROVINCE_CODES);
  });
});
