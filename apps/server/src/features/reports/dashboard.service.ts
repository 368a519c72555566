import type { Dashboard, DashboardParams, ReportCharts } from '@samkraft/contracts/dashboard';
import type { Report } from '@samkraft/contracts/reports';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { flowsPanel, indicatorTable, referralsTable, teamsTable, waitingTable } from './dashboard-tables.rules.ts';
import { balanceOf } from './dashboard-balance.service.ts';
import { teamOccupancy, waitingToStart } from './dashboard.repository.ts';
import { flowsTableOf, indicatorsPerHalfYear, municipalityNames, referralsPerHalfYear } from './report-figures.service.ts';
import type { Period } from './report-period.rules.ts';
import { readForReport, resolveScope, type Scope } from './report.service.ts';

/**
 * The dashboard (issue 14.3): the report's figures as panels, each a table a chart is drawn from.
 * Access as the report's (coordinators every municipality, a lead their own), read as the report
 * reads (one snapshot on a server), audited as a report read.
 */

/** Every panel but the balance (its own endpoint, `dashboard-balance.service.ts`), inside the caller's read. */
export async function computeDashboard(db: Db, scope: Scope, period: Period, asOf: string, suppress: boolean): Promise<Dashboard> {
  const referrals = referralsTable(period, scope.municipalities, await referralsPerHalfYear(db, period, scope.codes), suppress);
  const flows = flowsPanel(await flowsTableOf(db, period, scope, suppress));
  const indicators = indicatorTable(await indicatorsPerHalfYear(db, period, scope.codes, asOf, suppress), suppress);
  const waiting = waitingTable(await waitingToStart(db, period, scope.codes), suppress);
  const occupancy = await teamOccupancy(db, asOf, scope.codes);
  const names = await municipalityNames(db, occupancy.map((o) => o.host));
  const teams = teamsTable(occupancy, (code) => names.get(code) ?? code, asOf, suppress);
  return { period, municipalities: scope.municipalities, suppressed: suppress, asOf, referrals, flows, indicators: indicators.table, indicatorTargets: indicators.targets, waiting, teams };
}

export async function getDashboard(ctx: ServiceContext, params: DashboardParams, readDb: Db = ctx.db): Promise<Dashboard> {
  const scope = await resolveScope(ctx, params, 'report.read');
  const asOf = danishDate(ctx.clock.now());
  const suppress = params.suppress ?? false;
  const dashboard = await readForReport(readDb, (db) => computeDashboard(db, scope, { from: params.from, to: params.to }, asOf, suppress));
  await audit(ctx.db, ctx, [
    { action: 'report.read', citizenId: null, entityType: 'report', outcome: 'allowed', detail: { from: params.from, to: params.to, municipalities: scope.codes, suppress, format: 'dashboard' } },
  ]);
  return dashboard;
}

/** The dashboard's panels of a computed report's period and municipalities (its PDF's charts); access was the report's. */
export async function chartsOfReport(db: Db, report: Report): Promise<ReportCharts> {
  const scope: Scope = { codes: report.municipalities.map((m) => m.code), municipalities: report.municipalities };
  return {
    dashboard: await computeDashboard(db, scope, report.period, report.asOf, report.suppressed),
    balance: await balanceOf(db, scope, report.period, report.suppressed),
  };
}
