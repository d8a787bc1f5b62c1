export type Language = 'vi' | 'en';

const SEPARATORS = { vi: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } } as const;
const UNITS = [
  { size: 1_000_000_000, vi: 'tỷ', en: 'billion' },
  { size: 1_000_000, vi: 'triệu', en: 'million' },
] as const;

const grouped = (whole: number, lang: Language) =>
  String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[lang].group);

/** An amount of whole đồng in words of its size, without the currency: vi "1,5 tỷ", en "1.5 billion". */
function amountPhrase(amount: number, lang: Language): string {
  for (const unit of UNITS) {
    const inHundredths = Math.round((amount * 100) / unit.size);
    if (inHundredths < 100) continue;
    const whole = Math.floor(inHundredths / 100);
    const fraction = inHundredths % 100;
    const decimals = fraction === 0 ? '' : `${SEPARATORS[lang].decimal}${String(fraction).padStart(2, '0')}`;
    return `${grouped(whole, lang)}${decimals.replace(/0$/, '')} ${unit[lang]}`;
  }
  return grouped(amount, lang);
}

/**
 * A short money phrase for sentences, to two decimals of its unit: vi "1,5 tỷ ₫", "500 triệu ₫", "750.000 ₫"; en
 * "₫1.5 billion", "₫500 million", "₫750,000". Amounts are whole đồng.
 */
export function formatDong(amount: number, lang: Language): string {
  return lang === 'vi' ? `${amountPhrase(amount, lang)} ₫` : `₫${amountPhrase(amount, lang)}`;
}

/** A range of đồng: vi "500 triệu–2 tỷ ₫" (one ₫ at the end), en "₫500 million–₫2 billion". */
export function formatDongRange(min: number, max: number, lang: Language): string {
  return lang === 'vi'
    ? `${amountPhrase(min, lang)}–${amountPhrase(max, lang)} ₫`
    : `${formatDong(min, lang)}–${formatDong(max, lang)}`;
}
