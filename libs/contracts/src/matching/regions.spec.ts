import { PROVINCE_CODES } from '../projects/provinces.js';
import { PROVINCE_REGIONS, REGION_NAMES, REGIONS, regionOf } from './regions.js';

describe('the six socio-economic regions', () => {
  it('are six, each with a Vietnamese and an English name', () => {
    expect(REGIONS).toHaveLength(6);
    for (const region of REGIONS) {
      expect(REGION_NAMES[region].vi).not.toBe('');
      expect(REGION_NAMES[region].en).not.toBe('');
    }
  });

  it('place every one of the 34 provinces in exactly one region, and nothing else', () => {
    expect(Object.keys(PROVINCE_REGIONS).sort()).toEqual([...PROVINCE_CODES].sort());
    for (const code of PROVINCE_CODES) expect(REGIONS).toContain(regionOf(code));
  });

  it('leave no region empty, with the counts of the merged map', () => {
    const counts = Object.fromEntries(REGIONS.map((region) => [region, 0]));
    for (const code of PROVINCE_CODES) counts[regionOf(code) as string]++;
    expect(counts).toEqual({
      northern_midlands_mountains: 10,
      red_river_delta: 5,
      north_central_coast: 9,
      central_highlands: 2,
      southeast: 2,
      mekong_delta: 6,
    });
  });

  it('place a merged province that spans two regions by its administrative centre', () => {
    expect(regionOf('24')).toBe('northern_midlands_mountains'); // Bắc Ninh, centre in the former Bắc Giang
    expect(regionOf('52')).toBe('north_central_coast'); // Gia Lai, centre in Quy Nhơn (former Bình Định)
    expect(regionOf('80')).toBe('mekong_delta'); // Tây Ninh, centre in Tân An (former Long An)
    expect(regionOf('68')).toBe('central_highlands'); // Lâm Đồng, centre in Đà Lạt
    expect(regionOf('51')).toBe('north_central_coast'); // Quảng Ngãi, with the former Kon Tum
  });

  it('answer no region for a code that is not a province in force', () => {
    expect(regionOf('99')).toBeUndefined();
    expect(regionOf('toString')).toBeUndefined();
  });
});
