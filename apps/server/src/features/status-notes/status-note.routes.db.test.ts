import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDeadlines } from '@samkraft/contracts/deadlines';
import type { CourseStatusNotes, HomeStatusNote, ProviderStatusNotes, StatusNote, StatusNoteInbox, StatusNoteUnreadCount } from '@samkraft/contracts/status-notes';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser, aTeamWithSession } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

let database: Database;
let app: App;
let contact: SignedInClient;
let colleague: SignedInClient;
let homeTherapist: SignedInClient;
let provider: SignedInClient;
let ballerupContact: SignedInClient;
let ballerupTherapist: SignedInClient;
let contactId: string;
let providerId: string;
let ballerupContactId: string;
let citizenId: string;
let courseId: string;
let xrefId: string;
let otherXrefId: string;
let declinedXrefId: string;
let pendingXrefId: string;
let teamEndedXrefId: string;

type ErrorBody = { error: { code: string; fields: { field: string; code: string }[] } };
const fieldsOf = (body: string) => (JSON.parse(body) as ErrorBody).error.fields.map((f) => `${f.field}:${f.code}`);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDeadlineDefaults(db);
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0157', 'Gentofte');
  await aMunicipality(db, '0151', 'Ballerup');
  await anIntervention(db, 'breast_training');
  const offeringId = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0157' });
  contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  const colleagueId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  const homeTherapistId = await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'] });
  providerId = await aStaffUser(db, { municipalityCode: '0157', roles: ['therapist'], displayName: 'Tove Terapeut' });
  ballerupContactId = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  const ballerupTherapistId = await aStaffUser(db, { municipalityCode: '0151', roles: ['therapist'] });

  const xref = async (contactPersonId: string) => {
    const citizen = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Bente', familyName: 'Testborger' });
    const course = (await aReferralWithCourse(db, { citizenId: citizen, homeMunicipalityCode: '0159', contactPersonId, receivedOn: '2026-11-02' })).courseId;
    const id = await aCrossReferral(db, { courseId: course, offeringId, interventionCode: 'breast_training', providerMunicipalityCode: '0157', receivedOn: '2026-11-10' });
    return { citizen, course, id };
  };
  const mine = await xref(contactId);
  ({ citizen: citizenId, course: courseId, id: xrefId } = mine);
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_contact_on: '2026-11-11', started_on: '2026-11-12' }).where('id', '=', xrefId).execute();
  const team = await aTeamWithSession(db, { offeringId });
  const enrolment = await db
    .insertInto('enrolment')
    .values({ team_id: team.teamId, cross_referral_id: xrefId, status: 'enrolled', start_on: '2026-11-12', quota: 29 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const second = await db.insertInto('team_session').values({ team_id: team.teamId, starts_at: new Date('2026-11-17T09:00:00Z'), duration_minutes: 60 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('attendance').values([
    { team_session_id: team.sessionId, enrolment_id: enrolment.id, team_id: team.teamId, status: 'attended' },
    { team_session_id: second.id, enrolment_id: enrolment.id, team_id: team.teamId, status: 'no_show' },
  ]).execute();
  await db.insertInto('provider_goal').values({ cross_referral_id: xrefId, description: 'Gå 2 km uden pause', status: 'partly_reached', set_on: '2026-11-12' }).execute();

  // A colleague's course, already ended from the team before the end note comes.
  otherXrefId = (await xref(colleagueId)).id;
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_contact_on: '2026-11-11', ended_on: '2026-11-18', end_reason: 'completed' }).where('id', '=', otherXrefId).execute();
  declinedXrefId = (await xref(colleagueId)).id;
  await db.updateTable('cross_referral').set({ provider_decision: 'declined', provider_decision_reason: 'Intet hold' }).where('id', '=', declinedXrefId).execute();
  pendingXrefId = (await xref(colleagueId)).id;
  // The team ended this citizen's enrolment because his health worsened: the end note should know.
  teamEndedXrefId = (await xref(colleagueId)).id;
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_contact_on: '2026-11-11', started_on: '2026-11-12' }).where('id', '=', teamEndedXrefId).execute();
  await db
    .insertInto('enrolment')
    .values({ team_id: team.teamId, cross_referral_id: teamEndedXrefId, status: 'ended', start_on: '2026-11-12', quota: 29, ended_on: '2026-11-19', end_reason: 'health_worsened' })
    .execute();

  app = await createTestApp(database); // today is 2026-11-22
  contact = await signIn(app, contactId);
  colleague = await signIn(app, colleagueId);
  homeTherapist = await signIn(app, homeTherapistId);
  provider = await signIn(app, providerId);
  ballerupContact = await signIn(app, ballerupContactId);
  ballerupTherapist = await signIn(app, ballerupTherapistId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const write = (id: string, payload: Record<string, unknown>, client = provider) => app.inject({ method: 'POST', url: `/api/provider-inbox/${id}/status-notes`, headers: client.headers, payload });
const get = (url: string, client: SignedInClient) => app.inject({ method: 'GET', url, headers: client.headers });
const noteCount = async () => Number((await database.db.selectFrom('status_note').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('status notes: the provider writes', () => {
  it('prefills attendance so far, the enrolment span and the goals', async () => {
    const res = await get(`/api/provider-inbox/${xrefId}/status-notes`, provider);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json<ProviderStatusNotes>();
    expect(data.prefill).toEqual({
      attendanceCount: 1,
      enrolmentStartOn: '2026-11-12',
      enrolmentEndOn: null,
      endReason: null,
      goals: [{ id: expect.any(String) as string, description: 'Gå 2 km uden pause', status: 'partly_reached', setOn: '2026-11-12' }],
    });
    expect(data).toMatchObject({ receivedOn: '2026-11-10', startedOn: '2026-11-12', endedOn: null, writtenKinds: [], notes: [] });
  });

  it("prefills the end note with the team's end date and reason, so the therapist does not type them twice", async () => {
    const res = await get(`/api/provider-inbox/${teamEndedXrefId}/status-notes`, provider);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ProviderStatusNotes>().prefill).toMatchObject({ enrolmentStartOn: '2026-11-12', enrolmentEndOn: '2026-11-19', endReason: 'health_worsened' });
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    expect(fieldsOf((await write(xrefId, { kind: 'end', body: 'Slut' })).body)).toEqual(['courseEndOn:required', 'attendanceCount:required', 'endReason:required']);
    const empty = await write(xrefId, { kind: 'start', body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty.body)).toEqual(['body:required']);
    expect(fieldsOf((await write(xrefId, { kind: 'start', body: 'x', attendanceCount: 3 })).body)).toEqual(['attendanceCount:end_note_only']);
    expect(fieldsOf((await write(xrefId, { kind: 'end', body: 'x', courseEndOn: '2026-11-23', attendanceCount: 1, endReason: 'completed' })).body)).toEqual(['courseEndOn:future_date']);
    expect(fieldsOf((await write(xrefId, { kind: 'end', body: 'x', courseEndOn: '2026-11-11', attendanceCount: 1, endReason: 'completed' })).body)).toEqual(['courseEndOn:before_start']);
    expect(fieldsOf((await write(xrefId, { kind: 'end', body: 'x', courseEndOn: '2026-02-30', attendanceCount: 1, endReason: 'completed' })).body)).toEqual(['courseEndOn:invalid_date']);
    expect(fieldsOf((await write(xrefId, { kind: 'whatever', body: 'x' })).body)).toEqual(['kind:invalid_value']);
    expect(fieldsOf((await write(xrefId, { kind: 'start', body: 'x', sentTo: 'y' })).body)).toEqual(['sentTo:unknown_field']);
    expect(await noteCount()).toBe(0);
  });

  it('writes one start note; a second is a conflict naming the kind', async () => {
    const res = await write(xrefId, { kind: 'start', body: 'Borgeren er startet på holdet.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<StatusNote>()).toMatchObject({ kind: 'start', writtenOn: '2026-11-22', authorName: 'Tove Terapeut', providerMunicipalityName: 'Gentofte', readAt: null, courseEndOn: null });
    const again = await write(xrefId, { kind: 'start', body: 'Igen' });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['kind:already_written']);
    expect((await write(xrefId, { kind: 'extra_support_needed', body: 'Har brug for psykologhjælp.' })).statusCode).toBe(201);
    expect((await write(xrefId, { kind: 'extra_support_needed', body: 'Fortsat brug for støtte.' })).statusCode).toBe(201);
  });

  it('the end note ends the referral and starts the closing-conversation clock per the policy (1 month)', async () => {
    const before = await get(`/api/courses/${courseId}/deadlines`, contact);
    expect(before.json<CourseDeadlines>().deadlines.map((d) => d.kind)).not.toContain('closing_conversation');
    const res = await write(xrefId, { kind: 'end', body: 'Forløbet er afsluttet.', courseEndOn: '2026-11-20', attendanceCount: 1, goalsReached: 'Delvist nået', endReason: 'dropped_out' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<StatusNote>()).toMatchObject({ kind: 'end', courseEndOn: '2026-11-20', attendanceCount: 1, goalsReached: 'Delvist nået', endReason: 'dropped_out' });
    const x = await database.db.selectFrom('cross_referral').select(['ended_on', 'end_reason']).where('id', '=', xrefId).executeTakeFirstOrThrow();
    expect(x).toEqual({ ended_on: '2026-11-20', end_reason: 'dropped_out' });
    const after = (await get(`/api/courses/${courseId}/deadlines`, contact)).json<CourseDeadlines>();
    expect(after.deadlines.find((d) => d.kind === 'closing_conversation')).toMatchObject({ actor: 'home', clockStartedOn: '2026-11-20', dueOn: '2026-12-20', metOn: null });
    const again = await write(xrefId, { kind: 'end', body: 'Igen', courseEndOn: '2026-11-21', attendanceCount: 1, endReason: 'completed' });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['kind:already_written']);
    const events = await listAuditEvents(database.db, { actorUserId: providerId, limit: 50 });
    expect(events.find((e) => e.action === 'status_note.write' && e.entityId === res.json<StatusNote>().id)).toMatchObject({ outcome: 'allowed', citizenId, detail: { kind: 'end', referralEnded: true } });
  });

  it('never overwrites an end already set from the team', async () => {
    const res = await write(otherXrefId, { kind: 'end', body: 'Borgeren er flyttet.', courseEndOn: '2026-11-19', attendanceCount: 0, endReason: 'moved' });
    expect(res.statusCode, res.body).toBe(201);
    const x = await database.db.selectFrom('cross_referral').select(['ended_on', 'end_reason']).where('id', '=', otherXrefId).executeTakeFirstOrThrow();
    expect(x).toEqual({ ended_on: '2026-11-18', end_reason: 'completed' });
  });

  it('refuses other municipalities, the home side, a declined and a not yet accepted referral; refusals are audited', async () => {
    expect((await get(`/api/provider-inbox/${xrefId}/status-notes`, ballerupTherapist)).statusCode).toBe(403);
    expect((await write(xrefId, { kind: 'significant_change', body: 'x' }, contact)).statusCode).toBe(403);
    expect((await write(declinedXrefId, { kind: 'start', body: 'x' })).statusCode).toBe(403);
    expect((await write(pendingXrefId, { kind: 'start', body: 'x' })).statusCode).toBe(409);
    expect((await get(`/api/provider-inbox/00000000-0000-4000-8000-000000000000/status-notes`, provider)).statusCode).toBe(404);
    const denied = (await listAuditEvents(database.db, { limit: 1000 })).filter((e) => e.outcome === 'denied' && e.action.startsWith('status_note.'));
    expect(denied.map((e) => [e.action, e.entityId, (e.detail as { reason: string }).reason])).toEqual(
      expect.arrayContaining([
        ['status_note.provider_list', xrefId, 'not_provider'],
        ['status_note.write', xrefId, 'not_provider'],
        ['status_note.write', declinedXrefId, 'declined'],
        ['status_note.provider_list', '00000000-0000-4000-8000-000000000000', 'not_found'],
      ]),
    );
  });
});

describe('status notes: the home municipality reads', () => {
  let endNoteId: string;

  it('counts unread notes of the municipality and of my courses', async () => {
    expect((await get('/api/status-notes/unread-count', contact)).json<StatusNoteUnreadCount>()).toEqual({ all: 5, mine: 4 });
    expect((await get('/api/status-notes/unread-count', colleague)).json<StatusNoteUnreadCount>()).toEqual({ all: 5, mine: 1 });
    expect((await get('/api/status-notes/unread-count', ballerupContact)).json<StatusNoteUnreadCount>()).toEqual({ all: 0, mine: 0 });
  });

  it('lists the inbox newest first, filtered to unread and mine, auditing each note shown', async () => {
    // Spread the sending times so the order is the test's, not the insertion's.
    const notes = await database.db.selectFrom('status_note').select(['id', 'kind', 'cross_referral_id']).execute();
    const at: Record<string, string> = { start: '2026-11-13T10:00:00Z', extra_support_needed: '2026-11-15T10:00:00Z', end: '2026-11-21T10:00:00Z' };
    for (const [i, n] of notes.entries()) {
      const sentAt = n.cross_referral_id === otherXrefId ? '2026-11-19T10:00:00Z' : (at[n.kind] ?? '').replace('10:00', `1${i}:00`);
      await database.db.updateTable('status_note').set({ sent_at: new Date(sentAt) }).where('id', '=', n.id).execute();
    }
    const all = (await get('/api/status-notes', contact)).json<StatusNoteInbox>().items;
    expect(all.map((n) => n.kind)).toEqual(['end', 'end', 'extra_support_needed', 'extra_support_needed', 'start']);
    expect(all[1]?.crossReferralId).toBe(otherXrefId);
    const mine = (await get('/api/status-notes?unread=true&mine=true', contact)).json<StatusNoteInbox>().items;
    expect(mine.map((n) => n.kind)).toEqual(['end', 'extra_support_needed', 'extra_support_needed', 'start']);
    expect(mine[0]).toMatchObject({ courseId, citizenName: 'Bente Testborger', interventionName: 'Indsats breast_training', readAt: null });
    endNoteId = mine[0]?.id ?? '';
    const bad = await get('/api/status-notes?unread=yes', contact);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['query.unread:invalid_value']);
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 100 });
    expect(events.filter((e) => e.action === 'status_note.inbox' && e.outcome === 'allowed')).toHaveLength(9);
  });

  it('opening a note marks it read the first time, by whom and when; the count drops', async () => {
    const res = await get(`/api/status-notes/${endNoteId}`, contact);
    expect(res.statusCode, res.body).toBe(200);
    const note = res.json<HomeStatusNote>();
    expect(note).toMatchObject({ kind: 'end', readAt: '2026-11-22T10:00:00.000Z', courseEndOn: '2026-11-20' });
    expect(note.readByName).toMatch(/^Test /);
    expect((await get('/api/status-notes/unread-count', contact)).json<StatusNoteUnreadCount>()).toEqual({ all: 4, mine: 3 });
    const again = (await get(`/api/status-notes/${endNoteId}`, colleague)).json<HomeStatusNote>();
    expect(again.readByName).toBe(note.readByName);
    const mine = (await get('/api/status-notes?unread=true&mine=true', contact)).json<StatusNoteInbox>().items;
    expect(mine.map((n) => n.id)).not.toContain(endNoteId);
    const events = await listAuditEvents(database.db, { citizenId, limit: 100 });
    expect(events.filter((e) => e.action === 'status_note.read').map((e) => (e.detail as { markedRead: boolean }).markedRead)).toEqual([false, true]);
  });

  it("lists a course's notes for the course page, without marking them read", async () => {
    const res = await get(`/api/courses/${courseId}/status-notes`, homeTherapist);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CourseStatusNotes>().items.map((n) => [n.kind, n.readAt === null])).toEqual([
      ['end', false],
      ['extra_support_needed', true],
      ['extra_support_needed', true],
      ['start', true],
    ]);
    expect((await get(`/api/courses/${courseId}/status-notes`, ballerupContact)).statusCode).toBe(403);
  });

  it('refuses other municipalities, the provider and therapists the inbox; refusals are audited', async () => {
    expect((await get(`/api/status-notes/${endNoteId}`, ballerupContact)).statusCode).toBe(403);
    expect((await get(`/api/status-notes/${endNoteId}`, provider)).statusCode).toBe(403);
    expect((await get('/api/status-notes', provider)).statusCode).toBe(403);
    expect((await get('/api/status-notes/unread-count', homeTherapist)).statusCode).toBe(403);
    expect((await get('/api/status-notes/00000000-0000-4000-8000-000000000000', contact)).statusCode).toBe(404);
    const denied = await listAuditEvents(database.db, { actorUserId: ballerupContactId, limit: 20 });
    expect(denied.find((e) => e.action === 'status_note.read')).toMatchObject({ outcome: 'denied', citizenId, entityId: endNoteId });
    const providerDenied = await listAuditEvents(database.db, { actorUserId: providerId, limit: 20 });
    expect(providerDenied.filter((e) => e.outcome === 'denied').map((e) => e.action)).toEqual(expect.arrayContaining(['status_note.read', 'status_note.inbox']));
  });
});
