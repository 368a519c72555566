/** Kroner with two decimals in the UI language's digits ("1.234,50" in Danish). */
export function formatKr(value: number, language: string): string {
  return value.toLocaleString(language === 'en' ? 'en-GB' : 'da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A share (0.125) as a percentage ("12,5 %"); a dash when there is nothing to compare. */
export function formatShare(value: number | null, language: string): string {
  if (value === null) return '–';
  return `${(value * 100).toLocaleString(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 })} %`;
}

/** The same calendar day a year before, as the default start of a period (29 February → 1 March). */
export function yearBefore(today: string): string {
  const monthDay = today.slice(5) === '02-29' ? '03-01' : today.slice(5);
  return `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}-${monthDay}`;
}
