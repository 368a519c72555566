import type { DashboardParams, SettlementBalance } from '@samkraft/contracts/dashboard';
import type { MunicipalityBalance } from '@samkraft/contracts/settlement';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { settlementBalances } from '../settlement/settlement.service.ts';
import { balanceRows, balanceTable } from './dashboard-tables.rules.ts';
import { sessionBalance } from './dashboard.repository.ts';
import type { Period } from './report-period.rules.ts';
import { readForReport, resolveScope, type Scope } from './report.service.ts';

/**
 * The dashboard's settlement-balance panel. Until the settlement (issue 14.1) prices the
 * interventions, the balance is the cost-neutral one in units: sessions delivered to other
 * municipalities' citizens minus sessions received.
 *
 * Where the kroner balance plugs in — `balanceOf`, and nothing else: call the settlement's
 * service for the period and the scope's municipalities; where it has a settlement, map its
 * per-municipality amounts to `SettlementBalanceRow`s (delivered, received, net in kroner) and
 * return `{ unit: 'dkk', rows, table: balanceTable(rows, 'dkk') }`; else fall through to the
 * units below. The route (`GET /api/dashboard/balance`), the web panel (it names the unit and
 * drops the "units, not kroner" note for 'dkk') and the report PDF's chart take either unit.
 */

export async function balanceOf(db: Db, scope: Scope, period: Period, suppress: boolean): Promise<SettlementBalance> {
  const rows = balanceRows(await sessionBalance(db, period, scope.codes), scope.municipalities, suppress);
  return { period, unit: 'sessions', suppressed: suppress, rows, table: balanceTable(rows, 'sessions') };
}

/** The settlement's statement as the panel's rows in kroner; a figure from fewer than five units is hidden when suppressing. */
export function kronerBalance(statement: readonly MunicipalityBalance[], scope: Scope, period: Period, suppress: boolean): SettlementBalance | undefined {
  if (!statement.some((m) => m.deliveredKr !== 0 || m.receivedKr !== 0)) return undefined;
  const hidden = (units: number) => suppress && units > 0 && units < 5;
  const rows = scope.municipalities
    .map((m) => statement.find((s) => s.code === m.code))
    .filter((m): m is MunicipalityBalance => m !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .map((m) => {
      const delivered = hidden(m.deliveredUnits) ? null : m.deliveredKr;
      const received = hidden(m.receivedUnits) ? null : m.receivedKr;
      return { municipality: { code: m.code, name: m.name }, delivered, received, net: delivered === null || received === null ? null : m.netKr };
    });
  return { period, unit: 'dkk', suppressed: suppress, rows, table: balanceTable(rows, 'dkk') };
}

export async function getSettlementBalance(ctx: ServiceContext, params: DashboardParams, readDb: Db = ctx.db): Promise<SettlementBalance> {
  const scope = await resolveScope(ctx, params, 'report.read');
  const suppress = params.suppress ?? false;
  const period = { from: params.from, to: params.to };
  const priced = kronerBalance(await settlementBalances(ctx, period), scope, period, suppress);
  const balance = priced ?? (await readForReport(readDb, (db) => balanceOf(db, scope, period, suppress)));
  await audit(ctx.db, ctx, [
    { action: 'report.read', citizenId: null, entityType: 'report', outcome: 'allowed', detail: { from: params.from, to: params.to, municipalities: scope.codes, suppress, format: 'dashboard_balance', unit: balance.unit } },
  ]);
  return balance;
}
