import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pino from 'pino';
import { identifierSystem } from '@samkraft/contracts/identifiers';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import { fixedClock } from '../../platform/clock.ts';
import { redactedError, redactedRequest } from '../../platform/http/log-redaction.ts';
import type { App } from '../../platform/http/types.ts';
import { buildApp } from '../../app.ts';
import { loadR4Validators, validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDemoData } from '../demo/demo.seed.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { fhirResourceTypes } from './fhir-types.ts';

/*
 * The FHIR API over the demo data, as the home municipality's contact person and lead and as a
 * providing municipality's therapist: every resource served is valid under both R4 validators,
 * reads give what searches give, the provider gets only what referrals shared, refusals are the
 * JSON API's, and the reads are audited.
 */

const TODAY = '2026-03-18';
const GLADSAXE = '0159';

type Resource = { resourceType: string; id: string; [k: string]: unknown };
type Bundle = Resource & { total: number; link: { relation: string; url: string }[]; entry?: { fullUrl: string; resource: Resource }[] };
type Outcome = Resource & { issue: { severity: string; code: string; diagnostics?: string; expression?: string[] }[] };

let database: Database;
let app: App;
let contact: SignedInClient;
let lead: SignedInClient;
let provider: SignedInClient;
let providerUserId: string;
let providerCode: string;
/** Gladsaxe's citizens (CPR, id), and of them those referred on to the provider, with the referral. */
let gladsaxeCitizens: { id: string; cpr: string }[];
let referred: { citizenId: string; cpr: string; crossReferralId: string; courseId: string; home: string }[];
/** A citizen of another municipality never referred to the provider. */
let stranger: { id: string; cpr: string; courseId: string };

const userId = async (username: string) => (await database.db.selectFrom('staff_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  await loadR4Validators();
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  await seedDemoData(db, TODAY);
  app = await createTestApp(database, { now: `${TODAY}T10:00:00Z` });
  contact = await signIn(app, await userId('gladsaxe.kontakt'));
  lead = await signIn(app, await userId('gladsaxe.leder'));

  const rows = await sql<{ citizen_id: string; cpr: string; home: string; course_id: string; x_id: string | null; provider: string | null; kind: string | null; enrolled: boolean }>`
    select c.id as citizen_id, c.cpr, r.home_municipality_code as home, k.id as course_id, x.id as x_id, x.provider_municipality_code as provider, x.kind,
      exists (select 1 from enrolment e where e.cross_referral_id = x.id) as enrolled
    from citizen c join referral r on r.citizen_id = c.id join course k on k.referral_id = r.id left join cross_referral x on x.course_id = k.id`.execute(db);
  gladsaxeCitizens = [...new Map(rows.rows.filter((r) => r.home === GLADSAXE).map((r) => [r.citizen_id, { id: r.citizen_id, cpr: r.cpr }])).values()];
  // The provider that runs a team for a Gladsaxe citizen.
  const inTeam = rows.rows.find((r) => r.home === GLADSAXE && r.kind === 'cross_municipal' && r.enrolled && r.provider !== GLADSAXE);
  providerCode = inTeam!.provider!;
  referred = rows.rows
    // Referred from another municipality (one that provides for its own citizens is their home).
    .filter((r) => r.kind === 'cross_municipal' && r.provider === providerCode && r.home !== providerCode && r.x_id !== null)
    .map((r) => ({ citizenId: r.citizen_id, cpr: r.cpr, crossReferralId: r.x_id!, courseId: r.course_id, home: r.home }));
  const referredIds = new Set(referred.map((r) => r.citizenId));
  const other = rows.rows.find((r) => r.home !== providerCode && !referredIds.has(r.citizen_id))!;
  stranger = { id: other.citizen_id, cpr: other.cpr, courseId: other.course_id };
  providerUserId = (
    await db
      .selectFrom('staff_user as s')
      .innerJoin('staff_role as sr', 'sr.staff_user_id', 's.id')
      .select('s.id')
      .where('s.municipality_code', '=', providerCode)
      .where('sr.role', '=', 'therapist')
      .executeTakeFirstOrThrow()
  ).id;
  provider = await signIn(app, providerUserId);
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (client: SignedInClient | null, url: string) => app.inject({ method: 'GET', url, headers: client?.headers ?? {} });

async function expectValid(r: Resource): Promise<void> {
  expect(await validateBaseR4(r), `${r.resourceType}/${r.id}`).toEqual([]);
}

async function search(client: SignedInClient, url: string): Promise<Bundle> {
  const res = await get(client, url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
  const bundle = res.json<Bundle>();
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  expect(bundle.link[0]).toEqual({ relation: 'self', url: `http://localhost:80${url}` });
  await expectValid(bundle);
  for (const e of bundle.entry ?? []) await expectValid(e.resource);
  return bundle;
}

async function outcomeOf(client: SignedInClient | null, url: string, status: number): Promise<Outcome> {
  const res = await get(client, url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
  expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
  const o = res.json<Outcome>();
  expect(o.resourceType).toBe('OperationOutcome');
  await expectValid(o);
  return o;
}

/** Every resource of every patient-compartment type the client gets for one citizen, each read back by id. */
async function everything(client: SignedInClient, citizenId: string): Promise<Map<string, Resource[]>> {
  const found = new Map<string, Resource[]>();
  for (const type of fhirResourceTypes.filter((t) => t !== 'Patient' && t !== 'Organization' && t !== 'AuditEvent')) {
    const bundle = await search(client, `/fhir/${type}?patient=Patient/${citizenId}`);
    const resources = (bundle.entry ?? []).map((e) => e.resource);
    expect(bundle.total).toBe(resources.length);
    expect(new Set(resources.map((r) => r.id)).size, `${type}: ids unique`).toBe(resources.length);
    for (const r of resources) {
      expect(r.resourceType).toBe(type);
      const read = await get(client, `/fhir/${type}/${r.id}`);
      expect(read.statusCode, `${type}/${r.id}: ${read.body}`).toBe(200);
      expect(read.json()).toEqual(r);
    }
    found.set(type, resources);
  }
  return found;
}

describe('GET /fhir/metadata', () => {
  it('is a valid CapabilityStatement listing exactly the types served, each read and searched', async () => {
    const res = await get(null, '/fhir/metadata');
    expect(res.statusCode).toBe(200);
    const cs = res.json<Resource & { fhirVersion: string; rest: { resource: { type: string; interaction: { code: string }[]; searchParam: { name: string }[] }[] }[] }>();
    await expectValid(cs);
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.rest[0]!.resource.map((r) => r.type)).toEqual([...fhirResourceTypes]);
    for (const r of cs.rest[0]!.resource) expect(r.interaction.map((i) => i.code)).toEqual(['read', 'search-type']);
    expect(cs.rest[0]!.resource.find((r) => r.type === 'Patient')!.searchParam.map((p) => p.name)).toEqual(['identifier']);
  });
});

describe('the home municipality', () => {
  it('finds each of its citizens by CPR, and every resource of every type about them is valid and reads back the same', async () => {
    const counts = new Map<string, number>();
    for (const c of gladsaxeCitizens) {
      const bundle = await search(contact, `/fhir/Patient?identifier=${identifierSystem.cpr}|${c.cpr}`);
      expect(bundle.total).toBe(1);
      const patient = bundle.entry![0]!.resource;
      expect(patient.id).toBe(c.id);
      expect(patient.identifier).toEqual([{ use: 'official', system: identifierSystem.cpr, value: c.cpr }]);
      expect((await get(contact, `/fhir/Patient/${c.id}`)).json()).toEqual(patient);
      for (const [type, resources] of await everything(contact, c.id)) counts.set(type, (counts.get(type) ?? 0) + resources.length);
    }
    // The demo's courses cover every step: each type the home municipality sees is there.
    for (const type of ['ServiceRequest', 'Task', 'CarePlan', 'Goal', 'QuestionnaireResponse', 'Communication']) expect(counts.get(type), type).toBeGreaterThan(0);
    // Team sessions are the provider's.
    expect(counts.get('Appointment')).toBe(0);
    expect(counts.get('Encounter')).toBe(0);
  });

  it('gives the GP and the address, and searches by patient.identifier as by patient', async () => {
    const c = gladsaxeCitizens[0]!;
    const patient = (await get(contact, `/fhir/Patient/${c.id}`)).json();
    expect(patient.generalPractitioner?.[0]?.reference).toMatch(/^Organization\//);
    const byId = await search(contact, `/fhir/ServiceRequest?patient=Patient/${c.id}`);
    const byCpr = await search(contact, `/fhir/ServiceRequest?patient.identifier=${identifierSystem.cpr}|${c.cpr}`);
    expect(byCpr.entry).toEqual(byId.entry);
  });

  it('serves every organisation and municipality, valid, found by identifier', async () => {
    const all = await search(contact, '/fhir/Organization');
    expect(all.total).toBeGreaterThan(100);
    const gladsaxe = await search(contact, `/fhir/Organization?identifier=${identifierSystem.municipality}|${GLADSAXE}`);
    expect(gladsaxe.entry!.map((e) => e.resource.id)).toEqual([`municipality-${GLADSAXE}`]);
    for (const e of all.entry!.slice(0, 20)) expect((await get(contact, `/fhir/Organization/${e.resource.id}`)).json()).toEqual(e.resource);
  });

  it('finds an active organisation by its SOR code or GLN (its unique index), an inactive one not', async () => {
    const [active, inactive] = await database.db.selectFrom('organisation').select('id').where('kind', '=', 'hospital_department').orderBy('id').limit(2).execute();
    await database.db.updateTable('organisation').set({ sor_code: '900000000000001', ean: '5790000000011' }).where('id', '=', active!.id).execute();
    await database.db.updateTable('organisation').set({ sor_code: '900000000000002', active: false }).where('id', '=', inactive!.id).execute();
    try {
      for (const query of [`${identifierSystem.sor}|900000000000001`, `${identifierSystem.gln}|5790000000011`, `${identifierSystem.glnBefore350}|5790000000011`]) {
        const found = await search(contact, `/fhir/Organization?identifier=${encodeURIComponent(query)}`);
        expect(found.entry!.map((e) => e.resource.id)).toEqual([active!.id]);
      }
      expect((await search(contact, `/fhir/Organization?identifier=${encodeURIComponent(`${identifierSystem.sor}|900000000000002`)}`)).total).toBe(0);
      expect((await search(contact, `/fhir/Organization?identifier=${encodeURIComponent(`${identifierSystem.sor}|900000000000009`)}`)).total).toBe(0);
    } finally {
      await database.db.updateTable('organisation').set({ sor_code: null, ean: null, active: true }).where('id', 'in', [active!.id, inactive!.id]).execute();
    }
  });

  it('lets the lead read the citizen’s access log, the contact person and the provider not', async () => {
    const c = referred.find((r) => r.home === GLADSAXE)!;
    for (const type of ['ServiceRequest', 'Task']) expect((await get(provider, `/fhir/${type}/cross-${c.crossReferralId}`)).statusCode).toBe(200);
    const log = await search(lead, `/fhir/AuditEvent?patient=Patient/${c.citizenId}&_count=1`);
    expect(log.entry).toHaveLength(1);
    expect(log.total).toBeGreaterThan(1);
    expect(log.link.map((l) => l.relation)).toEqual(['self', 'next']);
    const next = await search(lead, new URL(log.link[1]!.url).pathname + new URL(log.link[1]!.url).search);
    expect(next.entry![0]!.resource.id).not.toBe(log.entry![0]!.resource.id);
    const providerRead = (await search(lead, `/fhir/AuditEvent?patient=Patient/${c.citizenId}&_count=500`)).entry!.find((e) => e.resource.subtype && JSON.stringify(e.resource).includes('provider_inbox.read'));
    expect(providerRead).toBeDefined();
    expect((await get(lead, `/fhir/AuditEvent/${providerRead!.resource.id}`)).json()).toEqual(providerRead!.resource);
    await outcomeOf(contact, `/fhir/AuditEvent?patient=Patient/${c.citizenId}`, 403);
    await outcomeOf(provider, `/fhir/AuditEvent?patient=Patient/${c.citizenId}`, 403);
    await outcomeOf(provider, `/fhir/AuditEvent/${providerRead!.resource.id}`, 403);
  });
});

describe('a providing municipality', () => {
  it('sees only the referrals sent to it, as shared: no home course, no address, no GP', async () => {
    expect(referred.length).toBeGreaterThan(0);
    const counts = new Map<string, number>();
    for (const r of referred) {
      const bundle = await search(provider, `/fhir/Patient?identifier=${identifierSystem.cpr}|${r.cpr}`);
      expect(bundle.total).toBe(1);
      const patient = bundle.entry![0]!.resource;
      expect(patient.address).toBeUndefined();
      expect(patient.generalPractitioner).toBeUndefined();
      const all = await everything(provider, r.citizenId);
      for (const [type, resources] of all) {
        counts.set(type, (counts.get(type) ?? 0) + resources.length);
        // Everything is held by a referral sent to this municipality: never by the home course.
        for (const x of resources) {
          expect(x.id, `${type}/${x.id}`).toMatch(/^cross-/);
          const crossId = x.id.slice(6, 42);
          expect(referred.some((s) => s.crossReferralId === crossId), `${type}/${x.id}`).toBe(true);
          expect(JSON.stringify(x)).not.toContain(r.courseId);
        }
      }
    }
    for (const type of ['ServiceRequest', 'Task', 'Goal', 'Communication', 'Appointment', 'Encounter']) expect(counts.get(type), type).toBeGreaterThan(0);
  });

  it('is refused what the JSON API refuses it, with the same status', async () => {
    const r = referred[0]!;
    // The home course's referral and plan: 403, as GET /api/courses/:id.
    expect((await get(provider, `/api/courses/${r.courseId}`)).statusCode).toBe(403);
    await outcomeOf(provider, `/fhir/ServiceRequest/course-${r.courseId}`, 403);
    await outcomeOf(provider, `/fhir/CarePlan/course-${r.courseId}`, 403);
    // A citizen never referred to it: 403 as GET /api/citizens/:id; found by nobody's CPR search.
    expect((await get(provider, `/api/citizens/${stranger.id}`)).statusCode).toBe(403);
    await outcomeOf(provider, `/fhir/Patient/${stranger.id}`, 403);
    await outcomeOf(provider, `/fhir/CarePlan?patient=Patient/${stranger.id}`, 403);
    expect((await search(provider, `/fhir/CarePlan?patient.identifier=${identifierSystem.cpr}|${stranger.cpr}`)).total).toBe(0);
    expect((await search(provider, `/fhir/Patient?identifier=${stranger.cpr}`)).total).toBe(0);
    // Unknown: 404 as the JSON API.
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await get(provider, `/api/provider-inbox/${unknown}`)).statusCode).toBe(404);
    await outcomeOf(provider, `/fhir/Task/cross-${unknown}`, 404);
    await outcomeOf(provider, `/fhir/Patient/${unknown}`, 404);
    // The home municipality does not see the provider's team sessions.
    expect((await search(contact, `/fhir/Appointment?patient=Patient/${r.citizenId}`)).total).toBe(0);
  });

  it('gets exactly what a new referral shares: the goals, not the needs, the assessment or the diagnosis', async () => {
    // A Gladsaxe course with an action plan and no referral yet, sent on sharing only the plan's goals.
    const planned = await sql<{ course_id: string; citizen_id: string }>`
      select k.id as course_id, r.citizen_id from course k join referral r on r.id = k.referral_id
      where r.home_municipality_code = ${GLADSAXE} and k.closed_on is null
        and exists (select 1 from action_plan p where p.course_id = k.id) and not exists (select 1 from cross_referral x where x.course_id = k.id)`.execute(database.db);
    const course = planned.rows[0]!;
    const options = (await get(contact, `/api/courses/${course.course_id}/cross-referrals`)).json<{ routedOfferings: { offeringId: string; hostMunicipalityCode: string }[] }>();
    // The first offering elsewhere whose target group the citizen is in (the others are refused, nothing written).
    let sent: { crossId: string; offering: { hostMunicipalityCode: string } } | undefined;
    for (const offering of options.routedOfferings.filter((o) => o.hostMunicipalityCode !== GLADSAXE)) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/courses/${course.course_id}/cross-referrals`,
        headers: contact.headers,
        payload: { offeringId: offering.offeringId, consentOn: TODAY, share: { planFields: ['goals'], assessmentItems: [] } },
      });
      if (res.statusCode === 201) {
        sent = { crossId: res.json<{ id: string }>().id, offering };
        break;
      }
    }
    expect(sent).toBeDefined();
    const { crossId, offering } = sent!;
    const therapist = await signIn(
      app,
      (
        await database.db
          .selectFrom('staff_user as s')
          .innerJoin('staff_role as sr', 'sr.staff_user_id', 's.id')
          .select('s.id')
          .where('s.municipality_code', '=', offering.hostMunicipalityCode)
          .where('sr.role', '=', 'therapist')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const home = (await get(contact, `/api/courses/${course.course_id}/action-plans`)).json<{ current: { difficultiesAndNeeds: string; purposeAndContent: string; goals: { description: string }[] } }>().current;
    const assessment = (await get(contact, `/api/courses/${course.course_id}/needs-assessments`)).json<{ assessments: { whatMattersMost: string }[] }>().assessments[0]!;

    const all = await everything(therapist, course.citizen_id);
    const ofThis = (type: string) => all.get(type)!.filter((r) => r.id.startsWith(`cross-${crossId}`));
    const [serviceRequest] = ofThis('ServiceRequest');
    expect(serviceRequest).toMatchObject({ status: 'active', supportingInfo: [{ reference: `CarePlan/cross-${crossId}` }] });
    expect(serviceRequest!.reasonCode).toBeUndefined();
    expect(ofThis('Task')).toMatchObject([{ status: 'requested', for: { reference: `Patient/${course.citizen_id}` } }]);
    const [plan] = ofThis('CarePlan');
    expect(plan!.description).toBeUndefined();
    expect(plan!.note).toBeUndefined();
    expect(ofThis('Goal').map((g) => (g.description as { text: string }).text)).toEqual(home.goals.map((g) => g.description));
    expect(ofThis('QuestionnaireResponse')).toEqual([]);
    const served = JSON.stringify([...all.values()]);
    expect(served).not.toContain(home.difficultiesAndNeeds);
    expect(served).not.toContain(home.purposeAndContent);
    expect(served).not.toContain(assessment.whatMattersMost);
    expect(served).not.toContain(`course-${course.course_id}`);
  });

  it('is audited: each read of the citizen’s data, and each refusal', async () => {
    const r = referred[0]!;
    const before = await listAuditEvents(database.db, { actorUserId: providerUserId, limit: 1 });
    await get(provider, `/fhir/Task/cross-${r.crossReferralId}`);
    await get(provider, `/fhir/ServiceRequest/course-${r.courseId}`);
    const events = (await listAuditEvents(database.db, { actorUserId: providerUserId, limit: 20 })).filter((e) => Number(e.id) > Number(before[0]?.id ?? 0));
    expect(events.find((e) => e.action === 'provider_inbox.read')).toMatchObject({ citizenId: r.citizenId, entityId: r.crossReferralId, outcome: 'allowed' });
    expect(events.find((e) => e.outcome === 'denied')).toMatchObject({ citizenId: r.citizenId, entityId: r.courseId });
  });
});

describe('bad requests', () => {
  it('are refused with an OperationOutcome naming the parameter, and no CPR in it', async () => {
    const c = gladsaxeCitizens[0]!;
    const unknown = await outcomeOf(contact, `/fhir/CarePlan?patient=Patient/${c.id}&status=active&_sort=date`, 400);
    expect(unknown.issue.map((i) => [i.code, i.expression])).toEqual([
      ['not-supported', ['status']],
      ['not-supported', ['_sort']],
    ]);
    expect((await outcomeOf(contact, '/fhir/Goal', 400)).issue[0]!.expression).toEqual(['patient']);
    expect((await outcomeOf(contact, '/fhir/Patient', 400)).issue[0]!.expression).toEqual(['identifier']);
    expect((await outcomeOf(contact, `/fhir/Task?patient=Patient/${c.id}&patient=Patient/${c.id}`, 400)).issue[0]!.expression).toEqual(['patient']);
    expect((await outcomeOf(contact, '/fhir/Task?patient=Practitioner/1', 400)).issue[0]!.expression).toEqual(['patient']);
    expect((await outcomeOf(contact, `/fhir/Patient?identifier=http://example.org|${c.cpr}`, 400)).issue[0]!.expression).toEqual(['identifier']);
    const badCpr = await outcomeOf(contact, '/fhir/Patient?identifier=3213459999', 400);
    expect(JSON.stringify(badCpr)).not.toContain('3213459999');
    expect((await outcomeOf(contact, `/fhir/Patient/${c.id}?_format=xml`, 400)).issue[0]!.expression).toEqual(['_format']);
    expect((await outcomeOf(contact, `/fhir/AuditEvent?patient=Patient/${c.id}&_count=0`, 400)).issue[0]!.expression).toEqual(['_count']);
  });

  it('name what does not exist, what is not allowed, and who is not signed in', async () => {
    await outcomeOf(contact, '/fhir/Practitioner?name=x', 404);
    await outcomeOf(contact, '/fhir/Patient/not-an-id', 404);
    await outcomeOf(contact, '/fhir/Goal/course-00000000-0000-4000-8000-000000000000-x9', 404);
    await outcomeOf(contact, '/fhir/Patient/x/_history', 404);
    await outcomeOf(null, `/fhir/Patient?identifier=${gladsaxeCitizens[0]!.cpr}`, 401);
    const post = await app.inject({ method: 'POST', url: '/fhir/Patient', headers: contact.headers, payload: { resourceType: 'Patient' } });
    expect([403, 405]).toContain(post.statusCode);
    const del = await app.inject({ method: 'DELETE', url: `/fhir/Patient/${gladsaxeCitizens[0]!.id}`, headers: contact.headers });
    expect([403, 405]).toContain(del.statusCode);
    // The coordinator sees aggregates only: refused as in the JSON API.
    const coordinator = await signIn(app, await userId('ballerup.koordinator'));
    await outcomeOf(coordinator, `/fhir/Patient?identifier=${gladsaxeCitizens[0]!.cpr}`, 403);
  });
});

describe('the server log', () => {
  it('carries no CPR number of a FHIR search, nor a replacement CPR', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    const logged = await buildApp({
      database,
      clock: fixedClock(`${TODAY}T10:00:00Z`),
      config: { sessionIdleMinutes: 30, sessionMaxHours: 12, cookieSecure: true, demo: true, webDistDir: '/nonexistent-web-dist', logLevel: 'info' },
      logger: { level: 'info', stream, serializers: { req: redactedRequest, err: redactedError(pino.stdSerializers.err) } },
    });
    try {
      const client = await signIn(logged, await userId('gladsaxe.kontakt'));
      const c = gladsaxeCitizens[0]!;
      const urls = [
        `/fhir/Patient?identifier=${identifierSystem.cpr}|${c.cpr}`,
        `/fhir/Patient?identifier=${encodeURIComponent(`${identifierSystem.xEcpr}|0703921VJ4`)}`,
        `/fhir/CarePlan?patient.identifier=${c.cpr}&unknown=1`,
      ];
      for (const url of urls) await logged.inject({ method: 'GET', url, headers: client.headers });
      expect(log).toContain('/fhir/Patient?identifier=[redacted]');
      expect(log).not.toContain(c.cpr);
      expect(log).not.toContain('0703921VJ4');
    } finally {
      await logged.close();
    }
  });
});
