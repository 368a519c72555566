import type { ReportFormat, ReportQuery } from '@samkraft/contracts/reports';

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

export function reportQueryOf(c: ReportChoices): ReportQuery {
  const compare = comparePeriodOf(c);
  return {
    ...periodOf(c),
    ...(compare ? { compareFrom: compare.from, compareTo: compare.to } : {}),
    ...(c.municipalities.length > 0 ? { municipalities: [...c.municipalities].sort().join(',') } : {}),
    ...(c.suppress ? { suppress: 'true' as const } : {}),
  };
}

export function reportSearch(q: ReportQuery, format?: ReportFormat): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
  if (format) params.set('format', format);
  return `?${params.toString()}`;
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

/** Server field names of the query come as `query.to` from the schema and `to` from the rules. */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  return errors[field] ?? errors[`query.${field}`];
}
