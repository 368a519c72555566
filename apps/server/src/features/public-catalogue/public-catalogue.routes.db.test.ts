import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { createTestApp } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDemoData } from '../demo/demo.seed.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { PUBLIC_CATALOGUE_LIMIT_PER_MINUTE } from './public-catalogue.routes.ts';

/* The public catalogue (issue 13.9) over the demo data: server-rendered, no session, searchable. */

const TODAY = '2026-11-20';
let database: Database;
let app: App;
/** The offerings the page must show: valid today, of an active intervention. */
let active: { id: string; intervention_code: string; host_municipality_code: string; name_da: string }[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db, TODAY);
  // A name with markup: the page must show it as text.
  await database.db.updateTable('intervention').set({ name_da: 'Træning <script>alert(1)</script> & "mere"' }).where('code', '=', (await database.db.selectFrom('intervention').select('code').where('active', '=', true).orderBy('code').executeTakeFirstOrThrow()).code).execute();
  active = await database.db
    .selectFrom('offering as o')
    .innerJoin('intervention as i', 'i.code', 'o.intervention_code')
    .select(['o.id', 'o.intervention_code', 'o.host_municipality_code', 'i.name_da'])
    .where('i.active', '=', true)
    .where('o.valid_from', '<=', TODAY)
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', TODAY)]))
    .execute();
  app = await createTestApp(database, { now: `${TODAY}T10:00:00Z` });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const shown = (body: string) => new Set([...body.matchAll(/id="o-([0-9a-f-]{36})"/g)].map((m) => m[1]));

describe('GET /tilbud', () => {
  it('shows every active offering as server-rendered Danish HTML, without a session, script or personal data', async () => {
    expect(active.length).toBeGreaterThan(3);
    const res = await get('/tilbud');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.body;
    expect(body).toMatch(/^<!doctype html><html lang="da">/);
    expect(body).toMatch(/<title>Tilbud om kræftrehabilitering — Samkraft<\/title>/);
    expect(body).toMatch(/<meta name="description" content="[^"]+">/);
    expect(body.match(/<h1[ >]/g)).toHaveLength(1);
    for (const landmark of ['<header>', '<main id="indhold">', '<footer>', 'role="search"', '<nav aria-label="Sprog">']) expect(body).toContain(landmark);
    expect(body).not.toMatch(/<script/i);
    expect(shown(body)).toEqual(new Set(active.map((o) => o.id)));
    for (const word of ['For hvem', 'Omfang og varighed', 'openstreetmap.org/search?query=', 'ledig', 'Sådan bliver du henvist']) expect(body).toContain(word);
    // No citizen: no CPR-like number anywhere on the page.
    expect(body).not.toMatch(/\b\d{6}-?\d{4}\b/);
  });

  it('escapes the catalogue’s texts', async () => {
    const body = (await get('/tilbud')).body;
    expect(body).toContain('Træning &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mere&quot;');
    expect(body).not.toContain('<script>alert(1)');
  });

  it('searches by municipality: hosted there or routed from there', async () => {
    const routed = await database.db.selectFrom('routing').select(['home_municipality_code', 'offering_id']).where('valid_from', '<=', TODAY).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', TODAY)])).execute();
    const code = routed.find((r) => active.some((o) => o.id === r.offering_id && o.host_municipality_code !== r.home_municipality_code))?.home_municipality_code ?? active[0]!.host_municipality_code;
    const expected = new Set(active.filter((o) => o.host_municipality_code === code || routed.some((r) => r.home_municipality_code === code && r.offering_id === o.id)).map((o) => o.id));
    const res = await get(`/tilbud?kommune=${code}`);
    expect(res.statusCode).toBe(200);
    expect(shown(res.body)).toEqual(expected);
    expect(expected.size).toBeLessThan(active.length);
    expect(res.body).toContain(`<option value="${code}" selected>`);
  });

  it('searches by diagnosis: the interventions for it and those for every cancer', async () => {
    const interventions = await database.db.selectFrom('intervention').select(['code', 'target_diagnoses']).where('active', '=', true).execute();
    const prefix = interventions.flatMap((i) => i.target_diagnoses ?? [])[0];
    expect(prefix, 'the demo catalogue names target diagnoses').toBeDefined();
    const serves = (code: string) => {
      const t = interventions.find((i) => i.code === code)?.target_diagnoses;
      return !t || t.length === 0 || t.some((p) => prefix!.startsWith(p) || p.startsWith(prefix!));
    };
    const res = await get(`/tilbud?diagnose=${prefix!.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(shown(res.body)).toEqual(new Set(active.filter((o) => serves(o.intervention_code)).map((o) => o.id)));
  });

  it('answers a malformed search with 400 naming the field, and still shows the page', async () => {
    const res = await get('/tilbud?kommune=%3Cb%3E&diagnose=x');
    expect(res.statusCode).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Søgningen kunne ikke bruges');
    expect(res.body).toContain('kommune: kommune must be a municipality code');
    expect(res.body).toContain('diagnose: diagnose must be an ICD-10 code');
    expect(res.body).not.toContain('<b>');
  });

  it('has an English version', async () => {
    const res = await get('/tilbud?lang=en');
    expect(res.body).toMatch(/<html lang="en">/);
    expect(res.body).toContain('<title>Cancer rehabilitation offerings — Samkraft</title>');
    expect(res.body).toContain('<input type="hidden" name="lang" value="en">');
  });
});

describe('GET /tilbud/:interventionCode', () => {
  it('shows one intervention where it is offered, and 404 for an unknown one', async () => {
    const code = active[0]!.intervention_code;
    const res = await get(`/tilbud/${code}`);
    expect(res.statusCode).toBe(200);
    expect(shown(res.body)).toEqual(new Set(active.filter((o) => o.intervention_code === code).map((o) => o.id)));
    expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    const missing = await get('/tilbud/no_such_thing');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Tilbuddet findes ikke');
  });
});

describe('the limit per client address', () => {
  it('answers 429 once an address has asked more than the limit in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_CATALOGUE_LIMIT_PER_MINUTE; i++) statuses.push((await app.inject({ method: 'GET', url: '/tilbud/no_such_thing', remoteAddress: '192.0.2.7' })).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
