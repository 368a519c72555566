import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingDayItem, ClosingDays } from '@samkraft/contracts/calendar';
import type { CourseDeadlines } from '@samkraft/contracts/deadlines';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

// The test app's clock: 2026-11-22 (a Sunday in Denmark).
let database: Database;
let app: App;
const id: Record<string, string> = {};
const client: Record<string, SignedInClient> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0173', 'Lyngby-Taarbæk');
  await seedDeadlineDefaults(db);
  id.lead = await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'] });
  id.lyngbyLead = await aStaffUser(db, { municipalityCode: '0173', roles: ['municipal_lead'] });
  id.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  id.lyngbyContact = await aStaffUser(db, { municipalityCode: '0173', roles: ['contact_person'] });
  id.admin = await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] });
  // Both received Monday 16 November: first contact is due on Monday 23 November.
  const gladsaxeCitizen = await aCitizen(db, { homeMunicipalityCode: '0159' });
  const lyngbyCitizen = await aCitizen(db, { homeMunicipalityCode: '0173' });
  id.gladsaxeCourse = (await aReferralWithCourse(db, { citizenId: gladsaxeCitizen, homeMunicipalityCode: '0159', receivedOn: '2026-11-16', contactPersonId: id.contact })).courseId;
  id.lyngbyCourse = (await aReferralWithCourse(db, { citizenId: lyngbyCitizen, homeMunicipalityCode: '0173', receivedOn: '2026-11-16', contactPersonId: id.lyngbyContact })).courseId;
  app = await createTestApp(database);
  for (const who of ['lead', 'lyngbyLead', 'contact', 'lyngbyContact', 'admin']) client[who] = await signIn(app, id[who]!);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function call(who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  return app.inject({ method, url, headers: client[who]!.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

const fieldsOf = (body: string): string[] => (JSON.parse(body) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);

async function firstContactDue(who: string, courseId: string): Promise<string | undefined> {
  const res = await call(who, 'GET', `/api/courses/${courseId}/deadlines`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CourseDeadlines>().deadlines.find((d) => d.kind === 'first_contact')?.dueOn;
}

describe('GET /api/closing-days', () => {
  it("lists the default set for the user's own municipality, read-only for a contact person", async () => {
    const res = await call('contact', 'GET', '/api/closing-days');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<ClosingDays>();
    expect(page.municipality).toEqual({ code: '0159', name: 'Gladsaxe' });
    expect(page.days.map((d) => [d.month, d.day])).toEqual([[6, 5], [12, 24], [12, 31]]);
    expect(page.days.every((d) => d.municipalityCode === null && !d.editable)).toBe(true);
    expect(page.permissions).toEqual({ editMunicipality: false, editDefault: false });
  });

  it('tells a lead they may edit their own municipality only, and an administrator everything', async () => {
    expect((await call('lead', 'GET', '/api/closing-days?municipality=0159')).json<ClosingDays>().permissions).toEqual({ editMunicipality: true, editDefault: false });
    expect((await call('lead', 'GET', '/api/closing-days?municipality=0173')).json<ClosingDays>().permissions).toEqual({ editMunicipality: false, editDefault: false });
    expect((await call('admin', 'GET', '/api/closing-days?municipality=173')).json<ClosingDays>().permissions).toEqual({ editMunicipality: true, editDefault: true });
  });

  it('names a bad or unknown municipality', async () => {
    for (const q of ['municipality=abc', 'municipality=0999', 'other=1']) {
      const res = await call('lead', 'GET', `/api/closing-days?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(fieldsOf(res.body).join(), q).toMatch(q.startsWith('other') ? /other/ : /municipality/);
    }
  });
});

describe('POST and DELETE /api/closing-days', () => {
  it('refuses bad input, naming the field, and stores nothing', async () => {
    const good = { municipalityCode: '0159', date: '2026-11-18', label: 'Personaledag' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, date: '2026-02-30' }, 'date'],
      [{ municipalityCode: '0159', label: 'x' }, 'date'],
      [{ ...good, month: 5, day: 1 }, 'date'],
      [{ municipalityCode: '0159', month: 2, day: 30, label: 'x' }, 'day'],
      [{ municipalityCode: '0159', month: 13, day: 1, label: 'x' }, 'month'],
      [{ municipalityCode: '0159', month: 5, label: 'x' }, 'day'],
      [{ ...good, label: '  ' }, 'label'],
      [{ ...good, municipalityCode: 'x1' }, 'municipalityCode'],
      [{ ...good, municipalityCode: '0999' }, 'municipalityCode'],
      [{ ...good, extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('admin', 'POST', '/api/closing-days', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(payload)).toEqual([field]);
    }
    const stored = await database.db.selectFrom('closing_day').select('id').where('municipality_code', 'is not', null).execute();
    expect(stored).toHaveLength(0);
  });

  it("refuses a lead another municipality's days and the default set, and audits the refusals", async () => {
    const other = await call('lead', 'POST', '/api/closing-days', { municipalityCode: '0173', date: '2026-11-18', label: 'Ikke min' });
    expect(other.statusCode).toBe(403);
    const defaults = await call('lead', 'POST', '/api/closing-days', { month: 5, day: 1, label: '1. maj' });
    expect(defaults.statusCode).toBe(403);
    const contact = await call('contact', 'POST', '/api/closing-days', { municipalityCode: '0159', date: '2026-11-18', label: 'x' });
    expect(contact.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: id.lead!, limit: 100 });
    expect(events.filter((e) => e.action === 'closing_day.create' && e.outcome === 'denied')).toHaveLength(2);
    expect(await database.db.selectFrom('closing_day').select('id').where('municipality_code', 'is not', null).execute()).toHaveLength(0);
  });

  it("moves the due dates of that municipality's deadlines and of no other's", async () => {
    expect(await firstContactDue('contact', id.gladsaxeCourse!)).toBe('2026-11-23');
    expect(await firstContactDue('lyngbyContact', id.lyngbyCourse!)).toBe('2026-11-23');
    const res = await call('lead', 'POST', '/api/closing-days', { municipalityCode: '0159', date: '2026-11-18', label: 'Personaledag' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<ClosingDayItem>();
    expect(created).toMatchObject({ municipalityCode: '0159', recurring: false, date: '2026-11-18', label: 'Personaledag', editable: true });
    expect(await firstContactDue('contact', id.gladsaxeCourse!)).toBe('2026-11-24');
    expect(await firstContactDue('lyngbyContact', id.lyngbyCourse!)).toBe('2026-11-23');
    const events = await listAuditEvents(database.db, { actorUserId: id.lead!, limit: 100 });
    expect(events).toContainEqual(expect.objectContaining({ action: 'closing_day.create', entityId: created.id, outcome: 'allowed' }));
    id.created = created.id;
  });

  it('answers a duplicate with 409, in the same set only', async () => {
    const again = await call('lead', 'POST', '/api/closing-days', { municipalityCode: '0159', date: '2026-11-18', label: 'Igen' });
    expect(again.statusCode, again.body).toBe(409);
    const recurringAgain = await call('admin', 'POST', '/api/closing-days', { month: 12, day: 24, label: 'Juleaftensdag' });
    expect(recurringAgain.statusCode).toBe(409);
    const elsewhere = await call('lyngbyLead', 'POST', '/api/closing-days', { municipalityCode: '0173', month: 12, day: 24, label: 'Juleaftensdag' });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });

  it('lets an administrator add to the default set', async () => {
    const res = await call('admin', 'POST', '/api/closing-days', { month: 5, day: 1, label: '1. maj' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ClosingDayItem>()).toMatchObject({ municipalityCode: null, recurring: true, month: 5, day: 1 });
  });

  it('lists the default set and the own days, telling them apart', async () => {
    const page = (await call('lead', 'GET', '/api/closing-days')).json<ClosingDays>();
    const own = page.days.filter((d) => d.municipalityCode === '0159');
    expect(own.map((d) => d.date)).toEqual(['2026-11-18']);
    expect(own[0]!.editable).toBe(true);
    expect(page.days.filter((d) => d.municipalityCode === null).every((d) => !d.editable)).toBe(true);
    expect(page.days.some((d) => d.municipalityCode === '0173')).toBe(false);
  });

  it("refuses a lead deleting another municipality's day, and audits it; deletes their own", async () => {
    const lyngbyDay = (await call('lyngbyLead', 'GET', '/api/closing-days')).json<ClosingDays>().days.find((d) => d.municipalityCode === '0173');
    const refused = await call('lead', 'DELETE', `/api/closing-days/${lyngbyDay!.id}`);
    expect(refused.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: id.lead!, limit: 100 });
    expect(events).toContainEqual(expect.objectContaining({ action: 'closing_day.delete', entityId: lyngbyDay!.id, outcome: 'denied' }));

    const deleted = await call('lead', 'DELETE', `/api/closing-days/${id.created}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await firstContactDue('contact', id.gladsaxeCourse!)).toBe('2026-11-23');
    expect((await call('lead', 'DELETE', `/api/closing-days/${id.created}`)).statusCode).toBe(404);
    expect(fieldsOf((await call('lead', 'DELETE', '/api/closing-days/nope')).body)).toEqual(['params.id']);
  });
});
