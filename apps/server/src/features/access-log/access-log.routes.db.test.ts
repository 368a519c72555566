import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogEntry, AccessLogPage } from '@samkraft/contracts/access-log';
import { audit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import { loadR4Validators, validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import type { App } from '../../platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from '../../test-support/citizen-sign-in.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { BALP_PATIENT_READ } from './access-log.rules.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const EINER = '0201609995';
const LONNI = '0201609996';

let database: Database;
let app: App;
let einer: SignedInCitizen;
let lonni: SignedInCitizen;
let karen: SignedInClient;
let bo: SignedInClient;
const ids = {} as Record<'karen' | 'bo' | 'einer' | 'lonni' | 'einerCourse' | 'lonniCourse', string>;

beforeAll(async () => {
  await loadR4Validators();
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  ids.karen = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  ids.bo = await aStaffUser(db, { municipalityCode: '0151', roles: ['municipal_lead'], displayName: 'Bo Ballerup' });
  ids.einer = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: EINER, givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M', birthDate: '1960-01-02' });
  ids.lonni = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: LONNI, givenName: 'Lonni Test', familyName: 'Lauridsen', sex: 'F', birthDate: '1960-01-02' });
  ids.einerCourse = (await aReferralWithCourse(db, { citizenId: ids.einer, homeMunicipalityCode: '0159', contactPersonId: ids.karen })).courseId;
  ids.lonniCourse = (await aReferralWithCourse(db, { citizenId: ids.lonni, homeMunicipalityCode: '0159' })).courseId;
  app = await createTestApp(database, { citizenSignIn: demoCitizenSignIn() });
  karen = await signIn(app, ids.karen);
  bo = await signIn(app, ids.bo);
  // Karen reads both citizens' courses; a write and a system read of Einer's data are logged too.
  for (const id of [ids.einerCourse, ids.lonniCourse]) expect((await app.inject({ method: 'GET', url: `/api/courses/${id}`, headers: karen.headers })).statusCode).toBe(200);
  await audit(db, { actor: { kind: 'system', name: 'kl-gateway' } }, [{ action: 'kl_gateway.export', citizenId: ids.einer, entityType: 'citizen', entityId: ids.einer, purpose: 'kl_gateway_SUL140', outcome: 'allowed' }]);
  await audit(db, { actor: { kind: 'system', name: 'test' } }, [{ action: 'course.assign', citizenId: ids.einer, entityType: 'course', entityId: ids.einerCourse, outcome: 'allowed' }]);
  einer = await signInAsCitizen(app, EINER);
  lonni = await signInAsCitizen(app, LONNI);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const myLog = (c: SignedInCitizen, query = '') => app.inject({ method: 'GET', url: `/api/borger/access-log${query}`, headers: { cookie: c.cookie } });

describe('Hvem har set mine oplysninger: the citizen’s access log', () => {
  it('shows the staff member’s read with name, municipality, role, what and why — newest first, the citizen’s own reading on top', async () => {
    const res = await myLog(einer);
    expect(res.statusCode).toBe(200);
    const { entries } = res.json<AccessLogPage>();
    expect(entries[0]).toMatchObject({ who: { kind: 'citizen', name: null, municipality: null }, what: { da: 'listen over, hvem der har set dine oplysninger' }, why: { da: 'du så selv dine oplysninger' } });
    const staffRead = entries.find((e) => e.who.kind === 'staff' && e.what.da === 'dit forløb');
    expect(staffRead).toMatchObject({ who: { name: 'Karen Kontakt', municipality: { code: '0159', name: 'Gladsaxe' }, roles: [{ da: 'kontaktperson', en: 'contact person' }] }, why: { da: 'behandling af dit forløb' } });
    const systemRead = entries.find((e) => e.who.kind === 'system');
    expect(systemRead).toMatchObject({ who: { name: null }, what: { da: 'dine oplysninger i indberetningen til KL' }, why: { da: 'lovpligtig indberetning til KL (genoptræning)' } });
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows reads only: a write to the citizen’s data is not in the log', async () => {
    const { entries } = (await myLog(einer)).json<AccessLogPage>();
    expect(entries.some((e) => e.what.da === 'dine oplysninger')).toBe(false);
    const rows = await database.db.selectFrom('audit_event').select('action').where('citizen_id', '=', ids.einer).where('action', '=', 'course.assign').execute();
    expect(rows).toHaveLength(1);
  });

  it('shows a citizen nothing of another citizen (two citizens)', async () => {
    const einers = (await myLog(einer)).json<AccessLogPage>().entries.map((e) => e.id);
    const lonnis = (await myLog(lonni)).json<AccessLogPage>().entries;
    const lonniIds = new Set(lonnis.map((e) => e.id));
    expect(einers.filter((id) => lonniIds.has(id))).toEqual([]);
    const lonniRows = await database.db.selectFrom('audit_event').select('id').where('citizen_id', '=', ids.lonni).execute();
    expect(lonnis.every((e) => lonniRows.some((r) => String(r.id) === e.id))).toBe(true);
    expect(JSON.stringify(lonnis)).not.toContain('indberetningen til KL');
  });

  it('logs the citizen’s own reading of the log, with the citizen as the actor', async () => {
    const before = await database.db.selectFrom('audit_event').select('id').where('actor_citizen_id', '=', ids.einer).where('action', '=', 'access_log.read').execute();
    await myLog(einer);
    const after = await database.db.selectFrom('audit_event').select(['id', 'citizen_id', 'actor_label']).where('actor_citizen_id', '=', ids.einer).where('action', '=', 'access_log.read').execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ citizen_id: ids.einer, actor_label: 'citizen' });
  });

  it('pages by cursor, newest first, with no entry twice and none left out', async () => {
    const all = (await myLog(einer, '?limit=200')).json<AccessLogPage>().entries;
    const newest = BigInt(all[0]!.id);
    const walked: AccessLogEntry[] = [];
    let next: string | null = null;
    do {
      const page: AccessLogPage = (await myLog(einer, `?limit=2${next ? `&before=${next}` : ''}`)).json<AccessLogPage>();
      walked.push(...page.entries);
      next = page.next;
    } while (next);
    // Each page's own reading is newer than the walk's start: the walk sees all that was there when it began, in order.
    expect(walked.filter((e) => BigInt(e.id) <= newest).map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(walked.map((e) => e.id)).size).toBe(walked.length);
  });

  it('refuses a cursor it did not give, naming the field', async () => {
    const res = await myLog(einer, '?before=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('before');
  });

  it('exports the log as a FHIR Bundle of BALP PatientRead AuditEvents, valid R4', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/borger/access-log/fhir', headers: { cookie: einer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const bundle = res.json<{ resourceType: string; type: string; entry: { resource: Record<string, unknown> & { agent: { who: { display: string } }[]; entity: { what: { reference?: string } }[] } }[] }>();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(await validateBaseR4(bundle)).toEqual([]);
    const karenRead = bundle.entry.map((e) => e.resource).find((r) => r.agent[0]?.who.display === 'Karen Kontakt');
    expect(karenRead).toMatchObject({
      meta: { profile: [BALP_PATIENT_READ] },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
      subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }, { code: 'course.read' }],
      action: 'R',
      outcome: '0',
      purposeOfEvent: [{ coding: [{ code: 'TREAT' }], text: 'behandling af dit forløb' }],
      agent: [{ requestor: true, role: [{ coding: [{ code: 'contact_person' }], text: 'kontaktperson' }], location: { display: 'Gladsaxe Kommune' } }, { requestor: false, type: { coding: [{ code: '110152' }] } }],
      entity: [{ what: { reference: `Patient/${ids.einer}` }, role: { code: '1' } }, { role: { code: '4' } }],
    });
  });
});

describe('the access log on the course page (staff)', () => {
  it('shows the home municipality’s staff the same log, and audits that read', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${ids.einerCourse}/access-log`, headers: karen.headers });
    expect(res.statusCode).toBe(200);
    const { entries } = res.json<AccessLogPage>();
    expect(entries[0]).toMatchObject({ who: { kind: 'staff', name: 'Karen Kontakt' }, what: { da: 'listen over, hvem der har set dine oplysninger' } });
    expect(entries.some((e) => e.who.kind === 'citizen')).toBe(true);
  });

  it('refuses another municipality’s staff, audited', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${ids.einerCourse}/access-log`, headers: bo.headers });
    expect(res.statusCode).toBe(403);
    const denied = await database.db.selectFrom('audit_event').select('outcome').where('actor_user_id', '=', ids.bo).where('action', '=', 'access_log.read').execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('exports it for staff as a valid FHIR Bundle', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${ids.einerCourse}/access-log/fhir`, headers: karen.headers });
    expect(res.statusCode).toBe(200);
    expect(await validateBaseR4(res.json())).toEqual([]);
  });
});
