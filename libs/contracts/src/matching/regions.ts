import type { Bilingual } from '../http/doc.js';

/**
 * The six socio-economic regions (vùng kinh tế - xã hội) of the national master plan 2021–2030 (Resolution
 * 81/2023/QH15), which drew them over the 63 provinces of the time. Matching scores "same region" on them.
 */
export const REGIONS = [
  'northern_midlands_mountains',
  'red_river_delta',
  'north_central_coast',
  'central_highlands',
  'southeast',
  'mekong_delta',
] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Readonly<Record<Region, Bilingual>> = {
  northern_midlands_mountains: {
    vi: 'Trung du và miền núi phía Bắc',
    en: 'Northern Midlands and Mountains',
  },
  red_river_delta: { vi: 'Đồng bằng sông Hồng', en: 'Red River Delta' },
  north_central_coast: {
    vi: 'Bắc Trung Bộ và duyên hải miền Trung',
    en: 'North Central and Central Coast',
  },
  central_highlands: { vi: 'Tây Nguyên', en: 'Central Highlands' },
  southeast: { vi: 'Đông Nam Bộ', en: 'Southeast' },
  mekong_delta: { vi: 'Đồng bằng sông Cửu Long', en: 'Mekong Delta' },
};

export const REGIONS_EFFECTIVE_FROM = '2025-07-01';
export const REGIONS_SOURCE =
  'Nghị quyết 81/2023/QH15 (vùng kinh tế - xã hội); Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh)';

/**
 * The region of each of the 34 provinces in force since 1 July 2025 (codes of `PROVINCES`). Resolution 81/2023/QH15
 * placed the 63 former provinces; a merged province whose former parts all lay in one region stays there. Three
 * merged provinces span two regions, and no newer official grouping exists yet, so, as DOMAIN.md says, each is placed
 * by its administrative centre (Resolution 202/2025/QH15), which here is NOT the part whose name it kept:
 * - 24 Bắc Ninh (Bắc Ninh: Red River Delta + Bắc Giang: Northern Midlands), centre in Bắc Giang → Northern Midlands;
 * - 52 Gia Lai (Gia Lai: Central Highlands + Bình Định: Central Coast), centre in Quy Nhơn → Central Coast;
 * - 80 Tây Ninh (Tây Ninh: Southeast + Long An: Mekong Delta), centre in Tân An → Mekong Delta.
 * The other spanning merges keep both name and centre in one region: 25 Phú Thọ (with Vĩnh Phúc of the Red River
 * Delta), 51 Quảng Ngãi (with Kon Tum), 66 Đắk Lắk (with Phú Yên), 68 Lâm Đồng (with Bình Thuận).
 */
export const PROVINCE_REGIONS: Readonly<Record<string, Region>> = {
  '01': 'red_river_delta',
  '04': 'northern_midlands_mountains',
  '08': 'northern_midlands_mountains',
  '11': 'northern_midlands_mountains',
  '12': 'northern_midlands_mountains',
  '14': 'northern_midlands_mountains',
  '15': 'northern_midlands_mountains',
  '19': 'northern_midlands_mountains',
  '20': 'northern_midlands_mountains',
  '22': 'red_river_delta',
  '24': 'northern_midlands_mountains',
  '25': 'northern_midlands_mountains',
  '31': 'red_river_delta',
  '33': 'red_river_delta',
  '37': 'red_river_delta',
  '38': 'north_central_coast',
  '40': 'north_central_coast',
  '42': 'north_central_coast',
  '44': 'north_central_coast',
  '46': 'north_central_coast',
  '48': 'north_central_coast',
  '51': 'north_central_coast',
  '52': 'north_central_coast',
  '56': 'north_central_coast',
  '66': 'central_highlands',
  '68': 'central_highlands',
  '75': 'southeast',
  '79': 'southeast',
  '80': 'mekong_delta',
  '82': 'mekong_delta',
  '86': 'mekong_delta',
  '91': 'mekong_delta',
  '92': 'mekong_delta',
  '96': 'mekong_delta',
};

/** The region of a province code in force, or undefined for a code that is not one. */
export function regionOf(provinceCode: string): Region | undefined {
  return Object.hasOwn(PROVINCE_REGIONS, provinceCode) ? PROVINCE_REGIONS[provinceCode] : undefined;
}
