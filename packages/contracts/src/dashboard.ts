import { z } from 'zod';
import { municipalityRef, text } from './common.ts';
import { reportColumn, reportPeriod, reportQuery, reportRow } from './reports.ts';

/**
 * The dashboard (issue 14.3): the report's figures as charts, each with the table it drills into.
 * Every panel is a table in the report's shape (rows, columns, suppressed cells) so the web shows
 * it with the report's table view and the charts read only what the table holds.
 */

/** The report's choices without a comparison period: from, to, municipalities, suppression. */
export const dashboardQuery = reportQuery.omit({ compareFrom: true, compareTo: true });
export type DashboardQuery = z.input<typeof dashboardQuery>;
export type DashboardParams = z.output<typeof dashboardQuery>;

export const dashboardPanelIds = ['referrals', 'flows', 'indicators', 'waiting', 'teams', 'balance'] as const;
export const dashboardPanelId = z.enum(dashboardPanelIds);
export type DashboardPanelId = z.infer<typeof dashboardPanelId>;

export const dashboardTable = z.object({
  id: dashboardPanelId,
  title: text,
  rowHeader: text,
  columns: z.array(reportColumn),
  rows: z.array(reportRow),
  notes: z.array(text),
});
export type DashboardTable = z.infer<typeof dashboardTable>;

/** A target line of the indicator chart: the column (indicator) and the share to reach. */
export const indicatorTarget = z.object({ column: text, value: z.number() });
export type IndicatorTarget = z.infer<typeof indicatorTarget>;

export const dashboard = z.object({
  period: reportPeriod,
  municipalities: z.array(municipalityRef),
  suppressed: z.boolean(),
  /** The Danish date the deadlines (indicator 2) and the teams' occupancy were read on. */
  asOf: z.string(),
  /** Referrals per half-year (rows) and home municipality (columns), a total column last. */
  referrals: dashboardTable,
  /** The report's home → provider matrix (rows home, columns provider), the Sankey's links. */
  flows: dashboardTable,
  /** The five indicators per half-year (rows), with the targets of the shares. */
  indicators: dashboardTable,
  indicatorTargets: z.array(indicatorTarget),
  /** Days from the home municipality's receipt of the referral to the intervention's start, per intervention. */
  waiting: dashboardTable,
  /** Seats, enrolled and waiting on the teams running on `asOf`, per hosting municipality. */
  teams: dashboardTable,
});
export type Dashboard = z.infer<typeof dashboard>;

/**
 * The settlement balance per municipality: what it delivered to other municipalities' citizens,
 * what its citizens received from others, and the net (delivered − received). In `units`
 * (sessions attended) until settlement prices them; then in `dkk`.
 */
export const balanceUnits = ['sessions', 'dkk'] as const;
export const balanceUnit = z.enum(balanceUnits);
export type BalanceUnit = z.infer<typeof balanceUnit>;

export const settlementBalanceRow = z.object({
  municipality: municipalityRef,
  delivered: z.number().nullable(),
  received: z.number().nullable(),
  net: z.number().nullable(),
});
export type SettlementBalanceRow = z.infer<typeof settlementBalanceRow>;

export const settlementBalance = z.object({
  period: reportPeriod,
  unit: balanceUnit,
  suppressed: z.boolean(),
  rows: z.array(settlementBalanceRow),
  /** The same figures as a table (the chart's drill-down). */
  table: dashboardTable,
});
export type SettlementBalance = z.infer<typeof settlementBalance>;

/** The dashboard's panels a report keeps for its PDF's charts (a report job stores them beside the report). */
export const reportCharts = z.object({ dashboard, balance: settlementBalance });
export type ReportCharts = z.infer<typeof reportCharts>;
