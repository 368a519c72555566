import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogPage } from '@samkraft/contracts/access-log';
import type { MyDataFile } from '@samkraft/contracts/my-data';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from '../../test-support/citizen-sign-in.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const EINER = '0201609995';
const LONNI = '0201609996';

let database: Database;
let app: App;
let einer: SignedInCitizen;
let lonni: SignedInCitizen;
let karen: SignedInClient;
let tina: SignedInClient;
let bo: SignedInClient;
const ids = {} as Record<'karen' | 'tina' | 'bo' | 'einer' | 'lonni' | 'einerCourse' | 'lonniCourse', string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  ids.karen = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  ids.tina = await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'], displayName: 'Tina Terapeut' });
  ids.bo = await aStaffUser(db, { municipalityCode: '0151', roles: ['municipal_lead'], displayName: 'Bo Ballerup' });
  ids.einer = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: EINER, givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M', birthDate: '1960-01-02' });
  ids.lonni = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: LONNI, givenName: 'Lonni Test', familyName: 'Lauridsen', sex: 'F', birthDate: '1960-01-02' });
  ids.einerCourse = (await aReferralWithCourse(db, { citizenId: ids.einer, homeMunicipalityCode: '0159', contactPersonId: ids.karen })).courseId;
  ids.lonniCourse = (await aReferralWithCourse(db, { citizenId: ids.lonni, homeMunicipalityCode: '0159', receivedOn: '2026-10-01' })).courseId;
  app = await createTestApp(database, { citizenSignIn: demoCitizenSignIn() });
  karen = await signIn(app, ids.karen);
  tina = await signIn(app, ids.tina);
  bo = await signIn(app, ids.bo);
  einer = await signInAsCitizen(app, EINER);
  lonni = await signInAsCitizen(app, LONNI);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const myData = (c: SignedInCitizen, format = 'json') => app.inject({ method: 'GET', url: `/api/borger/my-data?format=${format}`, headers: { cookie: c.cookie } });
const request = (client: SignedInClient, courseId: string, body: unknown) => app.inject({ method: 'POST', url: `/api/courses/${courseId}/data-access-request`, headers: client.headers, payload: body as object });

describe('Mine data: the citizen’s own download', () => {
  it('gives the citizen a JSON file of their own data only (two citizens)', async () => {
    const res = await myData(einer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment; filename="mine-oplysninger-samkraft.json"');
    const file = res.json<MyDataFile>();
    expect(file.citizen).toEqual({ id: ids.einer, name: 'Einer Test Lauridsen' });
    expect(res.body).toContain(ids.einerCourse);
    expect(res.body).not.toContain(ids.lonniCourse);
    expect(res.body).not.toContain(ids.lonni);
    const other = await myData(lonni);
    expect(other.body).toContain(ids.lonniCourse);
    expect(other.body).not.toContain(ids.einerCourse);
  });

  it('gives a readable PDF', async () => {
    const res = await myData(einer, 'pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdfText(res.rawPayload);
    expect(text).toContain('Aktindsigt for Einer Test Lauridsen');
  });

  it('refuses a format it does not make, naming the field', async () => {
    const res = await myData(einer, 'xml');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('format');
  });

  it('needs a citizen session: a staff session gets 401', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/borger/my-data', headers: karen.headers });
    expect(res.statusCode).toBe(401);
  });
});

describe('aktindsigt for a written request (staff)', () => {
  it('lets the home municipality’s contact person produce it, recording the reference as the purpose the citizen sees', async () => {
    const res = await request(karen, ids.einerCourse, { reference: 'Brev af 1. december 2026, j.nr. 27.00.00-G01-12-26', format: 'json' });
    expect(res.statusCode).toBe(200);
    const file = res.json<MyDataFile>();
    expect(file.request).toEqual({ by: 'staff', reference: 'Brev af 1. december 2026, j.nr. 27.00.00-G01-12-26', municipality: '0159' });
    expect(res.body).toContain(ids.einerCourse);
    const log = (await app.inject({ method: 'GET', url: '/api/borger/access-log', headers: { cookie: einer.cookie } })).json<AccessLogPage>();
    expect(log.entries).toContainEqual(
      expect.objectContaining({ who: expect.objectContaining({ name: 'Karen Kontakt' }), what: { da: 'alle dine oplysninger (aktindsigt)', en: 'all your information (access request)' }, why: expect.objectContaining({ da: 'Skriftlig anmodning om aktindsigt: Brev af 1. december 2026, j.nr. 27.00.00-G01-12-26' }) }),
    );
  });

  it('makes the PDF too', async () => {
    const res = await request(karen, ids.einerCourse, { reference: 'j.nr. 12', format: 'pdf' });
    expect(res.statusCode).toBe(200);
    expect((await readPdfText(res.rawPayload)).text).toContain('j.nr. 12');
  });

  it('refuses a therapist and another municipality, audited, and a request without a reference', async () => {
    expect((await request(tina, ids.einerCourse, { reference: 'j.nr. 12', format: 'json' })).statusCode).toBe(403);
    expect((await request(bo, ids.einerCourse, { reference: 'j.nr. 12', format: 'json' })).statusCode).toBe(403);
    const denied = await database.db.selectFrom('audit_event').select(['actor_user_id', 'outcome']).where('action', '=', 'my_data.export').where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.actor_user_id).sort()).toEqual([ids.tina, ids.bo].sort());
    const bad = await request(karen, ids.einerCourse, { format: 'json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('reference');
  });
});
