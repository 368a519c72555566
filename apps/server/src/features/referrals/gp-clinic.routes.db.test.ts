import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitizenDetail } from '@samkraft/contracts/citizens';
import type { ClosingNoteDraft, ClosingOverview } from '@samkraft/contracts/closings';
import { citizenGpUpdate } from '@samkraft/contracts/citizens';
import { newReferralBody } from '@samkraft/contracts/referrals';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const RASMUS = '0504909989';
const NIELS = '3001749995';
// MedCom's XREF01/REF01 test message names its GP by ydernummer 079741 (refdata/README.md).
const YDERNUMMER = '079741';

let database: Database;
let app: App;
let contact: SignedInClient;
let ballerup: SignedInClient;
let contactId: string;
let knownClinicId: string;

type ErrorBody = { error: { fields: { field: string; code: string }[] } };
const fieldsOf = (body: string) => (JSON.parse(body) as ErrorBody).error.fields.map((f) => `${f.field}:${f.code}`);

const referral = (cpr: string, gp: unknown) => ({
  citizen: { cpr, givenName: 'Rasmus Test', familyName: 'Lauridsen' },
  receivedOn: '2026-11-16',
  source: 'self',
  legalBasis: 'SUL119',
  diagnosisCode: 'DC50',
  treatmentStatus: 'under_treatment',
  targetGroup: 'in_group',
  gp,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  const ballerupId = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  knownClinicId = (await db.insertInto('organisation').values({ kind: 'gp_clinic', name: 'Lægerne Stengårdsvej', address: 'Stengårdsvej 1, 2860 Søborg' }).returning('id').executeTakeFirstOrThrow()).id;
  app = await createTestApp(database); // today is 2026-11-22
  contact = await signIn(app, contactId);
  ballerup = await signIn(app, ballerupId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the GP clinic (issue 10.15)', () => {
  it('refuses a bad ydernummer or SOR code in the contract, naming the field', () => {
    const bad = newReferralBody.safeParse(referral(RASMUS, { name: 'Lægehuset', ydernummer: '79741', sorCode: '12345' }));
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => `${i.path.join('.')}:${(i as { params?: { code?: string } }).params?.code ?? i.code}`);
    expect(paths).toEqual(['gp.ydernummer:ydernummer_format', 'gp.sorCode:sor_format']);
    expect(newReferralBody.safeParse(referral(RASMUS, { name: 'Lægehuset', ydernummer: YDERNUMMER, sorCode: '451000016003' })).success).toBe(true);
    expect(citizenGpUpdate.safeParse({ gp: { name: 'Lægehuset', ydernummer: '0797410' } }).success).toBe(false);
  });

  it('answers a bad ydernummer with 400 naming gp.ydernummer, and a new clinic without numbers naming them', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/referrals', headers: contact.headers, payload: referral(RASMUS, { name: 'Lægehuset', ydernummer: '7974A1' }) });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['gp.ydernummer:ydernummer_format']);
    const none = await app.inject({ method: 'POST', url: '/api/referrals', headers: contact.headers, payload: referral(RASMUS, { name: 'Lægehuset' }) });
    expect(fieldsOf(none.body)).toEqual(['gp.ydernummer:gp_identifier_required']);
    expect(await database.db.selectFrom('citizen').select('id').execute()).toEqual([]);
  });

  it('keeps the GP given in the referral on the citizen, and the closing note is addressed to it with its ydernummer', async () => {
    const gp = { name: 'Lægehuset Testvej', ydernummer: YDERNUMMER, address: 'Testvej 1, 2860 Søborg', phone: '44 44 44 44' };
    const res = await app.inject({ method: 'POST', url: '/api/referrals', headers: contact.headers, payload: referral(RASMUS, gp) });
    expect(res.statusCode, res.body).toBe(201);
    const { citizenId, courseId } = res.json<{ citizenId: string; courseId: string }>();
    await database.db.insertInto('course_assignment').values({ course_id: courseId, staff_user_id: contactId }).execute();

    const citizen = await app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: contact.headers });
    expect(citizen.json<CitizenDetail>().gp).toMatchObject({ name: 'Lægehuset Testvej', ydernummer: YDERNUMMER, address: 'Testvej 1, 2860 Søborg' });

    const overview = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/closing`, headers: contact.headers });
    expect(overview.json<ClosingOverview>().gp).toMatchObject({ name: 'Lægehuset Testvej', ydernummer: YDERNUMMER, address: 'Testvej 1, 2860 Søborg' });
    const draft = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/closing/note/draft`, headers: contact.headers });
    expect(draft.statusCode, draft.body).toBe(200);
    const body = draft.json<ClosingNoteDraft>().body;
    expect(body).toContain('Egen læge: Lægehuset Testvej (ydernr. 079741), Testvej 1, 2860 Søborg.');
    expect(body).not.toContain('Ikke oplyst');

    const saved = await app.inject({ method: 'PUT', url: `/api/courses/${courseId}/closing/note`, headers: contact.headers, payload: { body } });
    expect(saved.statusCode, saved.body).toBe(200);
    const pdf = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/closing/note/pdf`, headers: contact.headers });
    expect(pdf.statusCode).toBe(200);
    const { text } = await readPdfText(pdf.rawPayload);
    expect(text).toContain('Egen læge');
    expect(text).toContain('079741');
    expect(text).not.toContain('Ikke oplyst');
  });

  it('finds a clinic by ydernummer instead of adding it twice, and lets the contact person change it later, audited', async () => {
    const again = await app.inject({ method: 'POST', url: '/api/referrals', headers: contact.headers, payload: referral(NIELS, { name: 'Lægehuset Testvej (skrevet igen)', ydernummer: YDERNUMMER }) });
    expect(again.statusCode, again.body).toBe(201);
    const clinics = await database.db.selectFrom('organisation').select('name').where('ydernummer', '=', YDERNUMMER).execute();
    expect(clinics).toEqual([{ name: 'Lægehuset Testvej' }]);
    const found = await app.inject({ method: 'GET', url: '/api/organisations?kind=gp_clinic&q=0797', headers: contact.headers });
    expect(found.json<{ name: string }[]>().map((o) => o.name)).toEqual(['Lægehuset Testvej']);

    const { citizenId } = again.json<{ citizenId: string }>();
    const url = `/api/citizens/${citizenId}/gp`;
    const refused = await app.inject({ method: 'PUT', url, headers: ballerup.headers, payload: { gp: { organisationId: knownClinicId } } });
    expect(refused.statusCode).toBe(403);
    const changed = await app.inject({ method: 'PUT', url, headers: contact.headers, payload: { gp: { organisationId: knownClinicId } } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ citizenId, gp: { id: knownClinicId, name: 'Lægerne Stengårdsvej', ydernummer: null } });
    const events = await listAuditEvents(database.db, { citizenId, limit: 50 });
    expect(events.filter((e) => e.action === 'citizen.gp').map((e) => e.outcome).sort()).toEqual(['allowed', 'denied']);
    const notGp = await app.inject({ method: 'PUT', url, headers: contact.headers, payload: { gp: { sorCode: '12345' } } });
    expect(fieldsOf(notGp.body)).toEqual(['gp.sorCode:sor_format']);
  });
});
