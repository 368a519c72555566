import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftReferralDetail, DraftReferralList, OioxmlUploadResult } from '@samkraft/contracts/hospital-referrals';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { parseXml, textAt } from '../../platform/xml/xml-tree.ts';
import { validateXsd } from '../../platform/xml/xsd.ts';
import { aCitizen, aMunicipalUnit, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { oioxml2005Schemas } from './oioxml-schemas.ts';
import { HOSPITAL_REFERRALS_SYSTEM, receiveHospitalReferral } from './receive-referral.service.ts';

// MedCom's XREF01 test letter (refdata/medcom-oioxml): from the GP clinic Lægehuset (ydernummer
// 079741, EAN 5790000121526) to EAN 5790000201389, about the official test person Ruddi Test
// Berggren (1502779995). Its bytes are windows-1252; variants change ASCII text only, byte for byte.
const XREF01 = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../refdata/medcom-oioxml/examples/edifactconverter_XREF01_REF01_1.xml'));
const RECEIVER_EAN = '5790000201389';
const RUDDI = '1502779995';
const NANCY = '2512489996';
const EGEDAL = '0240';

function letter(changes: Record<string, string> = {}): Buffer {
  let text = XREF01.toString('latin1');
  for (const [from, to] of Object.entries(changes)) text = text.replaceAll(from, to);
  return Buffer.from(text, 'latin1');
}
const upload = (bytes: Buffer | string) => ({ contentBase64: Buffer.from(bytes).toString('base64') });

let database: Database;
let app: App;
let admin: SignedInClient;
let egedalContact: SignedInClient;
let egedalContactId: string;
let egedalTherapist: SignedInClient;
let gladsaxeContact: SignedInClient;

type ErrorBody = { error: { code: string; message: string; fields: { field: string; code: string; params?: Record<string, unknown> }[] } };
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;
const fieldsOf = (body: string) => errorOf(body).fields.map((f) => `${f.field}:${f.code}`);
const count = async (table: 'draft_referral' | 'referral') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function post<T>(client: SignedInClient, url: string, payload: unknown): Promise<{ status: number; body: T; raw: string }> {
  const res = await app.inject({ method: 'POST', url, headers: client.headers, payload: payload as Record<string, unknown> });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as T, raw: res.body };
}
async function get<T>(client: SignedInClient, url: string): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method: 'GET', url, headers: client.headers });
  return { status: res.statusCode, body: JSON.parse(res.body) as T };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  // Egedal's rehabilitation unit receives hospital referrals at the test letter's receiver EAN.
  await aMunicipalUnit(db, { municipalityCode: EGEDAL, name: 'Egedal Kommune, Sundhed og Rehabilitering', ean: RECEIVER_EAN });
  const adminId = await aStaffUser(db, { municipalityCode: '0151', roles: ['administrator'] });
  egedalContactId = await aStaffUser(db, { municipalityCode: EGEDAL, roles: ['contact_person'], displayName: 'Tina Kontakt' });
  const therapistId = await aStaffUser(db, { municipalityCode: EGEDAL, roles: ['therapist'] });
  const gladsaxeId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  app = await createTestApp(database); // today is 2026-11-22
  admin = await signIn(app, adminId);
  egedalContact = await signIn(app, egedalContactId);
  egedalTherapist = await signIn(app, therapistId);
  gladsaxeContact = await signIn(app, gladsaxeId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('receiving an XREF01 (POST /api/draft-referrals/oioxml)', () => {
  let first: OioxmlUploadResult;

  it('stores the letter once as a pending draft of the municipality whose unit has the receiver EAN, answered with an XCTL03 valid against the XSD', async () => {
    const res = await post<OioxmlUploadResult>(admin, '/api/draft-referrals/oioxml', upload(XREF01));
    expect(res.status, res.raw).toBe(200);
    first = res.body;
    expect(first).toMatchObject({ outcome: 'received', municipalityCode: EGEDAL, municipalityName: 'Egedal', receipt: { kind: 'positive' } });
    const xml = first.receipt?.xml ?? '';
    expect(await validateXsd(oioxml2005Schemas(), xml)).toEqual({ valid: true });
    const receipt = parseXml(xml);
    expect(textAt(receipt, 'PositiveReceipt', 'Receiver', 'EANIdentifier')).toBe('5790000121526');
    expect(textAt(receipt, 'PositiveReceipt', 'OriginalEmessage', 'OriginalLetter', 'OriginalLetterIdentifier')).toBe('Brv5678');
    const row = await database.db.selectFrom('draft_referral').selectAll().where('id', '=', first.draftId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'pending', municipality_code: EGEDAL, sender_ean: '5790000121526', letter_id: 'Brv5678', cpr: RUDDI, diagnosis_code: 'DI10', receipt_xml: xml });
    expect(row.clinical_reason).toBe('Hypertensionsudredning + behandling samt diætvejledning vedrørende overvægt');
  });

  it('answers the same letter again with the same receipt and no second draft', async () => {
    const again = await post<OioxmlUploadResult>(admin, '/api/draft-referrals/oioxml', upload(XREF01));
    expect(again.body).toEqual({ ...first, outcome: 'duplicate' });
    expect(await count('draft_referral')).toBe(1);
  });

  it('refuses a letter to an unknown receiver (stored nowhere) with a negative receipt ukendt_lokationsnummer for the transport', async () => {
    const bytes = letter({ [RECEIVER_EAN]: '5790000000005', Brv5678: 'Brv0001' });
    const res = await post<unknown>(admin, '/api/draft-referrals/oioxml', upload(bytes));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.raw)).toEqual(['file:unknown_receiver']);
    const result = await receiveHospitalReferral({ db: database.db, actor: HOSPITAL_REFERRALS_SYSTEM, clock: fixedClock('2026-11-22T10:00:00Z') }, bytes);
    expect(result).toMatchObject({ outcome: 'refused', refusal: { problem: 'unknown_receiver' }, receipt: { kind: 'negative' } });
    const xml = result.receipt?.xml ?? '';
    expect(await validateXsd(oioxml2005Schemas(), xml)).toEqual({ valid: true });
    expect(textAt(parseXml(xml), 'NegativeReceipt', 'OriginalEmessage', 'RefuseCode')).toBe('ukendt_lokationsnummer');
    expect(await count('draft_referral')).toBe(1);
  });

  it('refuses a letter the schema refuses with syntaksfejl, naming the line, and stores nothing', async () => {
    const bytes = letter({ '<Priority>elektiv</Priority>': '<Priority>snarest</Priority>', Brv5678: 'Brv0002' });
    const res = await post<unknown>(admin, '/api/draft-referrals/oioxml', upload(bytes));
    expect(res.status).toBe(400);
    const line = bytes.toString('latin1').split('\n').findIndex((l) => l.includes('snarest')) + 1;
    expect(errorOf(res.raw).fields).toEqual([{ field: 'file', code: 'xml_schema', message: expect.stringContaining(`Element 'Priority'`), params: { line } }]);
    const result = await receiveHospitalReferral({ db: database.db, actor: HOSPITAL_REFERRALS_SYSTEM, clock: fixedClock('2026-11-22T10:00:00Z') }, bytes);
    expect(result).toMatchObject({ outcome: 'refused', refusal: { problem: 'schema', line }, receipt: { kind: 'negative' } });
    expect(textAt(parseXml(result.receipt?.xml ?? ''), 'NegativeReceipt', 'OriginalEmessage', 'RefuseCode')).toBe('syntaksfejl');
    expect(await validateXsd(oioxml2005Schemas(), result.receipt?.xml ?? '')).toEqual({ valid: true });
    expect(await count('draft_referral')).toBe(1);
  });

  it('refuses what is not a hospital referral with a clear reason: not XML, malformed, XXE, another letter type, too large', async () => {
    const cases: [string | Buffer, string][] = [
      ['%PDF-1.7', 'file:not_xml'],
      ['', 'file:file_empty'],
      ['<?xml version="1.0"?>\n<Emessage>\n<Envelope></Emessage>', 'file:xml_malformed'],
      ['<?xml version="1.0"?>\n<!DOCTYPE Emessage [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Emessage>&xxe;</Emessage>', 'file:xml_doctype'],
      [fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../refdata/medcom-oioxml/examples/medcom_Flow2-XCTL03_Ex_from_FHIR_XDIS91.xml')), 'file:wrong_letter_type'],
      ['<Bundle xmlns="http://hl7.org/fhir"/>', 'file:wrong_letter_type'],
      // One byte over the limit still fits the request; more is refused before it is read (413).
      [`<a>${'x'.repeat(512 * 1024 - 6)}</a>`, 'file:file_too_large'],
    ];
    for (const [bytes, expected] of cases) {
      const res = await post<unknown>(admin, '/api/draft-referrals/oioxml', upload(bytes));
      expect(res.status, expected).toBe(400);
      expect(fieldsOf(res.raw), expected).toEqual([expected]);
      expect(errorOf(res.raw).message).not.toMatch(/passwd/);
    }
    expect((await post<unknown>(admin, '/api/draft-referrals/oioxml', upload(`<a>${'x'.repeat(600 * 1024)}</a>`))).status).toBe(413);
    const bad = await post<unknown>(admin, '/api/draft-referrals/oioxml', { contentBase64: 'not base64!' });
    expect(fieldsOf(bad.raw)).toEqual(['contentBase64:invalid_format']);
    expect(await count('draft_referral')).toBe(1);
  });

  it('lets only administrators upload, and audits the receipt as the system without the CPR', async () => {
    const res = await post<unknown>(egedalContact, '/api/draft-referrals/oioxml', upload(XREF01));
    expect(res.status).toBe(403);
    const events = await database.db.selectFrom('audit_event').select(['actor_label', 'action', 'outcome', 'entity_id', 'detail']).where('action', 'like', 'draft_referral.%').orderBy('id').execute();
    expect(events.filter((e) => e.action === 'draft_referral.receive' && e.outcome === 'allowed').map((e) => e.actor_label)).toEqual(['system:hospital-referrals', 'system:hospital-referrals']);
    expect(events.filter((e) => e.action === 'draft_referral.upload' && e.outcome === 'allowed')).toHaveLength(2);
    expect(events.find((e) => e.action === 'draft_referral.receive' && e.outcome === 'failed')?.detail).toMatchObject({ problem: 'unknown_receiver', receipt: 'negative' });
    expect(events.some((e) => e.action === 'draft_referral.upload' && e.outcome === 'denied')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(RUDDI);
    expect(JSON.stringify(events)).not.toContain('Berggren');
  });
});

describe('reviewing drafts', () => {
  let draftId: string;
  beforeAll(async () => {
    draftId = (await database.db.selectFrom('draft_referral').select('id').where('letter_id', '=', 'Brv5678').executeTakeFirstOrThrow()).id;
  });

  it("lists the receiving municipality's pending drafts with the count, audited per draft", async () => {
    const list = await get<DraftReferralList>(egedalContact, '/api/draft-referrals');
    expect(list.status).toBe(200);
    expect(list.body.drafts).toEqual([
      {
        id: draftId,
        receivedAt: '2026-11-22T10:00:00.000Z',
        state: 'pending',
        senderName: 'Lægehuset',
        referrerName: 'Hans Jensen',
        patientName: 'Ruddi Test Berggren',
        patientIdentifier: '150277-9995',
        diagnosisText: 'DI10 Blodtryksforhøjelse af ukendt årsag.',
      },
    ]);
    expect((await get<{ pending: number }>(egedalContact, '/api/draft-referrals/pending-count')).body).toEqual({ pending: 1 });
    const listed = await database.db.selectFrom('audit_event').select('entity_id').where('action', '=', 'draft_referral.list').where('actor_user_id', '=', egedalContactId).execute();
    expect(listed.map((e) => e.entity_id)).toEqual([draftId]);
  });

  it('opens a draft with its texts and what the intake form starts from', async () => {
    const res = await get<DraftReferralDetail>(egedalContact, `/api/draft-referrals/${draftId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'pending',
      sender: { ean: '5790000121526', identifier: '079741', identifierCode: 'ydernummer', organisationName: 'Lægehuset', referrerName: 'Hans Jensen' },
      patient: { cpr: RUDDI, givenName: 'Ruddi Test', familyName: 'Berggren' },
      diagnosis: { code: 'DI10', type: 'SKSdiagnosekode' },
      texts: { cave: 'Fenoxymetylpenicillin (1994 Ringsted Sgh. med larynxødem)' },
      decision: null,
      prefill: { receivedOn: '2026-11-22', source: 'gp', diagnosisCode: null, referringText: 'Lægehuset, ydernummer 079741, Hans Jensen', citizen: { cpr: RUDDI, phone: '20222324' } },
    });
  });

  it('refuses another municipality, a therapist and an unknown draft, auditing the refusals', async () => {
    expect((await get(gladsaxeContact, `/api/draft-referrals/${draftId}`)).status).toBe(403);
    expect((await post(gladsaxeContact, `/api/draft-referrals/${draftId}/reject`, { reason: 'Ikke vores' })).status).toBe(403);
    expect((await get<DraftReferralList>(gladsaxeContact, '/api/draft-referrals')).body.drafts).toEqual([]);
    expect((await get(egedalTherapist, '/api/draft-referrals')).status).toBe(403);
    expect((await get(admin, `/api/draft-referrals/${draftId}`)).status).toBe(403);
    expect((await get(egedalContact, '/api/draft-referrals/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const denied = await database.db.selectFrom('audit_event').select(['action', 'entity_id']).where('outcome', '=', 'denied').where('action', 'like', 'draft_referral.%').execute();
    expect(denied).toEqual(expect.arrayContaining([{ action: 'draft_referral.read', entity_id: draftId }, { action: 'draft_referral.reject', entity_id: draftId }]));
  });

  it('accepts only with what the typed intake demands, naming each missing field, and leaves the draft pending', async () => {
    const res = await post<unknown>(egedalContact, `/api/draft-referrals/${draftId}/accept`, { citizen: { cpr: RUDDI, givenName: 'Ruddi Test', familyName: 'Berggren' }, receivedOn: '2026-11-22', source: 'gp', referringText: 'Lægehuset' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.raw)).toEqual(['legalBasis:required', 'diagnosisCode:required', 'treatmentStatus:required', 'targetGroup:required']);
    const other = await post<unknown>(egedalContact, `/api/draft-referrals/${draftId}/accept`, { ...complete(), citizen: { cpr: NANCY, givenName: 'Nancy Ann', familyName: 'Berggren' } });
    expect(fieldsOf(other.raw)).toEqual(['citizen.cpr:draft_cpr_mismatch']);
    expect((await database.db.selectFrom('draft_referral').select('state').where('id', '=', draftId).executeTakeFirstOrThrow()).state).toBe('pending');
    expect(await count('referral')).toBe(0);
  });

  it('for a citizen with an open course asks to confirm as the typed intake does, then registers a linked referral (origin medcom) and marks the draft accepted in the same transaction', async () => {
    const ruddi = await aCitizen(database.db, { homeMunicipalityCode: EGEDAL, cpr: RUDDI, givenName: 'Ruddi Test', familyName: 'Berggren', sex: 'M', birthDate: '1977-02-15' });
    const open = await aReferralWithCourse(database.db, { citizenId: ruddi, homeMunicipalityCode: EGEDAL, receivedOn: '2026-09-01' });
    const conflict = await post<unknown>(egedalContact, `/api/draft-referrals/${draftId}/accept`, complete());
    expect(conflict.status).toBe(409);
    expect(fieldsOf(conflict.raw)).toEqual(['allowDuplicate:open_course']);
    expect((await database.db.selectFrom('draft_referral').select('state').where('id', '=', draftId).executeTakeFirstOrThrow()).state).toBe('pending');

    const accepted = await post<{ referralId: string; courseId: string; citizenId: string; citizenCreated: boolean; linkedTo: unknown; draftId: string }>(egedalContact, `/api/draft-referrals/${draftId}/accept`, { ...complete(), allowDuplicate: true });
    expect(accepted.status, accepted.raw).toBe(201);
    expect(accepted.body).toMatchObject({ draftId, citizenId: ruddi, citizenCreated: false, linkedTo: { referralId: open.referralId, courseId: open.courseId } });
    const referral = await database.db.selectFrom('referral').select(['origin', 'source', 'diagnosis_code', 'referring_text', 'home_municipality_code']).where('id', '=', accepted.body.referralId).executeTakeFirstOrThrow();
    expect(referral).toEqual({ origin: 'medcom', source: 'gp', diagnosis_code: 'DC61', referring_text: 'Lægehuset, ydernummer 079741, Hans Jensen', home_municipality_code: EGEDAL });
    const draft = await database.db.selectFrom('draft_referral').select(['state', 'referral_id', 'decided_by']).where('id', '=', draftId).executeTakeFirstOrThrow();
    expect(draft).toEqual({ state: 'accepted', referral_id: accepted.body.referralId, decided_by: egedalContactId });
    const detail = await get<DraftReferralDetail>(egedalContact, `/api/draft-referrals/${draftId}`);
    expect(detail.body.decision).toMatchObject({ byName: 'Tina Kontakt', referralId: accepted.body.referralId, courseId: accepted.body.courseId, reason: null });
    const audited = await database.db.selectFrom('audit_event').select(['citizen_id', 'entity_id']).where('action', '=', 'draft_referral.accept').where('outcome', '=', 'allowed').execute();
    expect(audited).toEqual([{ citizen_id: ruddi, entity_id: draftId }]);
    expect((await get<{ pending: number }>(egedalContact, '/api/draft-referrals/pending-count')).body).toEqual({ pending: 0 });
  });

  it('refuses to accept or reject a draft decided already', async () => {
    expect((await post(egedalContact, `/api/draft-referrals/${draftId}/accept`, { ...complete(), allowDuplicate: true })).status).toBe(409);
    expect((await post(egedalContact, `/api/draft-referrals/${draftId}/reject`, { reason: 'Dobbelt' })).status).toBe(409);
    expect(await count('referral')).toBe(2);
  });

  it('accepts a new citizen from a draft and rejects another with its reason', async () => {
    const nancy = await post<OioxmlUploadResult>(admin, '/api/draft-referrals/oioxml', upload(letter({ [RUDDI]: NANCY, 'Ruddi Test': 'Nancy Ann', Brv5678: 'Brv0003' })));
    const accepted = await post<{ citizenCreated: boolean }>(egedalContact, `/api/draft-referrals/${nancy.body.draftId}/accept`, {
      ...complete(),
      citizen: { cpr: NANCY, givenName: 'Nancy Ann', familyName: 'Berggren', addressLine: 'Park Alle 48', postalCode: '3400', city: 'Hillerød' },
    });
    expect(accepted.status, accepted.raw).toBe(201);
    expect(accepted.body.citizenCreated).toBe(true);

    const other = await post<OioxmlUploadResult>(admin, '/api/draft-referrals/oioxml', upload(letter({ Brv5678: 'Brv0004' })));
    expect((await post(egedalContact, `/api/draft-referrals/${other.body.draftId}/reject`, { reason: '  ' })).status).toBe(400);
    const rejected = await post<{ state: string }>(egedalContact, `/api/draft-referrals/${other.body.draftId}/reject`, { reason: 'Ikke kræft: henvist til hypertensionsudredning' });
    expect(rejected.body).toEqual({ draftId: other.body.draftId, state: 'rejected' });
    const detail = await get<DraftReferralDetail>(egedalContact, `/api/draft-referrals/${other.body.draftId}`);
    expect(detail.body).toMatchObject({ state: 'rejected', decision: { reason: 'Ikke kræft: henvist til hypertensionsudredning', referralId: null, byName: 'Tina Kontakt' } });
    expect((await get<DraftReferralList>(egedalContact, '/api/draft-referrals?state=rejected')).body.drafts.map((d) => d.id)).toEqual([other.body.draftId]);
  });
});

function complete() {
  return {
    citizen: { cpr: RUDDI },
    receivedOn: '2026-11-22',
    source: 'gp',
    legalBasis: 'SUL119',
    referringText: 'Lægehuset, ydernummer 079741, Hans Jensen',
    diagnosisCode: 'DC61',
    treatmentStatus: 'under_treatment',
    targetGroup: 'in_group',
  };
}
