import { type Language, localeOf } from '../../i18n/language.ts';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a calendar date (`YYYY-MM-DD`) for display: Danish `4. 3. 2025`, English `4 Mar 2025`.
 * The date is read as a calendar day in UTC, so the browser's time zone cannot shift it.
 * Anything that is not a valid ISO date is returned unchanged.
 */
export function formatDate(isoDate: string, language: Language = 'da'): string {
  const match = isoDatePattern.exec(isoDate);
  if (!match) return isoDate;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return isoDate;
  if (language === 'en') {
    return new Intl.DateTimeFormat(localeOf('en'), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const parts = new Intl.DateTimeFormat(localeOf('da'), { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}. ${part('month')}. ${part('year')}`;
}

/** Formats a whole number with the language's digit grouping (Danish `1.263`). */
export function formatNumber(value: number, language: Language = 'da'): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}
