import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANCER_POTENTIAL } from '../reference-data/cancer-potential.data.ts';
import { MEMBERS } from '../reference-data/members.data.ts';
import { MUNICIPALITY_FACTS } from './municipality-facts.data.ts';
import { HOME_INTERVENTIONS, HOSTED_INTERVENTIONS, contactPersonsFor, distanceKm, planHosting, restrictToHomes, yearlyReferrals, type MunicipalityFacts } from './scale-data.rules.ts';

const readRefdata = (file: string) => JSON.parse(fs.readFileSync(new URL(`../../../../../refdata/municipalities/${file}`, import.meta.url), 'utf8'));
const memberCodes = new Set(MEMBERS.map((m) => m.code));
const all: MunicipalityFacts[] = MUNICIPALITY_FACTS.map(([code, population, lat, lon]) => ({ code, population, lat, lon, isMember: memberCodes.has(code) }));
const potentials = CANCER_POTENTIAL.map((p) => ({ code: p.code, newCases: p.newCases, rehabShare: 0.4 }));
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('municipality facts', () => {
  it('are the refdata population and centroid files, unchanged', () => {
    const population = readRefdata('dk_kommuner_population.json') as { municipalities: { code: string; population: number }[] };
    const centroids = readRefdata('dk_kommuner_centroids.json') as { municipalities: { code: string; lat: number; lon: number }[] };
    expect(MUNICIPALITY_FACTS).toHaveLength(98);
    for (const [code, pop, lat, lon] of MUNICIPALITY_FACTS) {
      expect(population.municipalities.find((m) => m.code === code)?.population).toBe(pop);
      const c = centroids.municipalities.find((m) => m.code === code);
      expect([c?.lat, c?.lon]).toEqual([lat, lon]);
    }
  });
});

describe('yearly referrals', () => {
  it('gives the nine their report Table 1 potential: 3,158 new cases × 40 % = 1,263 a year', () => {
    const nine = yearlyReferrals('nine', all, potentials);
    expect([...nine.keys()].sort()).toEqual([...memberCodes].sort());
    expect(sum(nine)).toBeCloseTo(1263.2, 5);
    expect(nine.get('0157')).toBeCloseTo(528 * 0.4, 5);
  });

  it('spreads 45,000 × 40 % over the 98 by population, and 8 times that under stress', () => {
    const national = yearlyReferrals('national', all, potentials);
    expect(national.size).toBe(98);
    expect(sum(national)).toBeCloseTo(18_000, 5);
    // København holds 632,340 of 5,822,679 people.
    expect(national.get('0101')).toBeCloseTo((18_000 * 632_340) / 5_822_679, 5);
    expect(sum(yearlyReferrals('stress', all, potentials))).toBeCloseTo(144_000, 5);
  });
});

describe('hosting', () => {
  const nineHosting = [
    { interventionCode: 'men_training', host: '0240' },
    { interventionCode: 'men_training', host: '0157' },
    { interventionCode: 'breast_training', host: '0175' },
  ];

  it('routes every home to exactly one host for each intervention, the nearest that hosts it', () => {
    const { offerings, routes } = planHosting(all, nineHosting);
    const hosts = (code: string) => offerings.filter((o) => o.interventionCode === code).map((o) => o.host);
    for (const code of [...HOME_INTERVENTIONS, ...HOSTED_INTERVENTIONS.map((h) => h.code)]) {
      for (const home of all) {
        const mine = routes.filter((r) => r.interventionCode === code && r.home === home.code);
        if (!home.isMember || HOME_INTERVENTIONS.some((h) => h === code) || nineHosting.some((h) => h.interventionCode === code)) expect(mine, `${code} from ${home.code}`).toHaveLength(1);
        for (const r of mine) expect(hosts(code)).toContain(r.host);
      }
    }
    // Home interventions stay at home.
    expect(routes.filter((r) => r.interventionCode === 'mixed_training').every((r) => r.home === r.host)).toBe(true);
    // The nine send among themselves: Gladsaxe's men go to Gentofte (4 km), not Egedal (20 km).
    expect(routes.find((r) => r.interventionCode === 'men_training' && r.home === '0159')?.host).toBe('0157');
    // Elsewhere the nearest hub: Bornholm's breast training is on Bornholm only if it is a hub.
    const bornholm = routes.find((r) => r.interventionCode === 'breast_training' && r.home === '0400');
    const hubs = hosts('breast_training').filter((h) => !memberCodes.has(h));
    const byKm = [...hubs].sort((a, b) => distanceKm(all.find((m) => m.code === '0400')!, all.find((m) => m.code === a)!) - distanceKm(all.find((m) => m.code === '0400')!, all.find((m) => m.code === b)!));
    expect(bornholm?.host).toBe(byKm[0]);
  });

  it('keeps the nine to their own hosts when only the nine are generated', () => {
    const nine = all.filter((m) => m.isMember);
    const { routes } = planHosting(nine, nineHosting);
    expect(routes.every((r) => memberCodes.has(r.host))).toBe(true);
    // No host in the nine for lung in this hosting: nobody is routed there.
    expect(routes.some((r) => r.interventionCode === 'lung')).toBe(false);
  });

  it('gives each contact person about 50 open courses, and at least one contact person', () => {
    expect(contactPersonsFor(0)).toBe(1);
    expect(contactPersonsFor(120)).toBe(2);
    expect(contactPersonsFor(10_000)).toBe(200);
  });
});

describe('distance', () => {
  it('is about 4 km from Gladsaxe to Gentofte and 0 to itself', () => {
    const g = all.find((m) => m.code === '0159')!;
    expect(distanceKm(g, g)).toBe(0);
    expect(distanceKm(g, all.find((m) => m.code === '0157')!)).toBeGreaterThan(2);
    expect(distanceKm(g, all.find((m) => m.code === '0157')!)).toBeLessThan(7);
  });
});

describe('a data set of some home municipalities', () => {
  it('keeps their yearly volume times the factor, their routes, and only the offerings those routes lead to', () => {
    const national = yearlyReferrals('national', all, potentials);
    const hosting = planHosting(all, []);
    const only = restrictToHomes({ perYear: national, ...hosting }, ['0101'], 12);
    expect([...only.perYear.keys()]).toEqual(['0101']);
    expect(only.perYear.get('0101')).toBeCloseTo(national.get('0101')! * 12, 5);
    expect(only.routes).toEqual(hosting.routes.filter((r) => r.home === '0101'));
    const routed = new Set(only.routes.map((r) => `${r.interventionCode} ${r.host}`));
    expect(new Set(only.offerings.map((o) => `${o.interventionCode} ${o.host}`))).toEqual(routed);
    expect(only.offerings.length).toBeLessThan(hosting.offerings.length);
    expect(() => restrictToHomes({ perYear: national, ...hosting }, ['0101', '9999'])).toThrow('9999');
  });
});
