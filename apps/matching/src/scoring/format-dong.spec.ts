import { formatDong, formatDongRange } from './format-dong.js';

describe('formatDong', () => {
  it.each([
    [1_500_000_000, '1,5 tỷ ₫', '₫1.5 billion'],
    [2_000_000_000, '2 tỷ ₫', '₫2 billion'],
    [500_000_000, '500 triệu ₫', '₫500 million'],
    [1_250_000, '1,25 triệu ₫', '₫1.25 million'],
    [12_345_000_000, '12,35 tỷ ₫', '₫12.35 billion'],
    [1_200_000_000_000, '1.200 tỷ ₫', '₫1,200 billion'],
    [750_000, '750.000 ₫', '₫750,000'],
    [0, '0 ₫', '₫0'],
  ])('says %d đồng as "%s" and "%s"', (amount, vi, en) => {
    expect(formatDong(amount, 'vi')).toBe(vi);
    expect(formatDong(amount, 'en')).toBe(en);
  });

  it('moves to the larger unit when rounding reaches it', () => {
    expect(formatDong(999_999_999, 'vi')).toBe('1 tỷ ₫');
    expect(formatDong(999_999, 'en')).toBe('₫1 million');
    expect(formatDong(994_000_000, 'vi')).toBe('994 triệu ₫');
  });

  it('writes a ticket range with one ₫ in Vietnamese and one per amount in English', () => {
    expect(formatDongRange(500_000_000, 2_000_000_000, 'vi')).toBe('500 triệu–2 tỷ ₫');
    expect(formatDongRange(500_000_000, 2_000_000_000, 'en')).toBe('₫500 million–₫2 billion');
  });
});
