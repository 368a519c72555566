import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISTANCE_CODES, TOWNHALL_KM, townHallDistanceKm } from '../reference-data/distances.data.ts';
import { NINE, demoOfferings, planRouting } from './demo-hosting.ts';
import { MEMBER_CODE as M } from '../reference-data/members.data.ts';

const matrix = JSON.parse(
  fs.readFileSync(new URL('../../../../../refdata/municipalities/distance_matrix_9.json', import.meta.url), 'utf8'),
) as { codes: string[]; townhall_great_circle_km: number[][] };

const routes = planRouting(demoOfferings(), townHallDistanceKm);
const hostOf = (code: string, home: string): string | undefined => routes.find((r) => r.interventionCode === code && r.home === home)?.host;

describe('demo distances', () => {
  it('are the refdata town-hall matrix, unchanged', () => {
    expect(DISTANCE_CODES).toEqual(matrix.codes);
    expect(TOWNHALL_KM).toEqual(matrix.townhall_great_circle_km);
  });
});

describe('demo hosting (report Bilag 1)', () => {
  it('has every member host mixed training and HHK at home, plus the 15 hosted offerings', () => {
    const offerings = demoOfferings();
    expect(offerings).toHaveLength(9 * 2 + 15);
    for (const code of NINE) {
      expect(offerings.filter((o) => o.host === code && (o.interventionCode === 'mixed_training' || o.interventionCode === 'hhk_home'))).toHaveLength(2);
    }
    const breastHosts = offerings.filter((o) => o.interventionCode === 'breast_training').map((o) => o.host).sort();
    expect(breastHosts).toEqual([M.gentofte, M.roedovre, M.rudersdal].sort());
  });
});

describe('planRouting', () => {
  it('routes every hosted intervention for every member exactly once', () => {
    const codes = new Set(demoOfferings().map((o) => o.interventionCode));
    expect(routes).toHaveLength(codes.size * 9);
    const keys = new Set(routes.map((r) => `${r.interventionCode}@${r.home}`));
    expect(keys.size).toBe(routes.length);
  });

  it('follows the legend where it speaks', () => {
    for (const home of [M.lyngbyTaarbaek, M.gentofte, M.rudersdal, M.roedovre, M.gladsaxe]) expect(hostOf('puls_styrke', home)).toBe(M.lyngbyTaarbaek);
    for (const home of [M.gentofte, M.lyngbyTaarbaek, M.gladsaxe]) expect(hostOf('breast_training', home)).toBe(M.gentofte);
    for (const home of [M.gentofte, M.herlev, M.rudersdal]) expect(hostOf('men_training', home)).toBe(M.gentofte);
    for (const home of [M.roedovre, M.ballerup, M.herlev]) expect(hostOf('breast_training', home)).toBe(M.roedovre);
    const stated = routes.filter((r) => !r.inferred && !['mixed_training', 'hhk_home'].includes(r.interventionCode));
    expect(stated).toHaveLength(5 + 3 + 3 + 3);
  });

  it('sends home offerings home', () => {
    for (const home of NINE) {
      expect(hostOf('mixed_training', home)).toBe(home);
      expect(hostOf('hhk_home', home)).toBe(home);
    }
  });

  it('infers the nearest host where the legend is silent, and says so', () => {
    expect(hostOf('puls_styrke', M.herlev)).toBe(M.ballerup); // 4.8 km vs 6.6 km to Lyngby
    expect(hostOf('breast_training', M.furesoe)).toBe(M.rudersdal);
    expect(hostOf('hhk_cross', M.lyngbyTaarbaek)).toBe(M.gladsaxe);
    expect(hostOf('hhk_cross', M.roedovre)).toBe(M.herlev);
    expect(hostOf('prostate_pelvic_floor', M.gentofte)).toBe(M.egedal);
    const inferred = routes.filter((r) => r.inferred);
    expect(inferred.every((r) => r.note.includes('km'))).toBe(true);
  });
});
