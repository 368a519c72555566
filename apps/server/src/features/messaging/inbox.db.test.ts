import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { FhirBundle, FhirResource } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators } from '../../platform/fhir/r4-validation.ts';
import { aCitizen, anOrganisation, aReferralWithCourse } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { acknowledgedMessageOf } from '../medcom/acknowledgement-builder.ts';
import { readAcknowledgement } from '../medcom/acknowledgement-reader.ts';
import { careCommunicationFixture, careCommunicationFixtures, resourceOf } from '../medcom/medcom.test-helpers.ts';
import { validateAcknowledgement } from '../medcom/medcom-validation.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { fileDropFolders, fileDropTransport } from './file-drop.transport.ts';
import { receiveIncoming, runInboxPass } from './inbox.service.ts';
import type { InboxResult } from './inbox.types.ts';
import { runOutboxPass } from './outbox.service.ts';

// The four receivers of MedCom's test messages are made units of member municipalities (as the
// demo makes them), so the messages are addressed to Samkraft.
const UNITS = [
  { municipalityCode: '0159', name: 'Sundhedsplejen, Aabenraa kommune', sorCode: '330461000016004', gln: '5790001353308' },
  { municipalityCode: '0151', name: 'MedCom XDIS91', sorCode: '325251000016005', gln: '5790000121526' },
  { municipalityCode: '0157', name: 'Arden Lægehus', sorCode: '382871000016004', gln: '5790001387419' },
  { municipalityCode: '0163', name: '2100 Lægehuset Østerbro', sorCode: '1017421000016003', gln: '5790002408496' },
];
const BRUNO = '2509479989'; // official test person, the patient of most of MedCom's test messages
const PETER_X_ECPR = '0703921VJ6'; // the replacement CPR of R-Tek-CPR-3 and S-Tek-CPR

let database: Database;
let root: string;
let brunoCourseId: string;
let peterCourseId: string;
const clock = fixedClock('2026-11-22T10:00:00Z');

const count = async (direction: 'in' | 'out') => Number((await database.db.selectFrom('message').select((eb) => eb.fn.countAll().as('n')).where('direction', '=', direction).executeTakeFirstOrThrow()).n);
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const answerOf = (r: InboxResult): FhirBundle => {
  if (!r.answer) throw new Error(`no answer: ${JSON.stringify(r)}`);
  return JSON.parse(Buffer.from(r.answer.bytes).toString('utf8')) as FhirBundle;
};
const headerOf = (bundle: FhirBundle) => resourceOf(bundle, 'MessageHeader');
/** What must be the same in a duplicate's acknowledgement: everything but the envelope (Bundle.id, timestamp). */
const content = (bundle: FhirBundle) => ({ ...bundle, id: undefined, timestamp: undefined });
const deps = () => ({ db: database.db, clock });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  for (const u of UNITS) await anOrganisation(db, { kind: 'municipal_unit', ...u });
  const bruno = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: BRUNO, givenName: 'Bruno', familyName: 'Elmer', sex: 'M', birthDate: '1947-09-25' });
  brunoCourseId = (await aReferralWithCourse(db, { citizenId: bruno, homeMunicipalityCode: '0159' })).courseId;
  const peter = await aCitizen(db, { homeMunicipalityCode: '0151', cpr: PETER_X_ECPR, givenName: 'Peter', familyName: 'Hansen', sex: 'M', birthDate: '1992-03-07' });
  peterCourseId = (await aReferralWithCourse(db, { citizenId: peter, homeMunicipalityCode: '0151' })).courseId;
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-inbox-'));
  await loadR4Validators();
}, 120_000);
afterAll(async () => {
  await database.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('MedCom’s CareCommunication test messages dropped in the inbox', () => {
  it('each gets the acknowledgement its case expects, written to out/ and valid; the one invalid (R-Tek-M) a fatal-error with MSG_VALUESET_VALUE_UNKNOWN', async () => {
    const transport = fileDropTransport(root);
    const folders = fileDropFolders(root);
    const fixtures = careCommunicationFixtures();
    expect(fixtures).toHaveLength(15);
    fs.mkdirSync(folders.in, { recursive: true });
    fixtures.forEach(({ name, bundle }, i) => {
      const file = path.join(folders.in, `${name}.json`);
      fs.writeFileSync(file, JSON.stringify(bundle, null, 2));
      // In the order of the list (the inbox takes the oldest first): S-Tek-CPR comes after R-Tek-CPR-3.
      fs.utimesSync(file, new Date(2026, 0, 1, 0, 0, i), new Date(2026, 0, 1, 0, 0, i));
    });
    expect(await runInboxPass({ ...deps(), transport })).toEqual({ processed: 15, rejected: 0, failed: 0 });
    expect(fs.readdirSync(folders.processed).filter((f) => f.endsWith('.json'))).toHaveLength(15);
    expect(await runOutboxPass({ ...deps(), transport })).toMatchObject({ sent: 15, resent: 0, failed: 0, errors: 0 });

    const acks = fs.readdirSync(folders.out).map((f) => {
      expect(f).toMatch(/^acknowledgement-[0-9a-f-]{36}\.json$/);
      return JSON.parse(fs.readFileSync(path.join(folders.out, f), 'utf8')) as FhirBundle;
    });
    expect(acks).toHaveLength(15);
    for (const ack of acks) {
      const validation = await validateAcknowledgement(ack);
      expect(validation.valid, JSON.stringify(validation.issues)).toBe(true);
    }
    const byMessage = new Map<string, FhirBundle[]>();
    for (const ack of acks) {
      const id = readAcknowledgement(ack).acknowledgedMessageHeaderId ?? '';
      byMessage.set(id, [...(byMessage.get(id) ?? []), ack]);
    }
    for (const { name, bundle } of fixtures) {
      const answers = byMessage.get(headerOf(bundle).id ?? '') ?? [];
      const read = readAcknowledgement(answers[0]);
      if (name === 'R-Tek-M-dublicate-inv') {
        expect(read.code, name).toBe('fatal-error');
        expect(read.issues.map((i) => i.code)).toContain('MSG_VALUESET_VALUE_UNKNOWN');
      } else {
        expect(read.code, name).toBe('ok');
      }
      // The acknowledgement goes back to the sender, from the unit the message was addressed to.
      const original = acknowledgedMessageOf(bundle);
      expect(read.receiver?.sor, name).toBe(original?.sender.sor);
      expect(read.sender?.gln, name).toBe(original?.receiver?.gln);
      expect(UNITS.map((u) => u.gln)).toContain(read.sender?.gln);
    }
    // S-Tek-CPR repeats R-Tek-CPR-3's MessageHeader (same sender, new Bundle.id): a duplicate,
    // answered with the same acknowledgement content, and kept once.
    const cpr3 = byMessage.get(headerOf(careCommunicationFixture('R-Tek-CPR-3')).id ?? '') ?? [];
    expect(cpr3).toHaveLength(2);
    expect(content(cpr3[0]!)).toEqual(content(cpr3[1]!));
    expect(cpr3[0]!.id).not.toBe(cpr3[1]!.id);
    expect(await count('in')).toBe(14);

    const rows = await database.db.selectFrom('message').select(['letter_id', 'state', 'course_id', 'reason_code', 'duplicates']).where('direction', '=', 'in').execute();
    const state = (fixture: string) => rows.find((r) => r.letter_id === headerOf(careCommunicationFixture(fixture)).id);
    // Bruno is Gladsaxe's citizen with one open course: the messages to Gladsaxe's unit land on it.
    expect(state('R-A-new')).toMatchObject({ state: 'accepted', course_id: brunoCourseId });
    expect(state('R-Tek-K-dublicate')).toMatchObject({ state: 'accepted', course_id: brunoCourseId });
    // Peter is known to Ballerup by his replacement CPR.
    expect(state('R-Tek-CPR-3')).toMatchObject({ state: 'accepted', course_id: peterCourseId, duplicates: 1 });
    // To Ballerup about Bruno (not Ballerup's citizen), to Herlev's unit: an inbox for a person to place.
    expect(state('R-Tek-CPR-1')).toMatchObject({ state: 'unmatched', course_id: null });
    expect(state('S-Tek-B-new-episodeOfCare')).toMatchObject({ state: 'unmatched', course_id: null });
    expect(state('R-Tek-M-dublicate-inv')).toMatchObject({ state: 'refused', reason_code: 'MSG_VALUESET_VALUE_UNKNOWN' });

    // The system's writes of citizen data are audited with the citizen, never with the CPR.
    const audits = await database.db.selectFrom('audit_event').select(['action', 'citizen_id', 'detail', 'actor_label']).where('action', '=', 'message.receive').execute();
    expect(audits.length).toBeGreaterThanOrEqual(15);
    expect(audits.every((a) => a.actor_label === 'system:messaging')).toBe(true);
    expect(audits.filter((a) => a.citizen_id !== null).length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(audits)).not.toMatch(new RegExp(`${BRUNO}|${PETER_X_ECPR}`));
  }, 180_000);

  it('answers the same file twice with identical acknowledgement content and keeps it once', async () => {
    const before = await count('in');
    const bytes = json(careCommunicationFixture('R-Tek-K-dublicate'));
    const first = await receiveIncoming(deps(), { bytes });
    const second = await receiveIncoming(deps(), { bytes });
    expect(first).toMatchObject({ outcome: 'processed', duplicate: true });
    expect(second).toMatchObject({ outcome: 'processed', duplicate: true, messageId: (first as { messageId: string }).messageId });
    expect(content(answerOf(first))).toEqual(content(answerOf(second)));
    expect(await count('in')).toBe(before);
  }, 60_000);

  it('refuses a broken invariant with a fatal-error naming it, and an unknown receiver with MSG_Receiver_Identifier_UNKNOWN', async () => {
    // Priority is allowed only with the category regarding-referral (medcom-careCommunication-5).
    const broken = careCommunicationFixture('R-A-new');
    broken.id = 'broken-invariant-1';
    headerOf(broken).id = '00000000-0000-4000-8000-00000000b001';
    resourceOf(broken, 'Communication').priority = 'asap';
    const refused = await receiveIncoming(deps(), { bytes: json(broken) });
    expect(refused).toMatchObject({ outcome: 'processed', state: 'refused', duplicate: false });
    const read = readAcknowledgement(answerOf(refused));
    expect(read.code).toBe('fatal-error');
    expect(read.issues.map((i) => i.text).join(' ')).toMatch(/medcom-careCommunication-5/);

    const elsewhere = careCommunicationFixture('R-A-new');
    elsewhere.id = 'unknown-receiver-1';
    headerOf(elsewhere).id = '00000000-0000-4000-8000-00000000b002';
    const receiverRef = (headerOf(elsewhere).destination as { receiver: { reference: string } }[])[0]!.receiver.reference;
    const receiver = elsewhere.entry.map((e) => e.resource).find((r) => `Organization/${r.id}` === receiverRef) as FhirResource;
    // Plejecenter Herlev (MedCom's acknowledgement test messages): a real address, not Samkraft's.
    receiver.identifier = [
      { use: 'official', system: 'urn:oid:1.2.208.176.1.1', value: '953741000016009' },
      { use: 'official', system: 'https://www.gs1.org/gln', value: '5790001348120' },
    ];
    const unknown = await receiveIncoming(deps(), { bytes: json(elsewhere) });
    expect(unknown).toMatchObject({ outcome: 'processed', state: 'refused' });
    const ack = answerOf(unknown);
    expect(readAcknowledgement(ack)).toMatchObject({ code: 'fatal-error', issues: [{ code: 'MSG_Receiver_Identifier_UNKNOWN' }] });
    expect((await validateAcknowledgement(ack)).valid).toBe(true);
  }, 60_000);

  it('rejects malformed JSON, XML, a non-message and an empty file with the reason beside them, keeping nothing', async () => {
    const transport = fileDropTransport(root);
    const folders = fileDropFolders(root);
    const [inBefore, outBefore] = [await count('in'), await count('out')];
    const files: Record<string, string> = {
      'broken.json': '{"resourceType": "Bundle", ',
      'broken.xml': '<?xml version="1.0"?><Emessage><Envelope>',
      'patient.json': JSON.stringify({ resourceType: 'Patient', id: 'p1', identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: BRUNO }] }),
      'notes.txt': 'Kære kommune, her er et brev.',
      'empty.json': '',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folders.in, name), text);
    expect(await runInboxPass({ ...deps(), transport })).toEqual({ processed: 0, rejected: 5, failed: 0 });
    const rejected = fs.readdirSync(folders.rejected);
    for (const name of Object.keys(files)) {
      const reasonFile = rejected.find((f) => f.endsWith(`${name}.reason.txt`));
      expect(reasonFile, name).toBeDefined();
      const reason = fs.readFileSync(path.join(folders.rejected, reasonFile!), 'utf8');
      expect(reason).not.toContain(BRUNO);
      if (name === 'broken.json') expect(reason).toMatch(/not valid JSON \(MSG_BAD_SYNTAX\)/);
      if (name === 'patient.json') expect(reason).toMatch(/not a FHIR Bundle/);
      if (name === 'notes.txt') expect(reason).toMatch(/neither a FHIR message \(JSON\) nor an OIOXML letter/);
      if (name === 'empty.json') expect(reason).toMatch(/empty/);
      if (name === 'broken.xml') expect(reason).toMatch(/hospital referral refused \(malformed\)/);
    }
    expect([await count('in'), await count('out')]).toEqual([inBefore, outBefore]);
  }, 60_000);

  it('takes an acknowledgement of a message Samkraft never sent as refused and logged, never acknowledged, never an error', async () => {
    const outBefore = await count('out');
    const ack = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../refdata/fhir/medcom/acknowledgement/Ack-AA_A-ok-b3c91031-85e6-4793-bca5-7b0de166fbf2.json'), 'utf8')) as unknown;
    const result = await receiveIncoming(deps(), { bytes: json(ack) });
    expect(result).toMatchObject({ outcome: 'processed', kind: 'acknowledgement', state: 'refused', answer: null });
    const row = await database.db.selectFrom('message').select(['reason_code']).where('id', '=', (result as { messageId: string }).messageId).executeTakeFirstOrThrow();
    expect(row.reason_code).toBe('unknown_message');
    expect(await count('out')).toBe(outBefore);
    // The same acknowledgement again is counted on its first row.
    expect(await receiveIncoming(deps(), { bytes: json(ack) })).toMatchObject({ outcome: 'processed', duplicate: true, answer: null });
  }, 60_000);

  it('takes an OIOXML hospital referral (XREF01) into hospital-referrals and sends its XCTL03 receipt, the same letter again its receipt in a new envelope', async () => {
    // MedCom's XREF01 test letter, addressed to EAN 5790000201389: made Egedal's unit here.
    await anOrganisation(database.db, { kind: 'municipal_unit', name: 'Egedal Kommune, Sundhed og Rehabilitering', gln: '5790000201389', municipalityCode: '0240' });
    const xref01 = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../refdata/medcom-oioxml/examples/edifactconverter_XREF01_REF01_1.xml'));
    const transport = fileDropTransport(root);
    const folders = fileDropFolders(root);
    for (const f of fs.readdirSync(folders.out)) fs.unlinkSync(path.join(folders.out, f));
    const first = await receiveIncoming(deps(), { bytes: xref01 });
    expect(first).toMatchObject({ outcome: 'processed', kind: 'hospital_referral', state: 'accepted', duplicate: false, answer: { format: 'oioxml', code: 'positive' } });
    const again = await receiveIncoming(deps(), { bytes: xref01 });
    expect(again).toMatchObject({ outcome: 'processed', kind: 'hospital_referral', duplicate: true, messageId: (first as { messageId: string }).messageId, answer: { code: 'positive' } });
    expect(Number((await database.db.selectFrom('draft_referral').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(1);
    await runOutboxPass({ ...deps(), transport });
    const receipts = fs.readdirSync(folders.out).filter((f) => f.startsWith('receipt-'));
    expect(receipts).toHaveLength(2);
    expect(receipts.every((f) => /^receipt-SKK[0-9A-F]{11}\.xml$/.test(f))).toBe(true);
    const texts = receipts.map((f) => fs.readFileSync(path.join(folders.out, f), 'utf8'));
    expect(texts.every((t) => t.includes('<PositiveReceipt>'))).toBe(true);
    // The same receipt letter, each time in its own envelope.
    const letterIds = texts.map((t) => /<Letter><Identifier>([^<]+)<\/Identifier>/.exec(t)?.[1]);
    expect(new Set(letterIds).size).toBe(1);
    const row = await database.db.selectFrom('message').select(['duplicates', 'municipality_code']).where('id', '=', (first as { messageId: string }).messageId).executeTakeFirstOrThrow();
    expect(row).toEqual({ duplicates: 1, municipality_code: '0240' });
  }, 120_000);
});
