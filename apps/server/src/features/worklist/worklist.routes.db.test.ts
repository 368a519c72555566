import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worklist } from '@samkraft/contracts/worklist';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { aFirstContact, seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

// Today is Monday 23 November 2026 in Denmark.
const NOW = '2026-11-23T09:00:00Z';

let database: Database;
let app: App;
const id: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  await seedDeadlineDefaults(db);
  id.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  id.colleague = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  id.lead = await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'] });
  id.ballerupLead = await aStaffUser(db, { municipalityCode: '0151', roles: ['municipal_lead'] });
  // Received Mon 9 Nov: first contact due Mon 16 Nov (5 working days) → overdue.
  id.overdue = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Forsinket' });
  await aReferralWithCourse(db, { citizenId: id.overdue, homeMunicipalityCode: '0159', receivedOn: '2026-11-09', contactPersonId: id.contact });
  // Received Thu 19 Nov: first contact due Thu 26 Nov → open (3 working days left).
  id.open = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Aaben' });
  await aReferralWithCourse(db, { citizenId: id.open, homeMunicipalityCode: '0159', receivedOn: '2026-11-19', contactPersonId: id.contact });
  // Received Mon 16 Nov: first contact due Mon 23 Nov (today) → due soon.
  id.soon = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Snart' });
  await aReferralWithCourse(db, { citizenId: id.soon, homeMunicipalityCode: '0159', receivedOn: '2026-11-16', contactPersonId: id.contact });
  // Contacted in time; the initial assessment (10 working days from 12 Nov) is due Thu 26 Nov.
  id.contacted = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Kontaktet' });
  const c = await aReferralWithCourse(db, { citizenId: id.contacted, homeMunicipalityCode: '0159', receivedOn: '2026-11-12', contactPersonId: id.contact });
  await aFirstContact(db, c.courseId, '2026-11-13');
  id.unassigned = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Ingen' });
  await aReferralWithCourse(db, { citizenId: id.unassigned, homeMunicipalityCode: '0159', receivedOn: '2026-11-20' });
  id.colleagues = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Kollegas' });
  await aReferralWithCourse(db, { citizenId: id.colleagues, homeMunicipalityCode: '0159', receivedOn: '2026-11-02', contactPersonId: id.colleague });
  app = await createTestApp(database, { now: NOW });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

// One session per user: signing in again for every request would meet the sign-in rate limit.
const sessions = new Map<string, Awaited<ReturnType<typeof signIn>>>();

async function worklistFor(userId: string, query = ''): Promise<{ status: number; body: Worklist }> {
  const c = sessions.get(userId) ?? (await signIn(app, userId));
  sessions.set(userId, c);
  const res = await app.inject({ method: 'GET', url: `/api/worklist${query}`, headers: c.headers });
  return { status: res.statusCode, body: res.json() };
}

describe('GET /api/worklist', () => {
  it("lists the contact person's own open courses, most urgent first, with the next step and deadline", async () => {
    const { status, body } = await worklistFor(id.contact!);
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-11-23');
    expect(body.items.map((i) => [i.citizen.id, i.state, i.nextDeadline?.kind, i.nextDeadline?.dueOn, i.nextStep])).toEqual([
      [id.overdue, 'overdue', 'first_contact', '2026-11-16', 'first_contact'],
      [id.soon, 'due_soon', 'first_contact', '2026-11-23', 'first_contact'],
      [id.contacted, 'open', 'initial_assessment', '2026-11-26', 'initial_assessment'],
      [id.open, 'open', 'first_contact', '2026-11-26', 'first_contact'],
    ]);
    expect(body.counts).toEqual({ overdue: 1, due_soon: 1, open: 2, paused: 0, none: 0 });
  });

  it('audits each course shown once, with who, why and which request — a whole first page in the read itself', async () => {
    const events = () =>
      database.db
        .selectFrom('audit_event')
        .select(['id', 'actor_label', 'actor_municipality', 'actor_roles', 'request_id', 'entity_type', 'entity_id', 'citizen_id', 'purpose', 'outcome'])
        .where('actor_user_id', '=', id.contact!)
        .where('action', '=', 'worklist.list')
        .orderBy('id')
        .execute();
    const before = (await events()).length;
    const whole = await worklistFor(id.contact!);
    const filtered = await worklistFor(id.contact!, '?state=open');
    const written = (await events()).slice(before);
    for (const [list, purpose, rows] of [
      [whole.body, 'mine', written.slice(0, 4)],
      [filtered.body, 'mine', written.slice(4)],
    ] as const) {
      expect(rows.map((e) => [e.entity_id, e.citizen_id]).sort()).toEqual(list.items.map((i) => [i.courseId, i.citizen.id]).sort());
      expect(new Set(rows.map((e) => JSON.stringify([e.actor_municipality, e.actor_roles, e.entity_type, e.purpose, e.outcome, e.request_id])))).toEqual(
        new Set([JSON.stringify(['0159', ['contact_person'], 'course', purpose, 'allowed', rows[0]?.request_id])]),
      );
      expect(rows[0]?.request_id).toBeTruthy();
    }
    expect(written).toHaveLength(4 + 2);
    expect(written[0]?.request_id).not.toBe(written[4]?.request_id);
  });

  it('filters by state and audits each citizen shown', async () => {
    const { body } = await worklistFor(id.contact!, '?state=overdue');
    expect(body.items.map((i) => i.citizen.id)).toEqual([id.overdue]);
    expect(body.counts.open).toBe(2); // counts stay over the whole scope
    const events = await listAuditEvents(database.db, { citizenId: id.overdue!, actorUserId: id.contact! });
    expect(events.some((e) => e.action === 'worklist.list')).toBe(true);
  });

  it('shows the unassigned courses on request', async () => {
    const { body } = await worklistFor(id.contact!, '?scope=unassigned');
    expect(body.items.map((i) => i.citizen.id)).toEqual([id.unassigned]);
  });

  it("lets a municipal lead see the whole municipality, or one contact person's courses", async () => {
    const all = await worklistFor(id.lead!, '?scope=municipality');
    expect(all.body.items).toHaveLength(6);
    const one = await worklistFor(id.lead!, `?contactPersonId=${id.colleague}`);
    expect(one.body.items.map((i) => i.citizen.id)).toEqual([id.colleagues]);
  });

  it("pages a lead's list most urgent first, with the total, and audits only the page shown", async () => {
    const all = await worklistFor(id.lead!, '?scope=municipality');
    const first = await worklistFor(id.lead!, '?scope=municipality&limit=4');
    const second = await worklistFor(id.lead!, '?scope=municipality&limit=4&offset=4');
    expect([first.body.total, first.body.offset, first.body.limit, second.body.offset]).toEqual([6, 0, 4, 4]);
    expect([...first.body.items, ...second.body.items].map((i) => i.courseId)).toEqual(all.body.items.map((i) => i.courseId));
    expect(first.body.counts).toEqual(all.body.counts);
    // The colleague's course is the oldest overdue one (received 2 Nov): on the first page.
    expect(first.body.items[0]?.citizen.id).toBe(id.colleagues);
    const before = await listAuditEvents(database.db, { citizenId: id.unassigned!, actorUserId: id.lead! });
    await worklistFor(id.lead!, '?scope=municipality&limit=1');
    const after = await listAuditEvents(database.db, { citizenId: id.unassigned!, actorUserId: id.lead! });
    expect(after.length).toBe(before.length);
    for (const [query, field] of [['limit=0', 'query.limit'], ['limit=501', 'query.limit'], ['offset=-1', 'query.offset'], ['limit=alle', 'query.limit']] as const) {
      const bad = await worklistFor(id.lead!, `?scope=municipality&${query}`);
      expect([bad.status, (bad.body as unknown as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)], query).toEqual([400, [field]]);
    }
  });

  it('refuses the whole municipality to a contact person, audits the refusal, and shows another municipality nothing', async () => {
    expect((await worklistFor(id.contact!, '?scope=municipality')).status).toBe(403);
    const refused = await database.db.selectFrom('audit_event').select(['purpose', 'detail']).where('actor_user_id', '=', id.contact!).where('action', '=', 'worklist.list').where('outcome', '=', 'denied').execute();
    expect(refused).toEqual([{ purpose: 'municipality', detail: { reason: 'not_lead' } }]);
    const ballerup = await worklistFor(id.ballerupLead!, '?scope=municipality');
    expect(ballerup.body.items).toEqual([]);
  });
});
