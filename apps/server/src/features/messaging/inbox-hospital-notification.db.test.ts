import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators } from '../../platform/fhir/r4-validation.ts';
import { aCitizen, anOrganisation, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { getCourseHospitalStay, setHospitalNotificationSetting } from '../hospital-notifications/hospital-notification.service.ts';
import { readAcknowledgement } from '../medcom/acknowledgement-reader.ts';
import { aboutCitizen, addressedTo, hospitalNotificationFixture, ofStay, resent, resourceIn } from '../medcom/hospitalnotification.test-helpers.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { receiveIncoming } from './inbox.service.ts';
import type { InboxResult } from './inbox.types.ts';

// Gladsaxe's unit is the receiver of Samkraft's HospitalNotification fixtures (as in the demo).
const GLADSAXE = '0159';
const BRUNO = '2509479989'; // official test person, the citizen of the fixtures
const CAESAR = { cpr: '2311143995', family: 'Østergård', given: ['Cæsar', 'Test'] }; // official test person, no course here

let database: Database;
let courseId: string;
let admin: StaffActor;
let contactPerson: StaffActor;
const clock = fixedClock('2026-03-10T10:00:00Z');
const logged: string[] = [];
const log = { info: (o: object, m: string) => logged.push(JSON.stringify(o) + m), warn: (o: object, m: string) => logged.push(JSON.stringify(o) + m), error: (o: object, m: string) => logged.push(JSON.stringify(o) + m) };

const receive = (bundle: FhirBundle) => receiveIncoming({ db: database.db, clock, log }, { bytes: Buffer.from(JSON.stringify(bundle)) });
const ackOf = (r: InboxResult) => {
  if (r.outcome !== 'processed' || !r.answer) throw new Error(`no acknowledgement: ${JSON.stringify(r)}`);
  return JSON.parse(Buffer.from(r.answer.bytes).toString('utf8')) as FhirBundle;
};
const stays = () => database.db.selectFrom('hospital_stay').selectAll().execute();
const messageRow = (letterId: string) => database.db.selectFrom('message').selectAll().where('direction', '=', 'in').where('letter_id', '=', letterId).executeTakeFirstOrThrow();
const letterOf = (bundle: FhirBundle) => resourceIn(bundle, 'MessageHeader').id ?? '';
const courseStay = async () => (await getCourseHospitalStay({ db: database.db, actor: contactPerson, clock }, courseId)).stay;
const stayAudits = async () => Number((await database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll().as('n')).where('action', 'like', 'hospital_stay.%').executeTakeFirstOrThrow()).n);
const actAs = (act: boolean) => setHospitalNotificationSetting({ db: database.db, actor: admin, clock }, GLADSAXE, act);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  await anOrganisation(db, { kind: 'municipal_unit', municipalityCode: GLADSAXE, name: 'Sundhedsplejen, Aabenraa kommune', sorCode: '330461000016004', gln: '5790001353308' });
  const bruno = await aCitizen(db, { homeMunicipalityCode: GLADSAXE, cpr: BRUNO, givenName: 'Bruno Test', familyName: 'Elmer', sex: 'M', birthDate: '1947-09-25' });
  courseId = (await aReferralWithCourse(db, { citizenId: bruno, homeMunicipalityCode: GLADSAXE })).courseId;
  const actor = (userId: string, roles: StaffActor['roles']): StaffActor => ({ kind: 'staff', userId, username: userId, displayName: 'Test', municipalityCode: GLADSAXE, roles, profession: 'nurse' });
  admin = actor(await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['administrator'] }), ['administrator']);
  contactPerson = actor(await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['contact_person'] }), ['contact_person']);
  await loadR4Validators();
}, 120_000);
afterAll(async () => {
  await database.close();
});

describe('a hospital notification while the municipality does not act on them (the default)', () => {
  it('is validated and acknowledged ok, kept only as its ids for the duplicate check — no content, no citizen, no stay', async () => {
    const bundle = aboutCitizen(ofStay(hospitalNotificationFixture('STIN'), 9, 'stay-while-off'), { cpr: BRUNO, family: 'Elmer', given: ['Bruno', 'Test'] });
    const result = await receive(bundle);
    expect(result).toMatchObject({ outcome: 'processed', kind: 'hospital_notification', state: 'accepted', duplicate: false });
    expect(readAcknowledgement(ackOf(result))).toMatchObject({ code: 'ok', acknowledgedMessageHeaderId: letterOf(bundle) });
    const row = await messageRow(letterOf(bundle));
    expect({ citizen: row.citizen_id, course: row.course_id, payload: row.payload.length, municipality: row.municipality_code }).toEqual({ citizen: null, course: null, payload: 0, municipality: GLADSAXE });
    expect(await stays()).toEqual([]);
    expect(await courseStay()).toBeNull();
  });
});

describe('a hospital notification once the municipality acts on them', () => {
  it('an admission of the citizen with an open course flags the course: admitted since when, at which department; the message is kept on the citizen', async () => {
    await actAs(true);
    const stin = hospitalNotificationFixture('STIN');
    const result = await receive(stin);
    expect(readAcknowledgement(ackOf(result)).code).toBe('ok');
    expect(await courseStay()).toEqual({ kind: 'admitted', since: '2026-03-02T07:00:00.000Z', department: 'Hjerteafdelingen på Herlev og Gentofte hospital', onLeaveSince: null });
    const row = await messageRow(letterOf(stin));
    expect(row.citizen_id).not.toBeNull();
    expect(row.payload.length).toBeGreaterThan(0);
  });

  it('the same admission again (a resend in a new envelope) gets the same acknowledgement and is not applied twice', async () => {
    const audits = await stayAudits();
    const first = await messageRow(letterOf(hospitalNotificationFixture('STIN')));
    const again = await receive(resent(hospitalNotificationFixture('STIN'), '2c7e1f3d-3c8e-4a4f-9d2b-1e0f9a8b7c99'));
    expect(again).toMatchObject({ outcome: 'processed', duplicate: true });
    const ack = ackOf(again);
    expect(readAcknowledgement(ack)).toMatchObject({ code: 'ok', acknowledgedMessageHeaderId: letterOf(hospitalNotificationFixture('STIN')) });
    expect((await messageRow(first.letter_id ?? '')).duplicates).toBe(1);
    expect(await stays()).toHaveLength(1);
    expect(await stayAudits()).toBe(audits);
  });

  it('a correction moves the admission; a leave shows on leave since; its end clears that; a discharge clears the flag', async () => {
    await receive(hospitalNotificationFixture('RE_STIN'));
    expect(await courseStay()).toMatchObject({ since: '2026-03-02T06:30:00.000Z', onLeaveSince: null });
    await receive(hospitalNotificationFixture('STOR'));
    expect(await courseStay()).toMatchObject({ onLeaveSince: '2026-03-05T13:00:00.000Z' });
    await receive(hospitalNotificationFixture('SLOR'));
    expect(await courseStay()).toMatchObject({ onLeaveSince: null });
    await receive(hospitalNotificationFixture('SLHJ'));
    expect(await courseStay()).toBeNull();
    expect((await stays()).map((s) => [s.status, s.activity])).toEqual([['finished', 'discharge-inpatient-home']]);
  });

  it('a cancellation of the admission clears the flag of its stay', async () => {
    await receive(ofStay(hospitalNotificationFixture('STIN'), 2, 'stay-cancelled'));
    expect(await courseStay()).toMatchObject({ kind: 'admitted' });
    await receive(ofStay(hospitalNotificationFixture('AN_STIN'), 2, 'stay-cancelled'));
    expect(await courseStay()).toBeNull();
  });

  it('out of order: an admission that arrives after its discharge changes nothing; an acute ambulant stay flags as such', async () => {
    await receive(ofStay(hospitalNotificationFixture('SLHJ'), 3, 'stay-late'));
    const late = await receive(ofStay(hospitalNotificationFixture('STIN'), 3, 'stay-late'));
    expect(readAcknowledgement(ackOf(late)).code).toBe('ok');
    expect(await courseStay()).toBeNull();
    await receive(hospitalNotificationFixture('STAA'));
    expect(await courseStay()).toEqual({ kind: 'emergency', since: '2026-03-12T09:00:04.000Z', department: 'Hjerteafdelingen på Herlev og Gentofte hospital', onLeaveSince: null });
  });

  it('a citizen without an open course here is acknowledged ok, and nothing of it is kept', async () => {
    const before = await stays();
    const bundle = aboutCitizen(ofStay(hospitalNotificationFixture('STIN'), 4, 'stay-of-another'), CAESAR);
    expect(readAcknowledgement(ackOf(await receive(bundle))).code).toBe('ok');
    expect(await stays()).toEqual(before);
    const row = await messageRow(letterOf(bundle));
    expect([row.citizen_id, row.payload.length]).toEqual([null, 0]);
  });

  it('switching acting off removes every stay kept and the flag, audited per citizen', async () => {
    expect(await courseStay()).not.toBeNull();
    const setting = await actAs(false);
    expect(setting).toMatchObject({ act: false });
    expect(await stays()).toEqual([]);
    expect(await courseStay()).toBeNull();
    const deleted = await database.db.selectFrom('audit_event').select('citizen_id').where('action', '=', 'hospital_stay.delete').execute();
    expect(deleted.length).toBeGreaterThan(0);
  });
});

describe('a hospital notification that cannot be taken', () => {
  it('one addressed to a unit that is not Samkraft’s is refused with MSG_Receiver_Identifier_UNKNOWN and acts on nothing', async () => {
    await actAs(true);
    const bundle = addressedTo(ofStay(hospitalNotificationFixture('STIN'), 5, 'stay-elsewhere'), { sor: '953741000016009', gln: '5790001348120', name: 'Plejecenter Herlev' });
    const result = await receive(bundle);
    const ack = readAcknowledgement(ackOf(result));
    expect(ack.code).toBe('fatal-error');
    expect(ack.issues.map((i) => i.code)).toEqual(['MSG_Receiver_Identifier_UNKNOWN']);
    expect(result).toMatchObject({ state: 'refused' });
    expect(await stays()).toEqual([]);
  });

  it('a malformed one is refused with the guide’s error code naming the element; nothing of it half-stored, its CPR in no log line', async () => {
    const bundle = ofStay(hospitalNotificationFixture('STIN'), 6, 'stay-malformed');
    resourceIn(bundle, 'Encounter').status = 'planned';
    const result = await receive(bundle);
    const ack = readAcknowledgement(ackOf(result));
    expect(ack.code).toBe('fatal-error');
    expect(ack.issues[0]).toMatchObject({ code: 'MSG_VALUESET_VALUE_UNKNOWN' });
    expect(ack.issues[0]?.expression).toEqual(['Bundle.entry[2].resource.ofType(Encounter).status']);
    const row = await messageRow(letterOf(bundle));
    expect({ state: row.state, citizen: row.citizen_id, payload: row.payload.length, reason: row.reason_code }).toEqual({ state: 'refused', citizen: null, payload: 0, reason: 'MSG_VALUESET_VALUE_UNKNOWN' });
    expect(await stays()).toEqual([]);
    expect(logged.length).toBeGreaterThan(5);
    expect(logged.join('\n')).not.toContain(BRUNO);
  });
});
