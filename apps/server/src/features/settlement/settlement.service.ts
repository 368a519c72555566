import type { MunicipalityBalance, SettlementLine, SettlementList, SettlementMode, SettlementStatement } from '@samkraft/contracts/settlement';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { settlementScope, canSettle, type SettlementScope } from './settlement-access.rules.ts';
import { insertSettlement, ledgerLines, listSettlements, lockSettlements, namesFor, settledLines, type SettlementRecord } from './settlement.repository.ts';
import { amountOre, checkLock, checkPeriod, correctionLines, mergeLines, municipalityBalances, oreToKr, pairSettlements, type LedgerLine, type Period } from './settlement.rules.ts';

/*
 * The activity ledger and settlement (issue 14.1). Aggregates only: a statement names
 * municipalities, interventions, units and kroner, never a citizen. Coordinators see every
 * municipality; a municipal lead sees their own municipality's row and its pairs. Every statement
 * read or produced, every settlement and every refusal is audited.
 */

/** Checks the actor may read statements (a refusal is audited on its own) and returns what they may see. */
export async function requireSettlementScope(ctx: ServiceContext, action: string): Promise<SettlementScope> {
  const scope = settlementScope(ctx.actor);
  if (scope === null) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'settlement', outcome: 'denied', detail: { reason: 'role' } }]);
    throw AppError.forbidden('Settlement is for the coordinator and municipal leads');
  }
  return scope;
}

type Computed = { lines: LedgerLine[]; locked: SettlementRecord | null; settlements: SettlementRecord[] };

/**
 * The lines of a period: a settled period's stored lines (its own and the corrections it settled);
 * otherwise what the records say of it, plus the corrections of every settled period before it
 * not yet settled (what the records now say of that period less all that was settled for it).
 */
async function computeLines(db: Db, period: Period): Promise<Computed> {
  const settlements = await listSettlements(db);
  const stored = await settledLines(db);
  const locked = settlements.find((s) => s.from === period.from && s.to === period.to) ?? null;
  if (locked) return { lines: mergeLines(stored.filter((l) => l.settlementId === locked.id)), locked, settlements };
  const before = settlements.filter((s) => s.to < period.from);
  const derived = await ledgerLines(db, [{ key: '', ...period }, ...before.map((s) => ({ key: s.id, from: s.from, to: s.to }))]);
  const corrections = before.flatMap((s) => {
    const settledForIt = stored.filter((l) => (l.settlementId === s.id && l.corrects === null) || l.corrects === s.id).map((l) => ({ ...l, corrects: null }));
    return correctionLines(s.id, derived.get(s.id) ?? [], settledForIt);
  });
  return { lines: mergeLines([...(derived.get('') ?? []), ...corrections]), locked: null, settlements };
}

function inScope(scope: SettlementScope, l: LedgerLine): boolean {
  return scope.kind === 'all' || l.provider === scope.municipality || l.home === scope.municipality;
}

async function statementOf(ctx: ServiceContext, scope: SettlementScope, period: Period, mode: SettlementMode): Promise<SettlementStatement> {
  const issues = checkPeriod(period);
  if (issues.length > 0) throw AppError.validation(issues);
  const { lines: all, locked, settlements } = await computeLines(ctx.db, period);
  const names = await namesFor(ctx.db);
  const nameOf = (code: string) => names.municipalities.find((m) => m.code === code)?.name ?? code;
  const involved = new Set(all.flatMap((l) => [l.provider, l.home]));
  const shown = names.municipalities.filter((m) => (m.isMember || involved.has(m.code)) && (scope.kind === 'all' || m.code === scope.municipality));
  const lines = all.filter((l) => inScope(scope, l));
  const lastTo = settlements.at(-1)?.to ?? null;
  const today = danishDate(ctx.clock.now());
  const settlementOf = (id: string | null) => (id === null ? null : (settlements.find((s) => s.id === id) ?? null));
  return {
    period,
    mode,
    locked: locked ? { id: locked.id, lockedAt: locked.lockedAt.toISOString(), lockedBy: locked.lockedBy } : null,
    canLock: mode === 'net' && locked === null && canSettle(ctx.actor) && checkLock(period, today, lastTo).length === 0,
    municipalities: municipalityBalances(lines, shown),
    pairs: mode === 'net' ? pairSettlements(lines, nameOf) : [],
    lines: lines.map((l): SettlementLine => {
      const corrected = settlementOf(l.corrects);
      return {
        provider: l.provider,
        home: l.home,
        interventionCode: l.interventionCode,
        unit: l.unit,
        units: l.units,
        priceKr: l.priceOre === null ? null : oreToKr(l.priceOre),
        amountKr: oreToKr(amountOre(l)),
        corrects: corrected ? { from: corrected.from, to: corrected.to } : null,
      };
    }),
    interventionNames: Object.fromEntries([...new Set(lines.map((l) => l.interventionCode))].map((c) => [c, names.interventions.get(c) ?? c])),
    municipalityNames: Object.fromEntries([...new Set(lines.flatMap((l) => [l.provider, l.home]))].map((c) => [c, nameOf(c)])),
    unpricedUnits: lines.filter((l) => l.priceOre === null).reduce((n, l) => n + l.units, 0),
  };
}

/**
 * A period's statement in the mode chosen: cost-neutral (per municipality) or net (also per pair).
 * `format` says what is audited: read on screen or exported as a file.
 */
export async function getStatement(ctx: ServiceContext, period: Period, mode: SettlementMode, format: 'json' | 'pdf' | 'xlsx' = 'json'): Promise<SettlementStatement> {
  const action = format === 'json' ? 'settlement.statement.read' : 'settlement.statement.export';
  const scope = await requireSettlementScope(ctx, action);
  return ctx.db.transaction().execute(async (trx) => {
    const statement = await statementOf({ ...ctx, db: trx }, scope, period, mode);
    await audit(trx, ctx, [{ action, citizenId: null, entityType: 'settlement', entityId: statement.locked?.id, outcome: 'allowed', detail: { from: period.from, to: period.to, mode, format, scope: scope.kind === 'all' ? 'all' : scope.municipality } }]);
    return statement;
  });
}

/**
 * Settles a period net between the municipalities and locks it: its lines (and the corrections of
 * the periods settled before it) are stored and never change. The coordinator only.
 */
export async function lockSettlement(ctx: ServiceContext, period: Period): Promise<SettlementStatement> {
  if (!canSettle(ctx.actor)) {
    await audit(ctx.db, ctx, [{ action: 'settlement.lock', citizenId: null, entityType: 'settlement', outcome: 'denied', detail: { reason: 'role', from: period.from, to: period.to } }]);
    throw AppError.forbidden('Only the coordinator settles a period');
  }
  const scope = await requireSettlementScope(ctx, 'settlement.lock');
  return ctx.db.transaction().execute(async (trx) => {
    await lockSettlements(trx);
    const settlements = await listSettlements(trx);
    const issues = checkLock(period, danishDate(ctx.clock.now()), settlements.at(-1)?.to ?? null);
    if (issues.length > 0) throw AppError.validation(issues);
    const { lines } = await computeLines(trx, period);
    const actor = ctx.actor;
    const saved = await insertSettlement(trx, { ...period, lockedBy: actor.kind === 'staff' ? actor.userId : null, lockedByLabel: actor.kind === 'staff' ? actor.displayName : 'system' }, lines);
    const totalOre = pairSettlements(lines, (c) => c).reduce((n, p) => n + Math.round(p.amountKr * 100), 0);
    await audit(trx, ctx, [{ action: 'settlement.lock', citizenId: null, entityType: 'settlement', entityId: saved.id, outcome: 'allowed', detail: { from: period.from, to: period.to, lines: lines.length, totalKr: oreToKr(totalOre) } }]);
    return statementOf({ ...ctx, db: trx }, scope, period, 'net');
  });
}

/** The settled periods, oldest first, with the total paid between the municipalities in each. */
export async function listSettledPeriods(ctx: ServiceContext): Promise<SettlementList> {
  const scope = await requireSettlementScope(ctx, 'settlement.list');
  return ctx.db.transaction().execute(async (trx) => {
    const settlements = await listSettlements(trx);
    const stored = await settledLines(trx);
    await audit(trx, ctx, [{ action: 'settlement.list', citizenId: null, entityType: 'settlement', outcome: 'allowed', detail: { scope: scope.kind === 'all' ? 'all' : scope.municipality } }]);
    return {
      settlements: settlements.map((s) => {
        const lines = stored.filter((l) => l.settlementId === s.id && inScope(scope, l));
        const total = pairSettlements(lines, (c) => c).reduce((n, p) => n + Math.round(p.amountKr * 100), 0);
        return { id: s.id, from: s.from, to: s.to, lockedAt: s.lockedAt.toISOString(), lockedBy: s.lockedBy, totalKr: oreToKr(total) };
      }),
    };
  });
}

/**
 * The settlement balance of each municipality for a period — units and kroner delivered to
 * others, received from others, the net and how far from neutral — for the dashboard. The same
 * access and audit as the statement: coordinator all municipalities, a lead their own.
 */
export async function settlementBalances(ctx: ServiceContext, period: Period): Promise<MunicipalityBalance[]> {
  return (await getStatement(ctx, period, 'cost_neutral')).municipalities;
}
