import { describe, expect, it } from 'vitest';
import { TRANSPORT_RULES } from '../reference-data/policies.data.ts';
import { decideTransport, type TransportInput } from './transport.rules.ts';

const member = (flexturMember: boolean, serviceLevelDa: string | null = null, coPaymentDkk: number | null = null) => ({ effectiveFrom: '2014-01-01', flexturMember, serviceLevelDa, coPaymentDkk });

const base: TransportInput = {
  legalBasis: 'SUL140',
  pensioner: false,
  conditionExcludesPublicTransport: false,
  distanceKm: 7.85,
  onDate: '2026-11-10',
  cheapestCostDkk: null,
  thresholds: TRANSPORT_RULES,
  home: member(false),
  provider: member(false),
};

describe('decideTransport: every row of Bilag K', () => {
  it.each([
    // SUL §140: one of three conditions gives the right.
    { row: '§140 pensioner', input: { pensioner: true }, rule: 'sul140_right', entitled: true, reasons: ['pensioner'] },
    { row: '§140 over 50 km', input: { distanceKm: 50.1 }, rule: 'sul140_right', entitled: true, reasons: ['distance_over_limit'] },
    { row: '§140 exactly 50 km is not over', input: { distanceKm: 50 }, rule: 'sul140_no_right', entitled: false, reasons: [] },
    { row: '§140 condition rules out public transport', input: { conditionExcludesPublicTransport: true }, rule: 'sul140_right', entitled: true, reasons: ['condition'] },
    { row: '§140 all three', input: { pensioner: true, distanceKm: 60, conditionExcludesPublicTransport: true }, rule: 'sul140_right', entitled: true, reasons: ['pensioner', 'distance_over_limit', 'condition'] },
    { row: '§140 none of them', input: {}, rule: 'sul140_no_right', entitled: false, reasons: [] },
    { row: '§140 distance unknown', input: { distanceKm: null }, rule: 'sul140_no_right', entitled: false, reasons: [] },
    // SUL §119 (REF01, GP, self-referral): no law supports it, whatever the citizen's situation.
    { row: '§119', input: { legalBasis: 'SUL119', pensioner: true, distanceKm: 80, conditionExcludesPublicTransport: true }, rule: 'sul119_no_right', entitled: false, reasons: [] },
    // SEL §86: no general right; §117 and the municipality's own level.
    { row: 'SEL §86 stk. 1', input: { legalBasis: 'SEL86-1', pensioner: true }, rule: 'sel86_no_general_right', entitled: false, reasons: [] },
    { row: 'SEL §86 stk. 2', input: { legalBasis: 'SEL86-2' }, rule: 'sel86_no_general_right', entitled: false, reasons: [] },
    { row: 'no legal basis recorded', input: { legalBasis: null, pensioner: true }, rule: 'legal_basis_unknown', entitled: false, reasons: [] },
  ] as const)('$row', ({ input, rule, entitled, reasons }) => {
    const r = decideTransport({ ...base, ...input });
    expect(r.rule).toBe(rule);
    expect(r.entitled).toBe(entitled);
    expect(r.reasons).toEqual(reasons);
    expect(r.distance.basis).toBe('town_hall_to_town_hall');
    expect(r.explanationDa.join(' ')).toContain('rådhus til rådhus');
    if (!entitled) expect(r.reimbursement === 'not_applicable' || r.rule === 'sul140_no_right').toBe(true);
  });

  it('SEL §86 gives the home municipality\'s own service level and co-payment', () => {
    const r = decideTransport({ ...base, legalBasis: 'SEL86-1', home: member(true, 'Kørsel ved varigt nedsat funktionsevne', 20) });
    expect(r.serviceLevel).toEqual({ textDa: 'Kørsel ved varigt nedsat funktionsevne', coPaymentDkk: 20 });
    expect(r.explanationDa.join(' ')).toContain('egenbetaling 20 kr.');
    expect(r.explanationDa[0]).toContain('§ 117');
  });

  it.each([
    { home: true, provider: true, available: true },
    { home: true, provider: false, available: false },
    { home: false, provider: true, available: false },
    { home: false, provider: false, available: false },
  ])('Flextur across borders only when both are members (home $home, provider $provider)', ({ home, provider, available }) => {
    for (const legalBasis of ['SUL140', 'SUL119', 'SEL86-1'] as const) {
      const r = decideTransport({ ...base, legalBasis, home: member(home), provider: member(provider) });
      expect(r.flextur).toEqual({ available, homeMember: home, providerMember: provider });
    }
  });
});

describe('decideTransport: thresholds by year', () => {
  // Every year from the first row to the current year: years with their own row are not assumed;
  // the years between use the latest earlier row and say so.
  const rows = TRANSPORT_RULES.map((t) => ({ year: Number(t.effectiveFrom.slice(0, 4)), p: t.pensionerMinDkk, n: t.nonPensionerMinDkk }));
  const years = Array.from({ length: 2026 - 2014 + 1 }, (_, i) => 2014 + i).map((year) => {
    const used = [...rows].reverse().find((r) => r.year <= year)!;
    return { year, from: used.year, assumed: used.year !== year, p: used.p, n: used.n };
  });

  it('covers every threshold year in the data', () => {
    expect(years.filter((y) => !y.assumed).map((y) => y.year)).toEqual([2014, 2018, 2019, 2023]);
  });

  it.each(years)('$year uses $from (assumed $assumed): pensioner $p, non-pensioner $n', ({ year, from, assumed, p, n }) => {
    const onDate = `${year}-06-15`;
    const pens = decideTransport({ ...base, onDate, pensioner: true, cheapestCostDkk: p + 1 });
    expect(pens.threshold).toMatchObject({ year, thresholdFrom: from, assumed, minDkk: p });
    expect(pens.reimbursement).toBe('reimbursed');
    expect(decideTransport({ ...base, onDate, pensioner: true, cheapestCostDkk: p }).reimbursement).toBe('below_threshold');
    const non = decideTransport({ ...base, onDate, conditionExcludesPublicTransport: true, cheapestCostDkk: n });
    expect(non.threshold).toMatchObject({ thresholdFrom: from, assumed, minDkk: n });
    expect(non.reimbursement).toBe('below_threshold');
    expect(decideTransport({ ...base, onDate, conditionExcludesPublicTransport: true, cheapestCostDkk: n + 0.5 }).reimbursement).toBe('reimbursed');
    const said = pens.explanationDa.join(' ');
    expect(said).toContain(assumed ? `ingen beløbsgrænse for ${year}; grænsen fra ${from}` : `Beløbsgrænsen for ${year}`);
  });

  it('a row starting on 1 January applies from that day, not the day before', () => {
    expect(decideTransport({ ...base, onDate: '2022-12-31', pensioner: true }).threshold).toMatchObject({ thresholdFrom: 2019, assumed: true });
    expect(decideTransport({ ...base, onDate: '2023-01-01', pensioner: true }).threshold).toMatchObject({ thresholdFrom: 2023, assumed: false, minDkk: 44 });
  });

  it('before the first row there is no threshold, and it says so', () => {
    const r = decideTransport({ ...base, onDate: '2013-12-31', pensioner: true, cheapestCostDkk: 500 });
    expect(r.reimbursement).toBe('no_threshold');
    expect(r.threshold).toBeNull();
  });

  it('without a known cost the threshold is shown and the reimbursement is open', () => {
    const r = decideTransport({ ...base, pensioner: true });
    expect(r.reimbursement).toBe('cost_unknown');
    expect(r.threshold).toMatchObject({ year: 2026, thresholdFrom: 2023, assumed: true, minDkk: 44 });
  });
});
