import type { RoutingEntry } from '@samkraft/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { routeState, routesFor } from './routeHistory.ts';

const route = (id: string, home: string, validFrom: string, validTo: string | null): RoutingEntry => ({
  id, interventionCode: 'lung', homeMunicipalityCode: home, offeringId: 'o', host: { code: '0157', name: 'Gentofte' }, inferred: false, note: null, validFrom, validTo, reviewedAt: null,
});

describe('route history', () => {
  it('tells current, future and ended routes apart, the last day still current', () => {
    expect(routeState({ validFrom: '2017-10-01', validTo: '2026-11-22' }, '2026-11-22')).toBe('current');
    expect(routeState({ validFrom: '2017-10-01', validTo: '2026-11-21' }, '2026-11-22')).toBe('ended');
    expect(routeState({ validFrom: '2026-11-23', validTo: null }, '2026-11-22')).toBe('future');
  });
  it('lists one home municipality in date order, or all by Danish name order', () => {
    const names: Record<string, string> = { '0159': 'Gladsaxe', '0151': 'Ballerup', '0187': 'Vallensbæk', '0190': 'Furesø' };
    const rows = [route('a', '0159', '2027-01-01', null), route('b', '0187', '2017-01-01', null), route('c', '0159', '2017-01-01', '2026-12-31'), route('d', '0151', '2017-01-01', null), route('e', '0190', '2017-01-01', null)];
    const nameOf = (code: string) => names[code] ?? code;
    expect(routesFor(rows, '0159', nameOf).map((r) => r.id)).toEqual(['c', 'a']);
    expect(routesFor(rows, null, nameOf).map((r) => r.id)).toEqual(['d', 'e', 'c', 'a', 'b']);
  });
});
