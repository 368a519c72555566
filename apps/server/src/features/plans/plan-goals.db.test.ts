import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingNoteDraft } from '@samkraft/contracts/closings';
import type { FollowUp } from '@samkraft/contracts/follow-ups';
import type { ActionPlan, ActionPlanDraft, ActionPlanOverview } from '@samkraft/contracts/plans';
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
let citizenId: string;
let courseId: string;
let otherCourseId: string;

type ErrorBody = { error: { fields: { field: string; code: string }[] } };
const fieldsOf = (body: string) => (JSON.parse(body) as ErrorBody).error.fields.map((f) => `${f.field}:${f.code}`);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  const contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  const ballerupId = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
  courseId = (await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', receivedOn: '2026-10-01', contactPersonId: contactId })).courseId;
  otherCourseId = (await aReferralWithCourse(db, { citizenId: await aCitizen(db, { homeMunicipalityCode: '0159' }), homeMunicipalityCode: '0159', contactPersonId: contactId })).courseId;
  app = await createTestApp(database); // today is 2026-11-22
  contact = await signIn(app, contactId);
  ballerup = await signIn(app, ballerupId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const plan = (difficultiesAndNeeds: string) => ({
  agreedOn: '2026-10-20',
  difficultiesAndNeeds,
  purposeAndContent: 'Holdtræning og samtaler',
  location: 'Gladsaxe',
  responsibilities: [{ part: 'Koordinering', responsible: 'Karen Kontakt' }],
  otherAdministrations: 'Ingen',
  evaluationOn: '2027-01-20',
  evaluationBy: 'Kontaktpersonen',
  firstFollowUpOn: '2026-11-10',
  goals: [{ description: 'Gå 2 km uden pause' }, { description: 'Klare indkøb selv' }, { description: 'Sove igennem' }],
});

describe('the assessment feeds the plan, and the goals are judged over time (issue 10.22)', () => {
  it('drafts a new plan’s difficulties and needs from the latest needs assessment, audited', async () => {
    const none = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans/draft`, headers: contact.headers });
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json<ActionPlanDraft>()).toEqual({ difficultiesAndNeeds: null, basedOn: null });

    const assessment = {
      occasion: 'initial',
      assessedOn: '2026-10-15',
      scaleScore: 7,
      problems: [{ itemCode: 'physical.fatigue', note: 'Træt om eftermiddagen' }, { itemCode: 'psychological.worry' }],
      whatMattersMost: 'At kunne gå tur med hunden',
      professionalAssessment: 'Behov for fysisk træning og samtale',
    };
    const saved = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/needs-assessments`, headers: contact.headers, payload: assessment });
    expect(saved.statusCode, saved.body).toBe(201);

    const res = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans/draft`, headers: contact.headers });
    const draft = res.json<ActionPlanDraft>();
    expect(draft.basedOn).toMatchObject({ occasion: 'initial', assessedOn: '2026-10-15' });
    expect(draft.difficultiesAndNeeds).toBe(
      [
        'Fra behovsvurderingen 15. oktober 2026 (indledende), borgerens belastning 7 af 10:',
        '- Fysisk: Træthed og manglende energi (Træt om eftermiddagen)',
        '- Psykisk: Bekymring, angst eller uro',
        'Det vigtigste for borgeren: At kunne gå tur med hunden',
        'Den sundhedsfaglige vurdering: Behov for fysisk træning og samtale',
      ].join('\n'),
    );

    const refused = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans/draft`, headers: ballerup.headers });
    expect(refused.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { citizenId, limit: 100 });
    expect(events.filter((e) => e.action === 'action_plan.draft').map((e) => e.outcome).sort()).toEqual(['allowed', 'allowed', 'denied']);

    // The user saves the (edited) draft as version 1.
    const created = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/action-plans`, headers: contact.headers, payload: plan(`${draft.difficultiesAndNeeds ?? ''}\nAftalt med borgeren.`) });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<ActionPlan>().difficultiesAndNeeds).toContain('Træthed og manglende energi (Træt om eftermiddagen)');
  });

  it('records each goal’s status at a follow-up and at the closing conversation; the closing note shows the latest', async () => {
    const overview = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans`, headers: contact.headers })).json<ActionPlanOverview>();
    const [walk, shop, sleep] = overview.current?.goals ?? [];
    if (!walk || !shop || !sleep) throw new Error('the plan has three goals');
    const followUps = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/follow-ups`, headers: contact.headers })).json<{ followUps: FollowUp[] }>().followUps;
    const followUpId = followUps[0]?.id ?? '';
    const held = { heldOn: '2026-11-10', channel: 'phone', note: 'Målene drøftet', planRevised: false };

    // A goal of another course's plan is refused, naming it, and nothing is recorded.
    await app.inject({ method: 'POST', url: `/api/courses/${otherCourseId}/action-plans`, headers: contact.headers, payload: plan('Andet forløb') });
    const foreign = (await app.inject({ method: 'GET', url: `/api/courses/${otherCourseId}/action-plans`, headers: contact.headers })).json<ActionPlanOverview>().current?.goals[0]?.id ?? '';
    const bad = await app.inject({ method: 'POST', url: `/api/follow-ups/${followUpId}/held`, headers: contact.headers, payload: { ...held, goals: [{ goalId: walk.id, status: 'reached' }, { goalId: foreign, status: 'reached' }] } });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['goals[1].goalId:not_goal_of_plan']);
    const dup = await app.inject({ method: 'POST', url: `/api/follow-ups/${followUpId}/held`, headers: contact.headers, payload: { ...held, goals: [{ goalId: walk.id, status: 'reached' }, { goalId: walk.id, status: 'dropped' }] } });
    expect(fieldsOf(dup.body)).toEqual(['goals:duplicate']);
    expect(await database.db.selectFrom('plan_goal_status').selectAll().execute()).toEqual([]);

    const atFollowUp = await app.inject({
      method: 'POST',
      url: `/api/follow-ups/${followUpId}/held`,
      headers: contact.headers,
      payload: { ...held, goals: [{ goalId: walk.id, status: 'partly_reached' }, { goalId: shop.id, status: 'not_reached' }] },
    });
    expect(atFollowUp.statusCode, atFollowUp.body).toBe(200);
    const afterFollowUp = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans`, headers: contact.headers })).json<ActionPlanOverview>().current?.goals;
    expect(afterFollowUp?.map((g) => [g.status, g.statusRecordedOn])).toEqual([
      ['partly_reached', '2026-11-10'],
      ['not_reached', '2026-11-10'],
      ['open', null],
    ]);

    const conversation = {
      heldOn: '2026-11-20',
      evaluation: 'Forløbet er evalueret.',
      planOnward: null,
      citizenExperience: null,
      questionnaire: 'not_asked',
      satisfaction: null,
      benefit: null,
      endAssessmentId: null,
      goals: [{ goalId: walk.id, status: 'reached' }, { goalId: sleep.id, status: 'dropped' }],
    };
    const closing = await app.inject({ method: 'PUT', url: `/api/courses/${courseId}/closing/conversation`, headers: contact.headers, payload: conversation });
    expect(closing.statusCode, closing.body).toBe(200);

    const draft = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/closing/note/draft`, headers: contact.headers });
    const body = draft.json<ClosingNoteDraft>().body;
    expect(body).toContain(
      [
        'Mål:',
        '1. Gå 2 km uden pause – nået (vurderet 20. november 2026)',
        '2. Klare indkøb selv – ikke nået (vurderet 10. november 2026)',
        '3. Sove igennem – opgivet (vurderet 20. november 2026)',
      ].join('\n'),
    );
    expect(body).not.toContain('ikke vurderet');

    // The history stays: one row per judgement, each tied to its conversation.
    const history = await database.db.selectFrom('plan_goal_status').select(['plan_goal_id', 'status', 'occasion', 'recorded_on']).orderBy('recorded_on').orderBy('status').execute();
    expect(history).toEqual([
      { plan_goal_id: shop.id, status: 'not_reached', occasion: 'follow_up', recorded_on: '2026-11-10' },
      { plan_goal_id: walk.id, status: 'partly_reached', occasion: 'follow_up', recorded_on: '2026-11-10' },
      { plan_goal_id: sleep.id, status: 'dropped', occasion: 'closing', recorded_on: '2026-11-20' },
      { plan_goal_id: walk.id, status: 'reached', occasion: 'closing', recorded_on: '2026-11-20' },
    ]);
    const events = await listAuditEvents(database.db, { citizenId, limit: 100 });
    expect(events.filter((e) => e.action === 'plan_goal.status')).toHaveLength(2);
  });
});
