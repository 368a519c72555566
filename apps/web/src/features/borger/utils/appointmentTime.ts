import type { Language } from '../../../i18n/language.ts';
import { localeOf } from '../../../i18n/language.ts';

/** The weekday and date of an instant in Danish time, e.g. "onsdag 25. november" / "Wednesday 25 November". */
export function appointmentDay(instant: string, language: Language): string {
  // Put together from parts: ICU versions differ on Danish ("onsdag den 25. november" or without "den").
  const parts = new Intl.DateTimeFormat(localeOf(language), { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return language === 'da' ? `${part('weekday')} ${part('day')}. ${part('month')}` : `${part('weekday')} ${part('day')} ${part('month')}`;
}

/** The wall-clock time of an instant in Danish time, `HH.MM` in Danish and `HH:MM` in English, whatever the browser's zone. */
export function appointmentTime(instant: string, language: Language): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}${language === 'da' ? '.' : ':'}${part('minute')}`;
}

/** "onsdag 25. november kl. 10.00" — the day and time the citizen reads, in Danish time. */
export function appointmentMoment(instant: string, language: Language): string {
  return `${appointmentDay(instant, language)} ${language === 'da' ? 'kl.' : 'at'} ${appointmentTime(instant, language)}`;
}
