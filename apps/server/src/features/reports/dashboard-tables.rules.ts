import type { BalanceUnit, DashboardPanelId, DashboardTable, IndicatorTarget, SettlementBalanceRow } from '@samkraft/contracts/dashboard';
import type { ReportIndicator, ReportTable } from '@samkraft/contracts/reports';
import type { SessionBalanceRecord, TeamOccupancyRecord, WaitingRecord } from './dashboard.repository.ts';
import type { Period } from './report-period.rules.ts';
import { halfYearsOf } from './report-period.rules.ts';
import { byName, col, hide, row, share, sum, suppressCross, type Municipality } from './report-table.rules.ts';
import { isSmall } from './suppression.rules.ts';

/**
 * The dashboard's panels as tables (issue 14.3), built with the report's building blocks and its
 * small-number suppression, so a chart shows what its table shows and nothing more.
 */

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/** A report table under a dashboard panel's id (the report's helpers take the report's tables). */
const asPanel = (id: DashboardPanelId, t: ReportTable): DashboardTable => ({ ...t, id });
const draft = (title: string, rowHeader: string, columns: ReportTable['columns'], rows: ReportTable['rows'], notes: string[] = []): ReportTable => ({ id: 'trend', title, rowHeader, columns, rows, notes });

/** The half-year bucket of the report's grouped counts (`YYYY-1`, `YYYY-2`) of a half-year period. */
export const bucketOfHalfYear = (h: Period): string => `${h.from.slice(0, 4)}-${h.from.slice(5, 7) <= '06' ? 1 : 2}`;

/** Referrals per half-year (rows, a total row last) and home municipality (columns, a total column last). */
export function referralsTable(period: Period, municipalities: readonly Municipality[], counts: readonly { home: string; bucket: string; referred: number }[], suppress: boolean): DashboardTable {
  const list = byName(municipalities);
  const rows = halfYearsOf(period).map((h) => {
    const bucket = bucketOfHalfYear(h);
    const cells = list.map((m) => sum(counts.filter((c) => c.home === m.code && c.bucket === bucket).map((c) => c.referred)));
    return row(bucket, h.label, [...cells, sum(cells)]);
  });
  const totals = list.map((_, j) => sum(rows.map((r) => r.cells[j] ?? 0)));
  rows.push(row('total', 'I alt', [...totals, sum(totals)], { total: true }));
  const t = draft('Henvisninger pr. halvår og hjemkommune', 'Halvår', [...list.map((m) => col(m.code, m.name)), col('total', 'I alt')], rows, [
    'En henvisning hører til halvåret for dens modtagelse i hjemkommunen.',
  ]);
  return asPanel('referrals', suppress ? suppressCross(t, t.columns.map((_, i) => i)) : t);
}

/** The report's flow table as the Sankey's panel. */
export const flowsPanel = (flows: ReportTable): DashboardTable => asPanel('flows', flows);

/** A hidden indicator: its count (1, 3) or its basis (2, 4, 5) was withheld by suppression. */
const isHidden = (x: ReportIndicator): boolean => (x.unit === 'count' ? x.value === null : x.basis === null);

/** The five indicators per half-year (rows) against their targets (the shares' target lines). */
export function indicatorTable(halfYears: readonly { label: string; period: Period; indicators: readonly ReportIndicator[] }[], suppress: boolean): { table: DashboardTable; targets: IndicatorTarget[] } {
  const first = halfYears[0]?.indicators ?? [];
  const columns = first.map((x) => col(`i${x.number}`, `${x.number}. ${x.label} (mål: ${x.target})`, x.unit === 'share' ? 'share' : 'count'));
  const rows = halfYears.map((h) => {
    const r = row(bucketOfHalfYear(h.period), h.label, h.indicators.map((x) => x.value));
    return { ...r, suppressed: h.indicators.map((x) => suppress && isHidden(x)) };
  });
  const notes = [
    'Indikator 1 og 3 er antal (søjler); 2, 4 og 5 er andele (linjer) med målet som stiplet linje. "Hovedparten" er mere end halvdelen.',
    ...(suppress ? ['Tal under 5, og andele af færre end 5 svar eller frister, er skjult (..).'] : []),
  ];
  const targets = first.filter((x) => x.targetValue !== null).map((x) => ({ column: `i${x.number}`, value: x.targetValue ?? 0 }));
  return { table: asPanel('indicators', draft('De fem indikatorer over tid, mod deres mål', 'Halvår', columns, rows, notes)), targets };
}

/** Days from referral to start per intervention; the statistics of fewer than five starts are hidden with their count. */
export function waitingTable(records: readonly WaitingRecord[], suppress: boolean): DashboardTable {
  const sorted = [...records].sort((a, b) => a.interventionName.localeCompare(b.interventionName, 'da'));
  const rows = sorted.map((r) => row(r.intervention, r.interventionName, [r.started, round1(r.median), round1(r.mean), round1(r.p90)]));
  const t = draft(
    'Ventetid fra henvisning til start pr. indsats (dage)',
    'Indsats',
    [col('started', 'Startet'), col('median', 'Median (dage)', 'decimal'), col('mean', 'Gennemsnit (dage)', 'decimal'), col('p90', '90 % startet inden (dage)', 'decimal')],
    rows,
    ['Kalenderdage fra hjemkommunens modtagelse af henvisningen til indsatsens start, for henvisninger modtaget i perioden.'],
  );
  if (!suppress) return asPanel('waiting', t);
  return asPanel('waiting', hide(t, t.rows.map((r) => r.cells.map(() => isSmall(r.cells[0] ?? 0)))));
}

/** Seats, enrolled, free and waiting on the running teams per hosting municipality, with the utilisation. */
export function teamsTable(records: readonly TeamOccupancyRecord[], nameOf: (code: string) => string, asOf: string, suppress: boolean): DashboardTable {
  const sorted = byName(records.map((r) => ({ ...r, code: r.host, name: nameOf(r.host) })));
  const rows = sorted.map((r) => row(r.code, r.name, [r.teams, r.seats, r.enrolled, Math.max(0, r.seats - r.enrolled), r.waiting, share(r.enrolled, r.seats)]));
  const t = draft(
    'Holdenes belægning og ventelister pr. udførende kommune',
    'Kommune',
    [col('teams', 'Hold'), col('seats', 'Pladser'), col('enrolled', 'Optaget'), col('free', 'Ledige pladser'), col('waiting', 'På venteliste'), col('utilisation', 'Belægning', 'share')],
    rows,
    [`Hold, der kører den ${Number(asOf.slice(8, 10))}.${Number(asOf.slice(5, 7))}.${asOf.slice(0, 4)}; optagne og ventende borgere på dem.`],
  );
  if (!suppress) return asPanel('teams', t);
  // Enrolled = seats − free and utilisation = enrolled / seats: a hidden enrolled hides both with it.
  return asPanel('teams', hide(t, t.rows.map((r) => {
    const enrolledHidden = isSmall(r.cells[2] ?? 0);
    return [false, false, enrolledHidden, enrolledHidden, isSmall(r.cells[4] ?? 0), enrolledHidden];
  })));
}

export const UNIT_LABEL: Record<BalanceUnit, string> = { sessions: 'enheder (fremmøder)', dkk: 'kr.' };

/**
 * The balance per municipality: delivered − received = net. A small count is hidden with the net
 * (which would give it away); the other count may show, as two of the three are then hidden.
 */
export function balanceRows(records: readonly SessionBalanceRecord[], municipalities: readonly Municipality[], suppress: boolean): SettlementBalanceRow[] {
  return byName(municipalities).map((m) => {
    const r = records.find((x) => x.municipality === m.code) ?? { delivered: 0, received: 0 };
    const deliveredHidden = suppress && r.delivered < 5 && r.delivered > 0;
    const receivedHidden = suppress && r.received < 5 && r.received > 0;
    return {
      municipality: { code: m.code, name: m.name },
      delivered: deliveredHidden ? null : r.delivered,
      received: receivedHidden ? null : r.received,
      net: deliveredHidden || receivedHidden ? null : r.delivered - r.received,
    };
  });
}

export function balanceTable(rows: readonly SettlementBalanceRow[], unit: BalanceUnit): DashboardTable {
  const unitLabel = UNIT_LABEL[unit];
  const t = draft(
    `Mellemkommunal balance i ${unitLabel}`,
    'Kommune',
    [col('delivered', 'Leveret til andre kommuners borgere', unit === 'dkk' ? 'decimal' : 'count'), col('received', 'Modtaget fra andre kommuner', unit === 'dkk' ? 'decimal' : 'count'), col('net', 'Netto (leveret − modtaget)', unit === 'dkk' ? 'decimal' : 'count')],
    rows.map((r) => {
      const x = row(r.municipality.code, r.municipality.name, [r.delivered, r.received, r.net]);
      return { ...x, suppressed: [r.delivered, r.received, r.net].map((v) => v === null) };
    }),
    unit === 'sessions'
      ? ['Udgiftsneutral balance i enheder, ikke kroner: fremmøder på tværkommunale indsatser, der er afsluttet i perioden — leveret til andre kommuners borgere minus modtaget af egne borgere i andre kommuner.']
      : ['Afregningens balance i kroner for perioden.'],
  );
  return asPanel('balance', t);
}
