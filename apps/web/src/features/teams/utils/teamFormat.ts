/** Danish wall-clock date and time of an instant, whatever the browser's time zone. */
export function sessionWhen(startsAt: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Copenhagen', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(startsAt));
}
