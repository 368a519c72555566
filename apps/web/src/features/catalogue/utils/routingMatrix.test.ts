import { describe, expect, it } from 'vitest';
import { routingMatrix } from './routingMatrix.ts';

const entry = (home: string, code: string, host: string, inferred = false) => ({
  id: `${home}-${code}-${host}`,
  interventionCode: code,
  homeMunicipalityCode: home,
  offeringId: `${code}-${host}`,
  host: { code: host, name: host },
  inferred,
  note: null,
  validFrom: '2017-10-01',
  validTo: null,
  reviewedAt: null,
});

describe('routingMatrix', () => {
  it('groups by home municipality and intervention, keeping several hosts and the inferred mark', () => {
    const m = routingMatrix([entry('0159', 'breast', 'Gentofte'), entry('0159', 'breast', 'Rødovre', true), entry('0151', 'men', 'Egedal')]);
    expect(m.get('0159')?.get('breast')?.hosts).toEqual([
      { name: 'Gentofte', inferred: false, note: null },
      { name: 'Rødovre', inferred: true, note: null },
    ]);
    expect(m.get('0151')?.get('breast')).toBeUndefined();
  });
});
