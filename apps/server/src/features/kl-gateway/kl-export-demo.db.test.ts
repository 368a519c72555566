import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import type { Database, Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import { readTranscribed } from '../../test-support/kl-gateway-stories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { unzip } from '../../test-support/unzip.ts';
import { demoUsernames, seedDemoData } from '../demo/demo.seed.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import type { KlBundle } from './kl-fhir.ts';
import { loadKlInvariants } from './kl-invariants.ts';
import { klProfile, klProfileKinds } from './kl-profiles.ts';

/*
 * The acceptance of issue 12.8 on the demo data: every municipality's §140 and §119 export of a
 * year has the shape of the IGs' transcribed examples (every profile, slice, extension and code
 * system they show is present somewhere in the reports) and passes the KL invariants and both
 * base-R4 validators. The demo has no SOR codes (its GP clinics are fictional, its hospital
 * departments have none recorded): the test gives the organisations synthetic ones (9…), as an
 * administrator would give real ones.
 */

const TODAY = '2026-03-18';
const FROM = '2025-03-19';

let database: Database;
let db: Db;
let app: App;
const leads = new Map<string, SignedInClient>();
const bundles: Record<KlLegalBasis, KlBundle[]> = { SUL140: [], SUL119: [] };
const overviews: { municipality: string; basis: KlLegalBasis; reported: number; leftOut: unknown[]; unmappedInterventions: string[]; unmappedAssessmentItems: string[] }[] = [];
let exportMs = 0;

const exportFor = (municipality: string, basis: KlLegalBasis) =>
  app.inject({ method: 'POST', url: '/api/kl-gateway/exports', headers: leads.get(municipality)?.headers ?? {}, payload: { municipality, legalBasis: basis, from: FROM, to: TODAY } });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedReferenceData(db);
  await seedDemoData(db, TODAY);
  const orgs = await db.selectFrom('organisation').select('id').orderBy('name').execute();
  for (const [i, o] of orgs.entries()) await db.updateTable('organisation').set({ sor_code: `9${String(i + 1).padStart(12, '0')}` }).where('id', '=', o.id).execute();
  app = await createTestApp(database, { now: `${TODAY}T12:00:00Z` });
  const staff = await db.selectFrom('staff_user').select(['id', 'username', 'municipality_code']).execute();
  const admin = await signIn(app, staff.find((s) => s.username === demoUsernames.administrator)?.id ?? '');
  for (const s of staff.filter((x) => x.username.endsWith('.leder'))) {
    leads.set(s.municipality_code, await signIn(app, s.id));
    const res = await app.inject({ method: 'PUT', url: `/api/kl-gateway/municipalities/${s.municipality_code}`, headers: admin.headers, payload: { custodianSor: `9${s.municipality_code}00000000`, unitSor: `9${s.municipality_code}00000001` } });
    expect(res.statusCode, res.body).toBe(200);
  }
  const started = performance.now();
  for (const municipality of [...leads.keys()].sort()) {
    for (const basis of ['SUL140', 'SUL119'] as const) {
      const res = await exportFor(municipality, basis);
      expect(res.statusCode, res.body).toBe(200);
      const files = unzip(new Uint8Array(res.rawPayload));
      overviews.push({ municipality, basis, ...(JSON.parse(files.get('oversigt.json')?.toString('utf8') ?? '{}') as Omit<(typeof overviews)[number], 'municipality' | 'basis'>) });
      for (const [name, bytes] of files) if (name !== 'oversigt.json') bundles[basis].push(JSON.parse(bytes.toString('utf8')) as KlBundle);
    }
  }
  exportMs = performance.now() - started;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database.close();
});

/** Every value under a key named `key`, anywhere in `value`. */
function valuesOf(value: unknown, key: string, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) valuesOf(v, key, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') into.add(v);
      else if (k === key && Array.isArray(v)) for (const x of v) if (typeof x === 'string') into.add(x);
      if (k !== key) valuesOf(v, key, into);
    }
  }
  return into;
}

describe('the KL Gateway reports of the demo data', () => {
  it('report every demo citizen of a §140 or §119 referral, none left out, every mapping decided', () => {
    const reported = overviews.reduce((n, o) => n + o.reported, 0);
    expect(bundles.SUL140.length + bundles.SUL119.length).toBe(reported);
    expect(bundles.SUL140.length).toBeGreaterThanOrEqual(5);
    expect(bundles.SUL119.length).toBeGreaterThanOrEqual(8);
    expect(overviews.flatMap((o) => o.leftOut)).toEqual([]);
    expect(overviews.flatMap((o) => [...o.unmappedInterventions, ...o.unmappedAssessmentItems])).toEqual([]);
    console.info(`KL Gateway demo: ${overviews.length} exports, ${bundles.SUL140.length} §140 and ${bundles.SUL119.length} §119 reports, ${[...bundles.SUL140, ...bundles.SUL119].reduce((n, b) => n + b.entry.length, 0)} resources, in ${Math.round(exportMs)} ms`);
  });

  it.each(['SUL140', 'SUL119'] as const)('%s: every bundle passes the KL invariants and both base-R4 validators', async (basis) => {
    const check = await loadKlInvariants();
    for (const b of bundles[basis]) {
      expect(check(b), b.id).toEqual([]);
      expect(await validateBaseR4(b), b.id).toEqual([]);
    }
  }, 120_000);

  it.each([
    ['SUL140', ['s140_DeliveryReport-Ruddi-1', 's140_DeliveryReport-Ruddi-2', 's140_DeliveryReport-Ruddi-8']],
    ['SUL119', ['s119_DeliveryReport-Bruno-1', 's119_DeliveryReport-Bruno-2']],
  ] as const)('%s: have every profile, extension and code system of the transcribed examples, and the citizen slice once, first', (basis, examples) => {
    const ours = bundles[basis];
    const theirs = examples.map(readTranscribed);
    const profiles = valuesOf(ours, 'profile');
    for (const kind of klProfileKinds) expect(profiles.has(klProfile(basis, kind)), kind).toBe(true);
    const has = (key: string) => valuesOf(ours, key);
    for (const url of valuesOf(theirs, 'url')) expect(has('url').has(url), url).toBe(true);
    for (const system of valuesOf(theirs, 'system')) expect(has('system').has(system), system).toBe(true);
    // The planned intervention's closed slicing on the coding system: level2 (FSIII) and level3 (locally defined).
    expect(has('system').has('http://gateway.kl.dk/1.0/CodeSystem/LocallyDefinedInterventions')).toBe(true);
    for (const b of ours) {
      expect(b.entry.filter((e) => e.resource.meta.profile[0] === klProfile(basis, 'citizen')), b.id).toHaveLength(1);
      expect(b.entry[0]?.resource.resourceType).toBe('Patient');
      expect(Object.keys(b.entry[0]?.resource ?? {}).sort()).toEqual(['deceasedBoolean', 'id', 'identifier', 'managingOrganization', 'meta', 'resourceType']);
    }
  });

  it('sends nothing again when nothing changed (incremental)', async () => {
    const [municipality] = [...leads.keys()];
    const res = await exportFor(municipality ?? '', 'SUL119');
    const overview = JSON.parse(unzip(new Uint8Array(res.rawPayload)).get('oversigt.json')?.toString('utf8') ?? '{}') as { reported: number };
    expect(overview.reported).toBe(0);
  });
});
