import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentItemList, NeedsAssessmentList } from '@samkraft/contracts/assessments';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';

let database: Database;
let app: App;
let contact: SignedInClient;
let ballerup: SignedInClient;
let contactId: string;
let courseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  const other = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  const citizen = await aCitizen(db, { homeMunicipalityCode: '0159' });
  courseId = (await aReferralWithCourse(db, { citizenId: citizen, homeMunicipalityCode: '0159', contactPersonId: contactId })).courseId;
  app = await createTestApp(database); // today is 2026-11-22
  contact = await signIn(app, contactId);
  ballerup = await signIn(app, other);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const initial = {
  occasion: 'initial',
  assessedOn: '2026-11-10',
  scaleScore: 7,
  problems: [{ itemCode: 'physical.fatigue', note: 'Træt om eftermiddagen' }, { itemCode: 'psychological.worry' }],
  whatMattersMost: 'At kunne gå tur med hunden',
  professionalAssessment: 'Behov for fysisk træning og samtale',
};
const post = (client: SignedInClient, payload: unknown, id = courseId) =>
  app.inject({ method: 'POST', url: `/api/courses/${id}/needs-assessments`, headers: client.headers, payload: payload as object });
const count = async () => Number((await database.db.selectFrom('needs_assessment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('needs assessments', () => {
  it('lists the active items per area, in Danish and English', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/assessment-items', headers: contact.headers });
    expect(res.statusCode).toBe(200);
    const list = res.json<AssessmentItemList>();
    expect(list.areas.map((a) => a.area)).toEqual(['physical', 'psychological', 'social', 'practical', 'existential', 'work_economy', 'relatives']);
    expect(list.areas[0]?.items[0]).toMatchObject({ code: 'physical.fatigue', labelDa: 'Træthed og manglende energi' });
  });

  it('refuses bad input naming each field and stores nothing', async () => {
    const res = await post(contact, { ...initial, assessedOn: '2026-12-01', scaleScore: 11, whatMattersMost: ' ', problems: [{ itemCode: 'no.such' }] });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['scaleScore', 'whatMattersMost']));
    const res2 = await post(contact, { ...initial, assessedOn: '2026-12-01', problems: [{ itemCode: 'no.such' }] });
    expect(res2.statusCode).toBe(400);
    expect(res2.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toEqual(['assessedOn', 'problems[0].itemCode']);
    expect(await count()).toBe(0);
  });

  it('needs an initial assessment before a change assessment', async () => {
    const res = await post(contact, { ...initial, occasion: 'change' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('occasion');
  });

  it('stores the initial assessment with its audit event, and refuses a second initial with 409 naming occasion', async () => {
    const res = await post(contact, initial);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ occasion: 'initial', scaleScore: 7, problems: [{ itemCode: 'physical.fatigue', note: 'Træt om eftermiddagen' }, { itemCode: 'psychological.worry', note: null }] });
    const again = await post(contact, initial);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('occasion');
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 100 });
    expect(events.filter((e) => e.action === 'needs_assessment.create' && e.outcome === 'allowed')).toHaveLength(1);
  });

  it('shows the occasions in order and the change since the initial assessment', async () => {
    const change = { ...initial, occasion: 'change', assessedOn: '2026-11-20', scaleScore: 4, problems: [{ itemCode: 'physical.fatigue' }, { itemCode: 'physical.pain' }] };
    expect((await post(contact, change)).statusCode).toBe(201);
    const res = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/needs-assessments`, headers: contact.headers });
    expect(res.statusCode).toBe(200);
    const list = res.json<NeedsAssessmentList>();
    expect(list.assessments.map((a) => a.occasion)).toEqual(['initial', 'change']);
    expect(list.change?.scoreChange).toBe(-3);
    expect(list.change?.areas).toEqual([
      { area: 'physical', added: ['physical.pain'], resolved: [], continuing: ['physical.fatigue'] },
      { area: 'psychological', added: [], resolved: ['psychological.worry'], continuing: [] },
    ]);
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 100 });
    expect(events.some((e) => e.action === 'needs_assessment.read' && e.outcome === 'allowed')).toBe(true);
  });

  it("refuses another municipality's staff and audits the refusal", async () => {
    expect((await app.inject({ method: 'GET', url: `/api/courses/${courseId}/needs-assessments`, headers: ballerup.headers })).statusCode).toBe(403);
    expect((await post(ballerup, { ...initial, occasion: 'end' })).statusCode).toBe(403);
    expect(await count()).toBe(2);
  });
});
