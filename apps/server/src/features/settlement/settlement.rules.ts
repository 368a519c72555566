import type { MunicipalityBalance, PairSettlement, SettlementUnit } from '@samkraft/contracts/settlement';
import type { FieldIssue } from '../../platform/errors.ts';

/*
 * The settlement's pure decisions: lines valued in øre (whole numbers, so every sum is exact),
 * corrections of a settled period, each municipality's balance and the amount each pair settles.
 * Bilag C: cost neutrality is the default — a statement only; a net settlement locks its period.
 */

/** A period of days, both ends included (YYYY-MM-DD). */
export type Period = { from: string; to: string };

/** Units of one kind a provider delivered to one home municipality's citizens, at one price. */
export type LedgerLine = {
  provider: string;
  home: string;
  interventionCode: string;
  unit: SettlementUnit;
  units: number;
  /** The tariff in øre a unit; null: no tariff on those days (counted, valued 0). */
  priceOre: number | null;
  /** The settled period this line corrects, by settlement id; null on a line of the period itself. */
  corrects: string | null;
};

export const amountOre = (l: Pick<LedgerLine, 'units' | 'priceOre'>): number => l.units * (l.priceOre ?? 0);
export const oreToKr = (ore: number): number => ore / 100;
export const krToOre = (kr: number): number => Math.round(kr * 100);

const keyOf = (l: LedgerLine): string => [l.provider, l.home, l.interventionCode, l.unit, l.priceOre ?? '', l.corrects ?? ''].join('|');

/** Lines with the same key summed; lines that come to 0 units are left out. Sorted for a stable statement. */
export function mergeLines(lines: readonly LedgerLine[]): LedgerLine[] {
  const byKey = new Map<string, LedgerLine>();
  for (const l of lines) {
    const k = keyOf(l);
    const had = byKey.get(k);
    byKey.set(k, had ? { ...had, units: had.units + l.units } : { ...l });
  }
  return [...byKey.values()].filter((l) => l.units !== 0).sort(compareLines);
}

export function compareLines(a: LedgerLine, b: LedgerLine): number {
  return (
    (a.corrects ?? '').localeCompare(b.corrects ?? '') ||
    a.provider.localeCompare(b.provider) ||
    a.home.localeCompare(b.home) ||
    a.interventionCode.localeCompare(b.interventionCode) ||
    a.unit.localeCompare(b.unit) ||
    (a.priceOre ?? -1) - (b.priceOre ?? -1)
  );
}

/**
 * The correction of a settled period: what the records say of it now less what was settled for it
 * (its own lines and the corrections of it settled since), line by line, marked as correcting it.
 */
export function correctionLines(settlementId: string, now: readonly LedgerLine[], settled: readonly LedgerLine[]): LedgerLine[] {
  const asCorrection = (l: LedgerLine, sign: 1 | -1): LedgerLine => ({ ...l, units: sign * l.units, corrects: settlementId });
  return mergeLines([...now.map((l) => asCorrection(l, 1)), ...settled.map((l) => asCorrection(l, -1))]);
}

/** Per municipality: units and value delivered to others, received from others, the net and how far from neutral. */
export function municipalityBalances(lines: readonly LedgerLine[], municipalities: readonly { code: string; name: string }[]): MunicipalityBalance[] {
  const zero = () => ({ deliveredUnits: 0, deliveredOre: 0, receivedUnits: 0, receivedOre: 0 });
  const sums = new Map(municipalities.map((m) => [m.code, zero()]));
  for (const l of lines) {
    const p = sums.get(l.provider);
    if (p) {
      p.deliveredUnits += l.units;
      p.deliveredOre += amountOre(l);
    }
    const h = sums.get(l.home);
    if (h) {
      h.receivedUnits += l.units;
      h.receivedOre += amountOre(l);
    }
  }
  return municipalities.map((m) => {
    const s = sums.get(m.code) ?? zero();
    const net = s.deliveredOre - s.receivedOre;
    const larger = Math.max(Math.abs(s.deliveredOre), Math.abs(s.receivedOre));
    return {
      code: m.code,
      name: m.name,
      deliveredUnits: s.deliveredUnits,
      deliveredKr: oreToKr(s.deliveredOre),
      receivedUnits: s.receivedUnits,
      receivedKr: oreToKr(s.receivedOre),
      netKr: oreToKr(net),
      deviationShare: larger === 0 ? null : Math.round((Math.abs(net) / larger) * 1000) / 1000,
    };
  });
}

/**
 * Net settlement per pair of municipalities: what each delivered to the other's citizens, set off
 * against each other; the one that received more pays the difference. Pairs with nothing between
 * them are left out; an even pair stays, with 0 to pay.
 */
export function pairSettlements(lines: readonly LedgerLine[], nameOf: (code: string) => string): PairSettlement[] {
  const delivered = new Map<string, number>();
  const pairs = new Set<string>();
  for (const l of lines) {
    const k = `${l.provider}>${l.home}`;
    delivered.set(k, (delivered.get(k) ?? 0) + amountOre(l));
    pairs.add([l.provider, l.home].sort().join('|'));
  }
  return [...pairs].sort().map((p) => {
    const [a = '', b = ''] = p.split('|');
    const aToB = delivered.get(`${a}>${b}`) ?? 0;
    const bToA = delivered.get(`${b}>${a}`) ?? 0;
    // a pays when a's citizens received more from b than b's received from a.
    const aPays = bToA >= aToB;
    const [payer, payee] = aPays ? [a, b] : [b, a];
    return {
      payer,
      payerName: nameOf(payer),
      payee,
      payeeName: nameOf(payee),
      payerReceivedKr: oreToKr(aPays ? bToA : aToB),
      payeeReceivedKr: oreToKr(aPays ? aToB : bToA),
      amountKr: oreToKr(Math.abs(aToB - bToA)),
    };
  });
}

const MAX_PERIOD_YEARS = 10;

/** The day the same calendar day comes again `years` later (29 February → 1 March). */
function yearsLater(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** A statement's period: its end not before its start, at most ten years (as a report). */
export function checkPeriod(p: Period): FieldIssue[] {
  if (p.to < p.from) return [{ field: 'to', code: 'before_valid_from', message: 'the period must not end before it starts' }];
  if (p.to >= yearsLater(p.from, MAX_PERIOD_YEARS)) return [{ field: 'to', code: 'period_too_long', message: 'a settlement period is at most ten years', params: { years: MAX_PERIOD_YEARS } }];
  return [];
}

/**
 * Whether a period may be settled net now: it has ended, and it starts after the last settled
 * period, so settled periods never overlap and corrections always run forward.
 */
export function checkLock(p: Period, today: string, lastSettledTo: string | null): FieldIssue[] {
  const issues = checkPeriod(p);
  if (issues.length > 0) return issues;
  if (p.to >= today) return [{ field: 'to', code: 'future_date', message: 'only a period that has ended can be settled' }];
  if (lastSettledTo !== null && p.from <= lastSettledTo) {
    return [{ field: 'from', code: 'period_settled', message: `the periods up to ${lastSettledTo} are settled; a new settlement starts after`, params: { lastTo: lastSettledTo } }];
  }
  return [];
}

export type TariffKey = { providerMunicipalityCode: string | null; interventionCode: string; unit: SettlementUnit };
export type TariffSpan = { validFrom: string; validTo: string | null };

const overlaps = (a: TariffSpan, b: TariffSpan): boolean => (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);

/**
 * A new tariff or a new end of one: its dates in order, no other tariff of the same key on any of
 * its days, and nothing on a settled day (a settled period's value never changes afterwards).
 */
export function checkTariffSpan(span: TariffSpan, others: readonly TariffSpan[], lastSettledTo: string | null, field: 'validFrom' | 'validTo'): FieldIssue[] {
  if (span.validTo !== null && span.validTo < span.validFrom) return [{ field: 'validTo', code: 'before_valid_from', message: 'the tariff must not end before it starts' }];
  if (lastSettledTo !== null && (field === 'validFrom' ? span.validFrom : (span.validTo ?? '9999-12-31')) <= lastSettledTo) {
    return [{ field, code: 'period_settled', message: `the periods up to ${lastSettledTo} are settled; a tariff may change only after`, params: { lastTo: lastSettledTo } }];
  }
  const clash = others.find((o) => overlaps(span, o));
  if (clash) return [{ field: 'validFrom', code: 'overlapping_tariff', message: `another tariff of the same municipality, intervention and unit applies from ${clash.validFrom}`, params: { from: clash.validFrom } }];
  return [];
}
