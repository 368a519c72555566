import fs from 'node:fs';
import path from 'node:path';
import { roles, type Role } from '@samkraft/contracts/common';
import type { Db } from '../platform/database/database.ts';
import type { App } from '../platform/http/types.ts';
import { seedReferenceData } from '../features/reference-data/reference-data.seed.ts';
import { buildCareCommunication } from '../features/medcom/carecommunication-builder.ts';
import { PDF_BASE64 } from '../features/medcom/medcom.test-helpers.ts';
import { hashPassword } from '../features/auth/password.ts';
import type { Relation } from './access-policy.ts';
import { TODAY } from './access-requests.ts';
import { signInAsCitizen, type SignedInCitizen } from './citizen-sign-in.ts';
import { aCitizen, aCrossReferral, aMunicipality, anOffering, anOrganisation, aReferralWithCourse, aStaffUser, aTeamWithSession } from './factories.ts';
import { signIn, type SignedInClient } from './test-app.ts';

/*
 * The records the access policy test calls every route about (access-policy.db.test.ts): the
 * callers — one user per role of `roles` in municipality A — and, for each relation, a citizen
 * with a course and everything a route may name, built through the API as the record's own staff
 * would (so the records are what the services make), with ids by the path parameter or body
 * field name that wants them.
 */

export const A = '0159';
export const B = '0151';
export const C = '0163';
/** Official MedCom test persons (refdata/cpr): Ellen is A's (and signs in as the citizen), Einer and Lonni B's. */
export const ELLEN = '0201919996';
const EINER = '0201609995';
const LONNI = '0201609996';
/** A person Samkraft does not know: a message about him stays unmatched. */
const BRUNO = '2509479989';
export const MESSAGES_TOKEN = 'a-shared-token-of-the-network-proxy-0123456789';
export const PASSWORD = 'et langt testkodeord 2026';
const INTERVENTION = 'mixed_training';
const UNIT = { sor: '330461000016004', gln: '5790001353308', name: 'Gladsaxe Kommune, Kræftrehabilitering' };
const GP = { sor: '325371000016006', gln: '5790000120314', name: 'Lægerne i Søborg' };
const XREF01 = path.resolve(import.meta.dirname, '../../../../refdata/medcom-oioxml/examples/edifactconverter_XREF01_REF01_1.xml');
const XREF01_RECEIVER = '5790000201389';
const EXTRACT_FIXTURES = path.resolve(import.meta.dirname, 'extract-fixtures/good');

export type Ids = Record<string, string>;

/** A closing day of A, made as its lead or an administrator makes one. */
export async function aClosingDayOf(app: App, db: Db, who: Client, date = '2026-12-28'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/closing-days', headers: who.headers, payload: { municipalityCode: A, date, label: 'Lukkedag' } });
  const id = res.statusCode < 300 ? (JSON.parse(res.body) as { id?: string }).id : undefined;
  return id ?? (await db.selectFrom('closing_day').select('id').where('municipality_code', '=', A).where('on_date', '=', date).executeTakeFirstOrThrow()).id;
}
export type AccessWorld = {
  callers: Map<Role, SignedInClient>;
  callerIds: Map<Role, string>;
  /** A user with every role in each municipality, who made its records. */
  builders: Record<string, SignedInClient>;
  citizen: SignedInCitizen;
  /** Ids by name, for each relation (`none`: the municipality's own, for routes about no citizen). */
  ids: Record<Relation, Ids>;
  /** What could not be built, for the failure message of a route that needed it. */
  problems: string[];
};

type Client = { headers: Record<string, string> };

export async function buildAccessWorld(app: App, db: Db): Promise<AccessWorld> {
  const problems: string[] = [];
  await seedReferenceData(db);
  for (const [code, name] of [[A, 'Gladsaxe'], [B, 'Ballerup'], [C, 'Herlev']] as const) await aMunicipality(db, code, name);
  await db.insertInto('organisation').values({ kind: 'municipal_unit', name: UNIT.name, sor_code: UNIT.sor, ean: UNIT.gln, municipality_code: A, phone: '39 57 50 00' }).execute();
  const gpId = await anOrganisation(db, { kind: 'gp_clinic', name: GP.name, sorCode: GP.sor, gln: GP.gln });

  const callerIds = new Map<Role, string>();
  for (const role of roles) callerIds.set(role, await aStaffUser(db, { municipalityCode: A, roles: [role], profession: 'physiotherapist' }));
  await aStaffUser(db, { municipalityCode: A, roles: ['contact_person'], username: 'policy-password-user', isDemo: false, passwordHash: await hashPassword(PASSWORD) });
  // Each municipality's builder holds every role there: it makes the records its staff would.
  const builderOf: Record<string, SignedInClient> = {};
  for (const m of [A, B, C]) builderOf[m] = await signIn(app, await aStaffUser(db, { municipalityCode: m, roles: [...roles], profession: 'physiotherapist' }));
  const callers = new Map<Role, SignedInClient>();
  for (const role of roles) callers.set(role, await signIn(app, callerIds.get(role)!));

  const offering: Record<string, string> = { [A]: await anOffering(db, { interventionCode: INTERVENTION, hostMunicipalityCode: A }), [B]: await anOffering(db, { interventionCode: INTERVENTION, hostMunicipalityCode: B }), [C]: await anOffering(db, { interventionCode: INTERVENTION, hostMunicipalityCode: C }) };
  const team: Record<string, { teamId: string; sessionId: string }> = {};
  for (const m of [A, B, C]) {
    team[m] = await aTeamWithSession(db, { offeringId: offering[m]! });
    // Today's session (attendance is recorded on it) and one ahead, in the citizen's appointments.
    const today = await db.insertInto('team_session').values({ team_id: team[m].teamId, starts_at: new Date(`${TODAY}T08:00:00Z`), duration_minutes: 60 }).returning('id').executeTakeFirstOrThrow();
    team[m].sessionId = today.id;
    await db.insertInto('team_session').values({ team_id: team[m].teamId, starts_at: new Date('2026-11-30T09:00:00Z'), duration_minutes: 60 }).execute();
  }

  const people = {
    own: { cpr: ELLEN, given: 'Ellen Louise Test', family: 'Lauridsen', birth: '1991-01-02', sex: 'F' as const, home: A, provider: B },
    referred: { cpr: EINER, given: 'Einer Test', family: 'Lauridsen', birth: '1960-01-02', sex: 'M' as const, home: B, provider: A },
    other: { cpr: LONNI, given: 'Lonni Test', family: 'Lauridsen', birth: '1960-01-02', sex: 'F' as const, home: B, provider: C },
  };
  const ids = { own: {}, referred: {}, other: {}, none: {} } as Record<Relation, Ids>;
  const json = async (who: Client, method: string, url: string, payload?: unknown, what = `${method} ${url}`): Promise<Record<string, unknown> | null> => {
    const res = await app.inject({ method: method as 'POST', url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    if (res.statusCode >= 300) {
      problems.push(`${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      return null;
    }
    return res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
  };
  const idOf = (body: Record<string, unknown> | null, key = 'id'): string | undefined => (body && typeof body[key] === 'string' ? (body[key]) : undefined);

  for (const relation of ['own', 'referred', 'other'] as const) {
    const p = people[relation];
    const home = builderOf[p.home]!;
    const provider = builderOf[p.provider]!;
    const citizenId = await aCitizen(db, { homeMunicipalityCode: p.home, cpr: p.cpr, givenName: p.given, familyName: p.family, birthDate: p.birth, sex: p.sex });
    const contactPersonId = relation === 'own' ? callerIds.get('contact_person')! : undefined;
    const { referralId, courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: p.home, receivedOn: '2026-10-01', ...(contactPersonId ? { contactPersonId } : {}) });
    const r: Ids = {
      citizenId,
      referralId,
      courseId,
      teamId: team[p.provider]!.teamId,
      sessionId: team[p.provider]!.sessionId,
      offeringId: offering[p.provider]!,
      municipalityCode: p.home,
      cpr: p.cpr,
      staffUserId: relation === 'own' ? callerIds.get('contact_person')! : '',
      itemCode: 'physical.fatigue',
      version: '1',
      index: '0',
      interventionCode: INTERVENTION,
      code: INTERVENTION,
      organisationId: gpId,
    };
    if (!r.staffUserId) delete r.staffUserId;
    const c = `/api/courses/${courseId}`;
    r.relativeId = idOf(await json(home, 'POST', `${c}/relatives`, { name: 'Syntetisk Pårørende', relation: 'partner', consentToParticipate: true, consentToShareWithProvider: true, consentGivenOn: '2026-10-02', startsOn: '2026-10-02' })) ?? '';
    r.pauseId = idOf(await json(home, 'POST', `${c}/deadline-pauses`, { deadlineKind: 'first_contact', pausedOn: '2026-10-03', reason: 'citizen_wish' })) ?? '';
    await json(home, 'POST', `${c}/contacts`, { contactedOn: '2026-10-03', channel: 'phone', reached: true });
    r.formId = idOf(await json(home, 'POST', `${c}/citizen-preparation-form`, {})) ?? '';
    await json(home, 'POST', `${c}/needs-assessments`, { occasion: 'initial', assessedOn: '2026-10-05', scaleScore: 5, problems: [{ itemCode: 'physical.fatigue' }], whatMattersMost: 'At kunne gå tur', professionalAssessment: 'Træthed' });
    const plan = await json(home, 'POST', `${c}/action-plans`, {
      agreedOn: '2026-10-06',
      difficultiesAndNeeds: 'Træthed',
      purposeAndContent: 'Træning',
      location: 'Træningscenter',
      responsibilities: [{ part: 'Træning', responsible: 'Fysioterapeut' }],
      otherAdministrations: 'Ingen',
      evaluationOn: '2027-01-06',
      evaluationBy: 'Kontaktperson',
      firstFollowUpOn: '2026-12-01',
      goals: [{ description: 'Gå 2 km' }],
    });
    void plan;
    // Sent as the home municipality sends it (what it shares in the snapshot), else as a bare row.
    await db.insertInto('routing').values({ home_municipality_code: p.home, intervention_code: INTERVENTION, offering_id: offering[p.provider]!, valid_from: '2017-10-01' }).execute();
    const sent = await json(home, 'POST', `${c}/cross-referrals`, {
      offeringId: offering[p.provider]!,
      consentOn: '2026-10-07',
      share: { planFields: ['difficultiesAndNeeds', 'purposeAndContent', 'location', 'goals'], assessmentItems: ['physical.fatigue'], diagnosis: false },
    });
    const crossReferralId = idOf(sent) ?? (await aCrossReferral(db, { courseId, offeringId: offering[p.provider]!, interventionCode: INTERVENTION, providerMunicipalityCode: p.provider }));
    r.crossReferralId = crossReferralId;
    r.followUpId = idOf(await json(home, 'POST', `${c}/follow-ups`, { plannedOn: '2026-12-15' })) ?? '';
    await json(home, 'POST', `${c}/preparation-form`, { sentOn: '2026-10-04' });
    r.documentId = `preparation_letter.${courseId}`;
    // The provider's side: accepted, a deeper assessment and a status note on the referral sent to it.
    const x = `/api/provider-inbox/${crossReferralId}`;
    await json(provider, 'POST', `${x}/accept`, { contactOn: TODAY });
    const enrolment = await json(provider, 'POST', `/api/teams/${team[p.provider]!.teamId}/enrolments`, { crossReferralId, startOn: TODAY });
    r.enrolmentId = idOf(enrolment) ?? (await db.insertInto('enrolment').values({ cross_referral_id: crossReferralId, team_id: team[p.provider]!.teamId, quota: 29, status: 'enrolled', start_on: TODAY }).returning('id').executeTakeFirstOrThrow()).id;
    await json(provider, 'PUT', `/api/team-sessions/${team[p.provider]!.sessionId}/attendance`, { enrolmentId: r.enrolmentId, status: 'attended' });
    r.assessmentId = idOf(await json(provider, 'POST', `${x}/deeper-assessments`, { assessedOn: TODAY, profession: 'physiotherapist', findings: 'Nedsat kondition', tests: [{ testCode: 'chair_stand_30s', value: 10 }], goals: ['Gå 2 km'] })) ?? '';
    r.statusNoteId = idOf(await json(provider, 'POST', `${x}/status-notes`, { kind: 'start', body: 'Startet på holdet' })) ?? '';
    const form = await db.selectFrom('preparation_form').select('id').where('course_id', '=', courseId).executeTakeFirst();
    if (form) r.formId = form.id;
    for (const [k, v] of Object.entries(r)) if (v === '') delete r[k];
    ids[relation] = r;
  }

  // The citizen's own questionnaire, calendar feed and messages (Ellen's course), another's for the "other" rows.
  const citizen = await signInAsCitizen(app, ELLEN);
  for (const relation of ['own', 'other'] as const) {
    const home = builderOf[people[relation].home]!;
    await json(home, 'PUT', `/api/courses/${ids[relation].courseId}/closing/conversation`, { heldOn: '2026-11-20', evaluation: 'God', planOnward: null, citizenExperience: null, questionnaire: 'citizen', satisfaction: null, benefit: null, endAssessmentId: null });
    await json(home, 'POST', `/api/courses/${ids[relation].courseId}/closing/note/draft`, undefined);
    await json(home, 'PUT', `/api/courses/${ids[relation].courseId}/closing/note`, { body: 'Forløbet er afsluttet.' });
    const q = await db.selectFrom('closing_conversation').select('id').where('course_id', '=', ids[relation].courseId!).executeTakeFirst();
    if (q) ids[relation].questionnaireId = q.id;
  }
  const feed = await json(citizen, 'POST', '/api/borger/calendar-feed', undefined);
  const feedUrl = feed && typeof feed.path === 'string' ? feed.path : '';
  const token = /calendar-feed\/([^/]+)\//.exec(feedUrl)?.[1];
  if (token) ids.own.token = token;
  else problems.push(`no calendar feed token in ${JSON.stringify(feed)}`);

  const message = (cpr: string) =>
    buildCareCommunication({
      kind: 'new',
      sender: GP,
      receiver: UNIT,
      patient: { identifier: { kind: 'cpr', value: cpr }, family: 'Lauridsen', given: ['Test'] },
      category: 'examination-results',
      topic: 'Blodprøvesvar',
      text: 'Blodprøverne er normale.',
      attachment: { title: 'Blodprøver', data: PDF_BASE64, contentType: 'application/pdf' },
      author: { given: ['Lise'], family: 'Læge', role: { text: 'Læge' }, phone: '+4544000000' },
      sentAt: new Date('2026-11-22T08:00:00Z'),
    }).bundle;
  const messageHeaders = { 'content-type': 'application/fhir+json', authorization: `Bearer ${MESSAGES_TOKEN}` };
  for (const cpr of [ELLEN, BRUNO]) {
    const res = await app.inject({ method: 'POST', url: '/api/messages', headers: messageHeaders, payload: JSON.stringify(message(cpr)) });
    if (res.statusCode !== 200) problems.push(`POST /api/messages → ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  const matched = await db.selectFrom('message').select('id').where('course_id', '=', ids.own.courseId!).where('direction', '=', 'in').executeTakeFirst();
  const unmatched = await db.selectFrom('message').select('id').where('state', '=', 'unmatched').executeTakeFirst();
  const shared: Ids = { messageId: matched?.id ?? '', unmatchedMessageId: unmatched?.id ?? '' };
  for (const relation of ['own', 'referred', 'other'] as const) ids[relation] = { ...shared, ...ids[relation] };
  ids.none = { ...shared, ...(ids.own.token ? { token: ids.own.token } : {}), municipalityCode: A, offeringId: offering[A]!, code: INTERVENTION, interventionCode: INTERVENTION, organisationId: gpId, itemCode: 'physical.fatigue', crossReferralId: ids.referred.crossReferralId!, courseId: ids.own.courseId!, cpr: ELLEN };

  // Records of municipality A that are no citizen's.
  const admin = builderOf[A]!;
  const letter = fs.readFileSync(XREF01).toString('latin1').replaceAll(XREF01_RECEIVER, UNIT.gln);
  const draft = await json(admin, 'POST', '/api/draft-referrals/oioxml', { contentBase64: Buffer.from(letter, 'latin1').toString('base64') });
  ids.none.draftId = idOf(draft, 'draftId') ?? (await db.selectFrom('draft_referral').select('id').executeTakeFirst())?.id ?? '';
  await json(admin, 'POST', '/api/catalogue/routing', { interventionCode: INTERVENTION, homeMunicipalityCode: C, offeringId: offering[A]!, validFrom: '2026-01-01', inferred: true });
  ids.none.routingId = (await db.selectFrom('routing').select('id').where('home_municipality_code', '=', C).where('offering_id', '=', offering[A]!).executeTakeFirst())?.id ?? '';
  ids.none.closingDayId = await aClosingDayOf(app, db, admin);
  ids.none.tariffId = idOf(await json(admin, 'POST', '/api/settlement/tariffs', { providerMunicipalityCode: A, interventionCode: INTERVENTION, unit: 'session', priceKr: 100, validFrom: '2026-01-01', validTo: null, source: 'indicative', sourceNote: 'Eksempel' })) ?? '';
  // A placement solved and saved by A's lead.
  const lead = callers.get('municipal_lead')!;
  const solved = await json(lead, 'POST', '/api/planning/solve', { municipalityCodes: [A, B], interventionCodes: [INTERVENTION], timeLimitSeconds: 5 });
  if (solved) {
    ids.none.planResult = JSON.stringify(solved);
    ids.none.scenarioId = idOf(await json(lead, 'POST', '/api/planning/scenarios', { name: 'Politik', result: solved })) ?? '';
  }
  const report = await json(callers.get('municipal_lead')!, 'POST', '/api/reports/jobs', { from: '2026-01-01', to: '2026-06-30' });
  ids.none.reportJobId = idOf(report) ?? '';
  const extract = { files: ['referrals.csv', 'interventions.csv'].map((name) => ({ name, contentBase64: fs.readFileSync(path.join(EXTRACT_FIXTURES, name)).toString('base64') })) };
  ids.none.extractFiles = JSON.stringify(extract);
  ids.none.importJobId = idOf(await json(callers.get('administrator')!, 'POST', '/api/extracts/import-jobs', extract)) ?? '';
  // The sign-in routes' and the message route's fields.
  Object.assign(ids.none, { userId: callerIds.get('contact_person')!, username: 'policy-password-user', password: PASSWORD, careCommunication: JSON.stringify(message(BRUNO)), messagesAuthorization: `Bearer ${MESSAGES_TOKEN}` });
  // A staff member of A with a session of their own: whose sessions an administrator ends, and whose session no one else can.
  const sessionUserId = await aStaffUser(db, { municipalityCode: A, roles: ['contact_person'], profession: 'nurse' });
  await signIn(app, sessionUserId);
  ids.none.sessionUserId = sessionUserId;
  ids.none.sessionId = (await db.selectFrom('staff_session').select('id').where('staff_user_id', '=', sessionUserId).executeTakeFirst())?.id ?? '';
  for (const [k, v] of Object.entries(ids.none)) if (v === '') delete ids.none[k];
  return { callers, callerIds, builders: builderOf, citizen, ids, problems };
}
