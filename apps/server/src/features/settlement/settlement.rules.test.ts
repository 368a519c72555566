import { describe, expect, it } from 'vitest';
import { checkLock, checkPeriod, checkTariffSpan, correctionLines, mergeLines, municipalityBalances, pairSettlements, type LedgerLine } from './settlement.rules.ts';

const l = (provider: string, home: string, units: number, priceOre: number | null, unit: LedgerLine['unit'] = 'session'): LedgerLine => ({ provider, home, interventionCode: 'trn', unit, units, priceOre, corrects: null });

describe('settlement rules', () => {
  it('merges lines of one key and leaves out those that come to nothing', () => {
    expect(mergeLines([l('A', 'B', 2, 100), l('A', 'B', 1, 100), l('A', 'B', 1, 120), l('B', 'A', 1, 100), l('B', 'A', -1, 100)])).toEqual([l('A', 'B', 3, 100), l('A', 'B', 1, 120)]);
  });

  it('corrects a settled period by what the records say now less what was settled', () => {
    expect(correctionLines('s1', [l('A', 'B', 3, 150), l('B', 'A', 1, 100)], [l('A', 'B', 2, 150), l('B', 'A', 2, 100)])).toEqual([
      { ...l('A', 'B', 1, 150), corrects: 's1' },
      { ...l('B', 'A', -1, 100), corrects: 's1' },
    ]);
    expect(correctionLines('s1', [l('A', 'B', 2, 150)], [l('A', 'B', 2, 150)])).toEqual([]);
  });

  it('balances each municipality in øre, so 3 × 33.33 kr is 99.99 kr exactly', () => {
    const [a, b] = municipalityBalances([l('A', 'B', 3, 3333), l('B', 'A', 1, null)], [
      { code: 'A', name: 'A' },
      { code: 'B', name: 'B' },
    ]);
    expect(a).toEqual({ code: 'A', name: 'A', deliveredUnits: 3, deliveredKr: 99.99, receivedUnits: 1, receivedKr: 0, netKr: 99.99, deviationShare: 1 });
    expect(b?.netKr).toBe(-99.99);
  });

  it('settles each pair net: the one whose citizens received more pays the difference', () => {
    expect(pairSettlements([l('A', 'B', 2, 10000), l('B', 'A', 1, 15000)], (c) => c.toLowerCase())).toEqual([
      { payer: 'B', payerName: 'b', payee: 'A', payeeName: 'a', payerReceivedKr: 200, payeeReceivedKr: 150, amountKr: 50 },
    ]);
  });

  it('checks periods, locks and tariff spans, naming the field', () => {
    expect(checkPeriod({ from: '2026-02-01', to: '2026-01-31' })).toMatchObject([{ field: 'to', code: 'before_valid_from' }]);
    expect(checkPeriod({ from: '2026-01-01', to: '2036-01-01' })).toMatchObject([{ field: 'to', code: 'period_too_long' }]);
    expect(checkPeriod({ from: '2026-01-01', to: '2035-12-31' })).toEqual([]);
    expect(checkLock({ from: '2026-01-01', to: '2026-03-31' }, '2026-03-31', null)).toMatchObject([{ field: 'to', code: 'future_date' }]);
    expect(checkLock({ from: '2026-03-01', to: '2026-03-31' }, '2026-04-01', '2026-03-01')).toMatchObject([{ field: 'from', code: 'period_settled' }]);
    expect(checkLock({ from: '2026-03-02', to: '2026-03-31' }, '2026-04-01', '2026-03-01')).toEqual([]);
    expect(checkTariffSpan({ validFrom: '2026-05-01', validTo: null }, [{ validFrom: '2026-01-01', validTo: '2026-04-30' }], null, 'validFrom')).toEqual([]);
    expect(checkTariffSpan({ validFrom: '2026-04-30', validTo: null }, [{ validFrom: '2026-01-01', validTo: '2026-04-30' }], null, 'validFrom')).toMatchObject([{ code: 'overlapping_tariff' }]);
    expect(checkTariffSpan({ validFrom: '2026-03-01', validTo: null }, [], '2026-03-31', 'validFrom')).toMatchObject([{ field: 'validFrom', code: 'period_settled' }]);
  });
});
