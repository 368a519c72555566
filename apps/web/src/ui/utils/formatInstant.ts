import { type Language, localeOf } from '../../i18n/language.ts';

/** An instant as the Danish clock showed it (Copenhagen time, whatever the browser's zone): `5. 12. 2026 kl. 14.03`. */
export function formatInstant(iso: string, language: Language = 'da'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = new Intl.DateTimeFormat(localeOf(language), { timeZone: 'Europe/Copenhagen', day: 'numeric', month: language === 'en' ? 'short' : 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const parts = f.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  if (language === 'en') return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
  return `${part('day')}. ${part('month')}. ${part('year')} kl. ${part('hour')}.${part('minute')}`;
}
