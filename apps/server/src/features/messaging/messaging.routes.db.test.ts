import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagePage, MessageSummary, UnmatchedMessageList } from '@samkraft/contracts/messaging';
import type { Database } from '../../platform/database/database.ts';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators } from '../../platform/fhir/r4-validation.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, anOrganisation, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { readAcknowledgement } from '../medcom/acknowledgement-reader.ts';
import { acknowledgementFixtures, careCommunicationFixture, resourceOf } from '../medcom/medcom.test-helpers.ts';
import { validateAcknowledgement } from '../medcom/medcom-validation.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';

const TOKEN = 'a-shared-token-of-the-network-proxy-0123456789';
const BALLERUP_UNIT = { municipalityCode: '0151', name: 'MedCom XDIS91', sorCode: '325251000016005', gln: '5790000121526' };
const GLADSAXE_UNIT = { municipalityCode: '0159', name: 'Sundhedsplejen, Aabenraa kommune', sorCode: '330461000016004', gln: '5790001353308' };

let database: Database;
let app: App;
let unconfigured: App;
let admin: SignedInClient;
let ballerupContact: SignedInClient;
let ballerupTherapist: SignedInClient;
let gladsaxeContact: SignedInClient;
let ballerupCourseId: string;
let gladsaxeCourseId: string;

const post = (target: App, body: unknown, headers: Record<string, string> = {}) =>
  target.inject({ method: 'POST', url: '/api/messages', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${TOKEN}`, ...headers }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
const auditsOf = (action: string) => database.db.selectFrom('audit_event').select(['citizen_id', 'outcome', 'entity_id', 'detail']).where('action', '=', action).execute();

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  await anOrganisation(db, { kind: 'municipal_unit', ...BALLERUP_UNIT });
  await anOrganisation(db, { kind: 'municipal_unit', ...GLADSAXE_UNIT });
  const ballerupContactId = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  const citizen = await aCitizen(db, { homeMunicipalityCode: '0151' });
  ballerupCourseId = (await aReferralWithCourse(db, { citizenId: citizen, homeMunicipalityCode: '0151', contactPersonId: ballerupContactId })).courseId;
  const other = await aCitizen(db, { homeMunicipalityCode: '0159' });
  gladsaxeCourseId = (await aReferralWithCourse(db, { citizenId: other, homeMunicipalityCode: '0159' })).courseId;
  app = await createTestApp(database, { messaging: { token: TOKEN, limitPerMinute: 1000 } });
  unconfigured = await createTestApp(database);
  admin = await signIn(app, await aStaffUser(db, { municipalityCode: '0151', roles: ['administrator'] }));
  ballerupContact = await signIn(app, ballerupContactId);
  ballerupTherapist = await signIn(app, await aStaffUser(db, { municipalityCode: '0151', roles: ['therapist'] }));
  gladsaxeContact = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] }));
  await loadR4Validators();
}, 120_000);
afterAll(async () => {
  await app.close();
  await unconfigured.close();
  await database.close();
});

describe('POST /api/messages (the health network’s FHIR messages)', () => {
  it('refuses every message while no token is configured, and a wrong or missing token', async () => {
    const message = careCommunicationFixture('R-Tek-CPR-1');
    expect((await post(unconfigured, message)).statusCode).toBe(403);
    expect((await post(app, message, { authorization: 'Bearer wrong-token' })).statusCode).toBe(401);
    expect((await post(app, message, { authorization: '' })).statusCode).toBe(401);
    expect(await database.db.selectFrom('message').select('id').execute()).toEqual([]);
  });

  it('answers a CareCommunication with its acknowledgement Bundle, and the same message again with the same content', async () => {
    const message = careCommunicationFixture('R-Tek-CPR-1');
    const res = await post(app, message);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const ack = res.json<FhirBundle>();
    expect((await validateAcknowledgement(ack)).valid).toBe(true);
    expect(readAcknowledgement(ack)).toMatchObject({ code: 'ok', acknowledgedMessageHeaderId: resourceOf(message, 'MessageHeader').id });
    const again = await post(app, message);
    expect(again.statusCode).toBe(200);
    const ack2 = again.json<FhirBundle>();
    expect({ ...ack2, id: undefined, timestamp: undefined }).toEqual({ ...ack, id: undefined, timestamp: undefined });
    expect(ack2.id).not.toBe(ack.id);
    expect(await database.db.selectFrom('message').select('id').where('direction', '=', 'in').execute()).toHaveLength(1);
  }, 60_000);

  it('takes an acknowledgement without answering it (202), and refuses what is not a message, naming why', async () => {
    const ack = acknowledgementFixtures()[0]!.bundle;
    const taken = await post(app, ack);
    expect(taken.statusCode, taken.body).toBe(202);
    const broken = await post(app, '{"resourceType": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ error: { fields: { field: string; message: string }[] } }>().error.fields[0]).toMatchObject({ field: 'body', message: expect.stringMatching(/not valid JSON/) });
    const notAMessage = await post(app, { resourceType: 'Patient' });
    expect(notAMessage.statusCode).toBe(400);
    const xml = await app.inject({ method: 'POST', url: '/api/messages', headers: { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}` }, payload: '<Emessage/>' });
    expect(xml.statusCode).toBe(415);
  });

  it('is rate-limited per address', async () => {
    const limited = await createTestApp(database, { messaging: { token: TOKEN, limitPerMinute: 2 } });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await post(limited, '{')).statusCode);
      expect(codes).toEqual([400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('the inbox and outbox for people', () => {
  it('shows administrators every message with its state, and no one else', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/messages?direction=out&kind=acknowledgement', headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<MessagePage>();
    expect(page.total).toBe(2);
    expect(page.items.every((m) => m.direction === 'out' && m.state === 'queued')).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/messages', headers: ballerupContact.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/messages?state=nonsense', headers: admin.headers })).statusCode).toBe(400);
  });

  it('counts at most 10,000 and says there are more (ten years of messages are not counted on every page)', async () => {
    const db = database.db;
    await sql`insert into message (direction, format, kind, state, envelope_id, content_type, payload)
              select 'out', 'oioxml', 'receipt', 'sent', 'COUNT-CAP-' || n, 'application/xml', '\x3c782f3e'::bytea from generate_series(1, 10001) n`.execute(db);
    try {
      const page = (await app.inject({ method: 'GET', url: '/api/messages?kind=receipt&limit=10', headers: admin.headers })).json<MessagePage>();
      expect([page.total, page.totalCapped, page.items.length]).toEqual([10_000, true, 10]);
      const some = (await app.inject({ method: 'GET', url: '/api/messages?direction=out&kind=acknowledgement', headers: admin.headers })).json<MessagePage>();
      expect([some.total, some.totalCapped]).toEqual([2, false]);
    } finally {
      await db.deleteFrom('message').where('envelope_id', 'like', 'COUNT-CAP-%').execute();
    }
  });

  it("lists the municipality's unmatched messages to its contact persons (each shown audited), and places one on a course", async () => {
    const list = await app.inject({ method: 'GET', url: '/api/messages/unmatched', headers: ballerupContact.headers });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<UnmatchedMessageList>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ patientName: 'Bruno Test Elmer', patientIdentifier: '250947-9989', patientIdentifierKind: 'cpr', senderName: 'MedCom FDIS91', category: expect.any(String) });
    expect((await auditsOf('message.unmatched_list')).map((a) => a.entity_id)).toEqual([items[0]!.id]);
    expect((await app.inject({ method: 'GET', url: '/api/messages/unmatched', headers: gladsaxeContact.headers })).json<UnmatchedMessageList>().items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/messages/unmatched', headers: ballerupTherapist.headers })).statusCode).toBe(403);

    const placeUrl = `/api/messages/${items[0]!.id}/place`;
    expect((await app.inject({ method: 'POST', url: placeUrl, headers: gladsaxeContact.headers, payload: { courseId: gladsaxeCourseId } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: placeUrl, headers: ballerupContact.headers, payload: { courseId: gladsaxeCourseId } })).statusCode).toBe(403);
    const placed = await app.inject({ method: 'POST', url: placeUrl, headers: ballerupContact.headers, payload: { courseId: ballerupCourseId } });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json<MessageSummary>()).toMatchObject({ id: items[0]!.id, state: 'accepted' });
    const audits = (await auditsOf('message.place')).filter((a) => a.outcome === 'allowed');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.citizen_id).not.toBeNull();
    expect((await app.inject({ method: 'POST', url: placeUrl, headers: ballerupContact.headers, payload: { courseId: ballerupCourseId } })).statusCode).toBe(409);
    const course = await app.inject({ method: 'GET', url: `/api/courses/${ballerupCourseId}/messages`, headers: ballerupContact.headers });
    expect(course.json<{ items: MessageSummary[] }>().items.map((m) => [m.direction, m.kind, m.state])).toEqual([['in', 'care_communication', 'accepted']]);
    expect((await app.inject({ method: 'GET', url: '/api/messages/unmatched', headers: ballerupContact.headers })).json<UnmatchedMessageList>().items).toEqual([]);
  });
});
