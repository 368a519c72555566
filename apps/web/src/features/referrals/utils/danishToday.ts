/** Today's calendar date in Denmark, `YYYY-MM-DD` — the server counts Danish days too. */
export function danishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}
