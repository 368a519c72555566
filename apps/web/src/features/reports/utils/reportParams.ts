import type { ReportRequest } from '@samkraft/contracts/reports';

/** The page's choices, turned into the API's query (pure, unit-tested). */
export type PeriodKind = 'year' | 'half' | 'custom';

export type ReportChoices = {
  kind: PeriodKind;
  year: number;
  half: 1 | 2;
  from: string;
  to: string;
  compare: boolean;
  compareFrom: string;
  compareTo: string;
  municipalities: string[];
  suppress: boolean;
};

export function periodOf(c: ReportChoices): { from: string; to: string } {
  switch (c.kind) {
    case 'year':
      return { from: `${c.year}-01-01`, to: `${c.year}-12-31` };
    case 'half':
      return c.half === 1 ? { from: `${c.year}-01-01`, to: `${c.year}-06-30` } : { from: `${c.year}-07-01`, to: `${c.year}-12-31` };
    case 'custom':
      return { from: c.from, to: c.to };
  }
}

/** The period before: the year before, the half-year before, or the dates given. */
export function comparePeriodOf(c: ReportChoices): { from: string; to: string } | null {
  if (!c.compare) return null;
  switch (c.kind) {
    case 'year':
      return periodOf({ ...c, year: c.year - 1 });
    case 'half':
      return c.half === 2 ? periodOf({ ...c, half: 1 }) : periodOf({ ...c, year: c.year - 1, half: 2 });
    case 'custom':
      return { from: c.compareFrom, to: c.compareTo };
  }
}

/** The choices as the report job's request: municipalities sorted, suppression only when on. */
export function reportRequestOf(c: ReportChoices): ReportRequest {
  const compare = comparePeriodOf(c);
  return {
    ...periodOf(c),
    ...(compare ? { compareFrom: compare.from, compareTo: compare.to } : {}),
    ...(c.municipalities.length > 0 ? { municipalities: [...c.municipalities].sort() } : {}),
    ...(c.suppress ? { suppress: true } : {}),
  };
}

/** A cell as the page shows it: Danish or English number formats, ".." for a hidden cell. */
export function formatCell(value: number | null, format: 'count' | 'share' | 'decimal', suppressed: boolean, language: 'da' | 'en'): string {
  if (suppressed) return '..';
  if (value === null) return '–';
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  switch (format) {
    case 'count':
      return value.toLocaleString(locale);
    case 'share':
      return `${(value * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    case 'decimal':
      return value.toLocaleString(locale, { maximumFractionDigits: 2 });
  }
}

/** Server field names come as `to` (the body's schema and the rules), or `query.to` from a query string. */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  return errors[field] ?? errors[`query.${field}`];
}
