import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
const ids: Record<string, string> = {};
const c: Record<string, SignedInClient> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  ids.karen = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  ids.anna = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Anna Anden' });
  ids.lead = await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'], displayName: 'Lene Leder' });
  ids.therapist = await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'] });
  ids.ballerup = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  ids.citizen = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Syntetisk', familyName: 'Borger' });
  ids.protectedCitizen = await aCitizen(db, { homeMunicipalityCode: '0159', protected: true });
  ids.course = (await aReferralWithCourse(db, { citizenId: ids.citizen, homeMunicipalityCode: '0159', receivedOn: '2026-11-16' })).courseId;
  ids.protectedCourse = (await aReferralWithCourse(db, { citizenId: ids.protectedCitizen, homeMunicipalityCode: '0159', receivedOn: '2026-11-16', contactPersonId: ids.karen })).courseId;
  app = await createTestApp(database, { now: '2026-11-22T10:00:00Z' });
  for (const k of ['karen', 'anna', 'lead', 'therapist', 'ballerup'] as const) c[k] = await signIn(app, ids[k]!);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const url = (courseId: string, rest = '') => `/api/courses/${courseId}${rest}`;
const put = (who: string, staffUserId: string, reason?: string) =>
  app.inject({ method: 'PUT', url: url(ids.course!, '/contact-person'), headers: c[who]!.headers, payload: { staffUserId, ...(reason ? { reason } : {}) } });

describe('contact person', () => {
  it('lets a contact person take an unassigned course, but not give it to someone else', async () => {
    expect((await put('karen', ids.anna!)).statusCode).toBe(403);
    expect((await put('karen', ids.karen!)).statusCode).toBe(204);
  });
  it('does not let another contact person take it over', async () => {
    expect((await put('anna', ids.anna!)).statusCode).toBe(403);
  });
  it('refuses an assignee who is not a contact person of the municipality, naming staffUserId', async () => {
    for (const who of [ids.therapist!, ids.ballerup!]) {
      const res = await put('lead', who);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('staffUserId');
    }
  });
  it('lets a lead reassign, keeping the history', async () => {
    expect((await put('lead', ids.anna!, 'Karen går på barsel')).statusCode).toBe(204);
    const res = await app.inject({ method: 'GET', url: url(ids.course!), headers: c.lead!.headers });
    const d = res.json();
    expect(d.contactPerson).toEqual({ id: ids.anna, name: 'Anna Anden' });
    expect(d.assignments).toHaveLength(2);
    expect(d.assignments[0]).toMatchObject({ staff: { id: ids.anna }, endedAt: null, reason: 'Karen går på barsel', assignedBy: { id: ids.lead } });
    expect(d.assignments[1].endedAt).not.toBeNull();
    expect(d.permissions).toEqual({ write: true, assign: true, takeOver: false });
    expect(d.assignable.map((s: { name: string }) => s.name)).toEqual(['Anna Anden', 'Karen Kontakt']);
  });
});

// PGlite is one connection, so two requests never interleave there; a server's pool lets them.
describe.runIf(testDatabaseKind() === 'postgres')('two contact persons taking the same course at once', () => {
  it('lets the first in and answers the second 409 with a clear message, not 500', async () => {
    const db = database.db;
    const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
    const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', receivedOn: '2026-11-16' });
    // Anna's take, committed only once Karen's has read the course as unassigned and waits on
    // the unique key of the current assignment.
    let commitAnna!: () => void;
    const annaMayCommit = new Promise<void>((resolve) => (commitAnna = resolve));
    let annaInserted!: () => void;
    const annaIn = new Promise<void>((resolve) => (annaInserted = resolve));
    const anna = db.transaction().execute(async (trx) => {
      await trx.insertInto('course_assignment').values({ course_id: courseId, staff_user_id: ids.anna! }).execute();
      annaInserted();
      await annaMayCommit;
    });
    await annaIn;
    const karen = app.inject({ method: 'PUT', url: url(courseId, '/contact-person'), headers: c.karen!.headers, payload: { staffUserId: ids.karen } });
    for (let i = 0; i < 400; i++) {
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
      if ((waiting.rows[0]?.n ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    commitAnna();
    await anna;
    const res = await karen;
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Forløbet fik en anden kontaktperson i samme øjeblik/) });
    const current = await db.selectFrom('course_assignment').select('staff_user_id').where('course_id', '=', courseId).where('ended_at', 'is', null).execute();
    expect(current).toEqual([{ staff_user_id: ids.anna }]);
  });
});

describe('first contact and the preparation form', () => {
  it('refuses a form sent before any contact, naming sentOn', async () => {
    const res = await app.inject({ method: 'POST', url: url(ids.course!, '/preparation-form'), headers: c.anna!.headers, payload: { sentOn: '2026-11-20' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('sentOn');
  });
  it.each([
    [{ contactedOn: '2026-11-23', channel: 'phone', reached: true }, 'contactedOn'],
    [{ contactedOn: '2026-11-15', channel: 'phone', reached: true }, 'contactedOn'],
    [{ contactedOn: '2026-11-18', channel: 'phone', reached: false, agreedAssessmentAt: '2026-11-25T09:00:00Z' }, 'agreedAssessmentAt'],
    [{ contactedOn: '2026-11-18', channel: 'pigeon', reached: true }, 'channel'],
  ])('refuses %j naming %s, storing nothing', async (payload, field) => {
    const res = await app.inject({ method: 'POST', url: url(ids.course!, '/contacts'), headers: c.anna!.headers, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await database.db.selectFrom('course_contact').select('id').where('course_id', '=', ids.course!).execute()).toEqual([]);
  });
  it('records first contact, moves the step, marks the form sent', async () => {
    const res = await app.inject({
      method: 'POST',
      url: url(ids.course!, '/contacts'),
      headers: c.anna!.headers,
      payload: { contactedOn: '2026-11-18', channel: 'phone', reached: true, agreedAssessmentAt: '2026-11-26T09:30:00Z', note: 'Aftalt samtale' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sent = await app.inject({ method: 'POST', url: url(ids.course!, '/preparation-form'), headers: c.anna!.headers, payload: { sentOn: '2026-11-18' } });
    expect(sent.statusCode, sent.body).toBe(204);
    const d = (await app.inject({ method: 'GET', url: url(ids.course!), headers: c.anna!.headers })).json();
    expect(d.step).toBe('first_contact');
    expect(d.preparationFormSentOn).toBe('2026-11-18');
    expect(d.contacts[0]).toMatchObject({ contactedOn: '2026-11-18', channel: 'phone', agreedAssessmentAt: '2026-11-26T09:30:00.000Z' });
    const events = await listAuditEvents(database.db, { citizenId: ids.citizen!, actorUserId: ids.anna! });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['course.contact', 'course.preparation_form', 'course.read']));
  });
});

describe('the preparation letter', () => {
  it('is a Danish PDF with the municipality, address, contact person and agreed time, and is audited', async () => {
    const res = await app.inject({ method: 'GET', url: url(ids.course!, '/preparation-letter.pdf'), headers: c.anna!.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    // Lines wrap where the page ends; compare words, not line breaks.
    const text = (await readPdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Gladsaxe Kommune');
    expect(text).toContain('Syntetisk Borger');
    expect(text).toContain('Testvej 1');
    expect(text).toContain('Anna Anden');
    expect(text).toContain('torsdag den 26. november 2026 kl. 10.30');
    expect(text).toContain('Støtte til livet med kræft');
    expect(text).toContain('22. november 2026');
    const events = await listAuditEvents(database.db, { citizenId: ids.citizen!, actorUserId: ids.anna! });
    expect(events.some((e) => e.action === 'course.preparation_letter')).toBe(true);
  });
  it('encloses the form "Støtte til livet med kræft" on pages of its own, with every active item to tick (issue 10.24)', async () => {
    await database.db
      .insertInto('assessment_item')
      .values([
        { code: 'physical.fatigue', area: 'physical', label_da: 'Træthed og manglende energi', label_en: 'Fatigue', sort_order: 1 },
        { code: 'relatives.children', area: 'relatives', label_da: 'Børn og unge i familien', label_en: 'Children', sort_order: 2 },
        { code: 'social.retired', area: 'social', label_da: 'Et udgået punkt', label_en: 'Retired', sort_order: 3, active: false },
      ])
      .execute();
    const res = await app.inject({ method: 'GET', url: url(ids.course!, '/preparation-letter.pdf'), headers: c.anna!.headers });
    expect(res.statusCode).toBe(200);
    const { pages, text } = await readPdfText(res.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(2);
    const doc = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const form = (await extractText(doc, { mergePages: false })).text.slice(1).join('\n').replace(/\s+/g, ' ');
    for (const part of ['Støtte til livet med kræft', 'Hvor belastet har du følt dig den seneste uge?', 'Fysisk', 'Træthed og manglende energi', 'Pårørende', 'Børn og unge i familien', 'Hvad vil du helst tale om ved samtalen?', 'Syntetisk Borger']) {
      expect(form).toContain(part);
    }
    expect(form).toContain('☐');
    expect(text).not.toContain('Et udgået punkt');
  });
  it("prints the contact person's work phone, and the unit's phone when she has none (issue 10.16)", async () => {
    const read = async () => (await readPdfText((await app.inject({ method: 'GET', url: url(ids.course!, '/preparation-letter.pdf'), headers: c.anna!.headers })).rawPayload)).text.replace(/\s+/g, ' ');
    await database.db.updateTable('municipality').set({ unit_phone: '39 57 50 00' }).where('code', '=', '0159').execute();
    expect(await read()).toContain('Du kan ringe til kræftrehabiliteringen i Gladsaxe Kommune på tlf. 39 57 50 00.');
    await database.db.updateTable('staff_user').set({ phone: '39 57 51 23' }).where('id', '=', ids.anna!).execute();
    const text = await read();
    expect(text).toContain('Du kan ringe til Anna Anden på tlf. 39 57 51 23.');
    expect(text).toContain('Tlf. 39 57 51 23');
  });
  it('never prints a protected address, and says so', async () => {
    const res = await app.inject({ method: 'GET', url: url(ids.protectedCourse!, '/preparation-letter.pdf'), headers: c.karen!.headers });
    const { text } = await readPdfText(res.rawPayload);
    expect(text).not.toContain('Testvej 1');
    expect(text).toContain('navne- og adressebeskyttelse');
  });
});

describe('GET /api/courses/:id', () => {
  it('hides a protected address and gives the age', async () => {
    const d = (await app.inject({ method: 'GET', url: url(ids.protectedCourse!), headers: c.karen!.headers })).json();
    expect(d.citizen).toMatchObject({ protected: true, address: null, age: 66 });
    expect(d.permissions).toEqual({ write: true, assign: false, takeOver: false });
  });
  it('audits each read of the course page once, and a refused read only as refused', async () => {
    const events = (actorUserId: string) =>
      database.db.selectFrom('audit_event').select(['action', 'citizen_id', 'entity_type', 'entity_id', 'outcome', 'request_id']).where('actor_user_id', '=', actorUserId).orderBy('id').execute();
    const before = { karen: (await events(ids.karen!)).length, ballerup: (await events(ids.ballerup!)).length };
    for (let i = 0; i < 2; i++) expect((await app.inject({ method: 'GET', url: url(ids.protectedCourse!), headers: c.karen!.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: url(ids.protectedCourse!), headers: c.ballerup!.headers })).statusCode).toBe(403);
    const read = (await events(ids.karen!)).slice(before.karen);
    expect(read.map(({ request_id: _, ...e }) => e)).toEqual(
      Array.from({ length: 2 }, () => ({ action: 'course.read', citizen_id: ids.protectedCitizen, entity_type: 'course', entity_id: ids.protectedCourse, outcome: 'allowed' })),
    );
    expect(new Set(read.map((e) => e.request_id)).size).toBe(2);
    expect((await events(ids.ballerup!)).slice(before.ballerup).map((e) => [e.action, e.outcome])).toEqual([['course.read', 'denied']]);
  });
  it("refuses another municipality's staff and lets a therapist only read", async () => {
    expect((await app.inject({ method: 'GET', url: url(ids.course!), headers: c.ballerup!.headers })).statusCode).toBe(403);
    const t = await app.inject({ method: 'GET', url: url(ids.course!), headers: c.therapist!.headers });
    expect(t.json().permissions.write).toBe(false);
    const w = await app.inject({ method: 'POST', url: url(ids.course!, '/contacts'), headers: c.therapist!.headers, payload: { contactedOn: '2026-11-19', channel: 'phone', reached: true } });
    expect(w.statusCode).toBe(403);
  });
});
