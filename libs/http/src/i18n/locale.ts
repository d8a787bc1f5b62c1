/** Languages the platform answers in. Vietnamese first: it is the default when the caller states no preference. */
export type Locale = 'vi' | 'en';

export const SUPPORTED_LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

/** One text in every supported language. */
export type LocalisedText = Readonly<Record<Locale, string>>;

/** Values substituted into `{name}` placeholders of a message template. */
export type MessageParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

function isLocale(tag: string): tag is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(tag);
}

/**
 * Picks the best supported language from an `Accept-Language` header (RFC 9110 §12.5.4): the highest
 * quality first, ties in the order given; `en-US` counts as `en`; `*` means the default; `q=0` excludes.
 */
export function negotiateLocale(acceptLanguage: string | readonly string[] | undefined): Locale {
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : acceptLanguage?.join(',');
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const qAttribute = attributes.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const quality = qAttribute === undefined ? 1 : Number.parseFloat(qAttribute.slice(2));
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', quality, index };
    })
    .filter((range) => range.primary !== '' && Number.isFinite(range.quality) && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    if (range.primary === '*') return DEFAULT_LOCALE;
    if (isLocale(range.primary)) return range.primary;
  }
  return DEFAULT_LOCALE;
}

/** Replaces `{name}` with `params.name`; a placeholder without a value stays visible rather than vanishing. */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? placeholder : String(value);
  });
}

export function localise(text: LocalisedText, locale: Locale, params?: MessageParams): string {
  return formatMessage(text[locale], params);
}
