import type { ReportTable } from '@samkraft/contracts/reports';
import type { HomeCounts } from './report-referrals.repository.ts';
import { ageBands, sourceGroups, type Period } from './report-period.rules.ts';
import { byName, col, periodLabel, row, share, sum, suppressCross, suppressLines, suppressSmall, table, type Municipality } from './report-table.rules.ts';
import type { Cell } from './suppression.rules.ts';

/** The referral tables of report Bilag 3 (summary, Tables 1, 2.1, 3.1, 3.2) and note Table 6. */

export type SummaryFigures = { referred: number; offered: number; servedElsewhere: number; completed: number };

const COUNT_KEYS = ['referred', 'offered', 'servedElsewhere', 'referredOn', 'assessed', 'declined', 'declinedNotRelevant', 'declinedTooFar', 'declinedAlreadyInHomeCourse', 'declinedOther'] as const satisfies readonly (keyof HomeCounts)[];

/** Counts of finer buckets (half-years) added up per home municipality, as one row each for the whole span. */
export function totalsByHome(rows: readonly HomeCounts[]): HomeCounts[] {
  const byHome = new Map<string, HomeCounts>();
  for (const r of rows) {
    const total = byHome.get(r.home);
    if (!total) {
      const first: HomeCounts = { home: r.home, bucket: '', referred: 0, offered: 0, servedElsewhere: 0, referredOn: 0, assessed: 0, declined: 0, declinedNotRelevant: 0, declinedTooFar: 0, declinedAlreadyInHomeCourse: 0, declinedOther: 0 };
      for (const k of COUNT_KEYS) first[k] = r[k];
      byHome.set(r.home, first);
    } else {
      for (const k of COUNT_KEYS) total[k] += r[k];
    }
  }
  return [...byHome.values()];
}

export function summaryOf(counts: readonly HomeCounts[], completed: readonly { completed: number }[]): SummaryFigures {
  return {
    referred: sum(counts.map((c) => c.referred)),
    offered: sum(counts.map((c) => c.offered)),
    servedElsewhere: sum(counts.map((c) => c.servedElsewhere)),
    completed: sum(completed.map((c) => c.completed)),
  };
}

const SUMMARY_ROWS: [keyof SummaryFigures, string][] = [
  ['referred', 'Borgere, der er blevet henvist til kræftrehabilitering'],
  ['offered', 'Borgere, der er blevet tilbudt indsatser i det tværkommunale samarbejde, herunder blandede diagnoser og individuel indsats'],
  ['servedElsewhere', 'Borgere, der har modtaget indsats i anden kommune end bopælskommune'],
  ['completed', 'Afsluttede indsatser (uanset afslutningsårsag)'],
];

export function summaryTable(period: Period, main: SummaryFigures, compare: { period: Period; figures: SummaryFigures } | null, suppress: boolean): ReportTable {
  const columns = [col('period', periodLabel(period)), ...(compare ? [col('compare', periodLabel(compare.period))] : [])];
  const rows = SUMMARY_ROWS.map(([key, label]) => row(key, label, [main[key], ...(compare ? [compare.figures[key]] : [])]));
  const t = table('summary', 'Opsamling på data', '', columns, rows, [
    'En henvisning hører til perioden for dens modtagelse; afsluttede indsatser tælles i perioden for deres afslutning.',
  ]);
  return suppress ? suppressSmall(t) : t;
}

export function trendTable(halfYears: readonly { label: string; figures: SummaryFigures }[], suppress: boolean): ReportTable {
  const t = table(
    'trend',
    'Udvikling pr. halvår',
    'Halvår',
    [col('referred', 'Henviste'), col('offered', 'Tilbudt indsats'), col('servedElsewhere', 'Indsats i anden kommune'), col('completed', 'Afsluttede indsatser')],
    halfYears.map((h) => row(h.label, h.label, [h.figures.referred, h.figures.offered, h.figures.servedElsewhere, h.figures.completed])),
  );
  return suppress ? suppressSmall(t) : t;
}

/** Report Table 1: citizens received from and referred to other municipalities. */
export function exchangeTable(municipalities: readonly Municipality[], counts: readonly HomeCounts[], flows: readonly { home: string; provider: string; referrals: number }[], suppress: boolean): ReportTable {
  const list = byName(municipalities);
  const received = (code: string) => sum(flows.filter((f) => f.provider === code && f.home !== code).map((f) => f.referrals));
  const referred = (code: string) => counts.find((c) => c.home === code)?.servedElsewhere ?? 0;
  const rows = list.map((m) => row(m.code, m.name, [received(m.code), referred(m.code)]));
  rows.push(row('total', 'I alt', [sum(rows.map((r) => r.cells[0] ?? 0)), sum(rows.map((r) => r.cells[1] ?? 0))], { total: true }));
  const t = table('exchange', 'Modtagne borgere samt henviste borgere fordelt på kommuner', 'Kommune', [col('received', 'Modtaget fra andre kommuner'), col('referredElsewhere', 'Henvist til andre kommuner')], rows);
  if (!suppress) return t;
  // Each column adds up to its total; the two columns are separate counts.
  const lines: Cell[][] = [0, 1].map((c) => rows.map((_, r): Cell => [r, c]));
  return suppressLines(t, [0, 1], lines, [[rows.length - 1, 0], [rows.length - 1, 1]]);
}

/** The full home → provider matrix; the diagonal is the home municipality's own offerings. */
export function flowTable(municipalities: readonly Municipality[], flows: readonly { home: string; provider: string; referrals: number }[], nameOf: (code: string) => string, suppress: boolean): ReportTable {
  const codes = (pick: (f: { home: string; provider: string }) => string) =>
    byName([...new Set([...municipalities.map((m) => m.code), ...flows.map(pick)])].map((code) => ({ code, name: nameOf(code) })));
  const homes = codes((f) => f.home);
  const providers = codes((f) => f.provider);
  const cell = (h: string, p: string) => flows.find((f) => f.home === h && f.provider === p)?.referrals ?? 0;
  const rows = homes.map((h) => {
    const cells = providers.map((p) => cell(h.code, p.code));
    return row(h.code, h.name, [...cells, sum(cells)]);
  });
  const totals = providers.map((_, j) => sum(rows.map((r) => r.cells[j] ?? 0)));
  rows.push(row('total', 'I alt', [...totals, sum(totals)], { total: true }));
  const t = table(
    'flows',
    'Henvisninger fra hjemkommune (rækker) til udførende kommune (kolonner)',
    'Hjemkommune',
    [...providers.map((p) => col(p.code, p.name)), col('total', 'I alt')],
    rows,
    ['En henvisning tælles én gang for hver udførende kommune, den er sendt til; diagonalen er indsatser i hjemkommunen.'],
  );
  return suppress ? suppressCross(t, t.columns.map((_, i) => i)) : t;
}

const BAND_LABELS: Record<(typeof ageBands)[number], string> = { '0-17': '0–17 år', '18-39': '18–39 år', '40+': '40+ år' };

/** Report Table 2.1: referrals by sex and age band at receipt. */
export function sexAgeTable(municipalities: readonly Municipality[], counts: readonly { home: string; sex: 'F' | 'M'; band: string; referrals: number }[], suppress: boolean): ReportTable {
  const list = byName(municipalities);
  const of = (home: string | null, pick: (c: (typeof counts)[number]) => boolean) => sum(counts.filter((c) => (home === null || c.home === home) && pick(c)).map((c) => c.referrals));
  const cellsOf = (home: string | null): number[] => [
    of(home, (c) => c.sex === 'F'),
    of(home, (c) => c.sex === 'M'),
    ...ageBands.map((b) => of(home, (c) => c.band === b)),
    of(home, () => true),
  ];
  const rows = [...list.map((m) => row(m.code, m.name, cellsOf(m.code))), row('total', 'I alt', cellsOf(null), { total: true })];
  const t = table(
    'sex_age',
    'Alle henvisninger til hjemkommune fordelt på køn og alder',
    'Kommune',
    [col('F', 'Kvinde'), col('M', 'Mand'), ...ageBands.map((b) => col(b, BAND_LABELS[b])), col('total', 'I alt')],
    rows,
    ['Alder ved modtagelsen af henvisningen.'],
  );
  if (!suppress) return t;
  // Two partitions of each row's total (sex; age), and every column adds up to the total row.
  const last = rows.length - 1;
  const lines: Cell[][] = [];
  rows.forEach((_, r) => {
    lines.push([[r, 0], [r, 1], [r, 5]]);
    lines.push([[r, 2], [r, 3], [r, 4], [r, 5]]);
  });
  for (let c = 0; c <= 5; c++) lines.push(rows.map((_, r): Cell => [r, c]));
  const totals: Cell[] = [...rows.map((_, r): Cell => [r, 5]), ...[0, 1, 2, 3, 4].map((c): Cell => [last, c])];
  return suppressLines(t, [0, 1, 2, 3, 4, 5], lines, totals);
}

const SOURCE_LABELS: Record<(typeof sourceGroups)[number], string> = {
  gp: 'Almen praksis',
  other: 'Andet',
  hospital_gop: 'Hospital (genoptræningsplan)',
  hospital_ref01: 'Hospital (forløbsprogram, REF01)',
};
const SOURCE_NOTE = 'Andet omfatter kommunale aktører, selvhenvisning og andre kilder.';

/** Report Tables 3.1 and 3.2: referrals by source, in counts and shares of each row. */
export function sourceTables(municipalities: readonly Municipality[], counts: readonly { home: string; source: string; referrals: number }[], suppress: boolean): [ReportTable, ReportTable] {
  const list = byName(municipalities);
  const cellsOf = (home: string | null): number[] => {
    const parts = sourceGroups.map((s) => sum(counts.filter((c) => (home === null || c.home === home) && c.source === s).map((c) => c.referrals)));
    return [...parts, sum(parts)];
  };
  const rows = [...list.map((m) => row(m.code, m.name, cellsOf(m.code))), row('total', 'I alt', cellsOf(null), { total: true })];
  const columns = [...sourceGroups.map((s) => col(s, SOURCE_LABELS[s])), col('total', 'I alt')];
  let countTable = table('source_counts', 'Antal henvisninger til hjemkommune fordelt på henvisningskilde', 'Kommune', columns, rows, [SOURCE_NOTE]);
  if (suppress) countTable = suppressCross(countTable, columns.map((_, i) => i));
  const shareRows = countTable.rows.map((r, i) => {
    const counted = rows[i]?.cells ?? [];
    const whole = counted[counted.length - 1] ?? 0;
    const cells = counted.map((v, j) => (r.suppressed[j] ? null : share(v ?? 0, whole)));
    return { ...r, cells };
  });
  const shareTable = table(
    'source_shares',
    'Andel henvisninger til hjemkommune fordelt på henvisningskilde',
    'Kommune',
    columns.map((c) => ({ ...c, format: 'share' as const })),
    shareRows,
    countTable.notes,
  );
  return [countTable, shareTable];
}

/** Note Table 6 (the pilot): referred, assessed, declined by reason, referred on; municipalities as columns. */
export function pilotTable(municipalities: readonly Municipality[], counts: readonly HomeCounts[], suppress: boolean): ReportTable {
  const list = byName(municipalities);
  const measures: [keyof HomeCounts, string][] = [
    ['referred', 'Antal borgere, der er blevet henvist til hjemkommunen'],
    ['assessed', 'Antal borgere, der har fået gennemført en behovsvurdering'],
    ['declined', 'Antal borgere, der takkede nej til en indsats'],
    ['declinedNotRelevant', '– indsatsen blev ikke opfattet som relevant'],
    ['declinedTooFar', '– for langt at køre'],
    ['declinedAlreadyInHomeCourse', '– var allerede i gang med et forløb i hjemkommunen'],
    ['declinedOther', '– anden grund'],
    ['referredOn', 'Antal borgere, der er henvist videre til en tværkommunal indsats'],
  ];
  const rows = measures.map(([key, label]) => {
    const cells = list.map((m) => {
      const v = counts.find((c) => c.home === m.code)?.[key];
      return typeof v === 'number' ? v : 0;
    });
    return row(key, label, [...cells, sum(cells)]);
  });
  const t = table('pilot', 'Henviste, behovsvurderede, fravalg og videre henviste', '', [...list.map((m) => col(m.code, m.name)), col('total', 'I alt')], rows, [
    'En borger kan have takket nej af flere grunde og tælles da under hver af dem.',
  ]);
  if (!suppress) return t;
  const n = list.length;
  const lines: Cell[][] = rows.map((_, r) => Array.from({ length: n + 1 }, (_, c): Cell => [r, c]));
  return suppressLines(t, Array.from({ length: n + 1 }, (_, i) => i), lines, rows.map((_, r): Cell => [r, n]));
}
