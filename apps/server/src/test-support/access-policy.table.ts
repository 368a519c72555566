import type { Role } from '@samkraft/contracts/common';
import { citizenRoute, everyStaffRole, general, person, publicRoute, skipped, type PolicyTable } from './access-policy.ts';

/*
 * Who may call each route, declared (ARCHITECTURE.md "Access policy over every route"): one row
 * per route, for each relation the staff roles allowed — a role not named is denied, a relation
 * not named is denied to everyone. `access-policy.db.test.ts` calls every route as every role of
 * the contracts' `roles` (a user of municipality A), without a session and as a signed-in citizen,
 * for A's own citizen, B's citizen referred to A and B's citizen not referred, and fails on every
 * answer that differs, on a route without a row and on a row without a route.
 *
 * The words: DESIGN.md "Access" and the rules in features/citizens/citizen-access.rules.ts
 * (a citizen: home staff, and a providing municipality's therapists and leads through a referral
 * sent to it) and features/courses/course-access.rules.ts (a course: the home municipality's
 * contact persons, therapists and leads read; contact persons and leads write; the provider never).
 */

const cp = 'contact_person';
const th = 'therapist';
const lead = 'municipal_lead';
const coord = 'coordinator';
const admin = 'administrator';
/** The data-protection role: the audit log of its municipality, and no citizen record (audit-review). */
const auditor = 'auditor';
const all = everyStaffRole;
/** The course access rule's readers and writers; the providing municipality's staff. */
const homeRead: readonly Role[] = [cp, th, lead];
const homeWrite: readonly Role[] = [cp, lead];
const provider: readonly Role[] = [th, lead];

const courseRead = person({ own: homeRead });
const courseWrite = person({ own: homeWrite });
/** A team and its sessions: the host municipality's therapists and leads (teams/team.rules.ts). */
const team = person({ referred: provider });
/** A route whose `{id}` is the fixture's record of that kind. */
const id = (name: string) => ({ example: (ids: Record<string, string>) => ({ path: { id: ids[name] ?? '' } }) });
/** A route whose `{code}` is a municipality's (the caller's own). */
const municipalityCode = { example: (ids: Record<string, string>) => ({ path: { code: ids.municipalityCode ?? '' } }) };
const extractFiles = { example: (ids: Record<string, string>) => ({ body: JSON.parse(ids.extractFiles ?? '{}') as unknown }) };

/** The local staff identity providers (demo mode and tests only; features/auth/demo-identity-providers.routes.ts): not Samkraft's API. */
const localStaffIdp = skipped('a local identity provider for staff (demo mode and tests only), not Samkraft’s API');

/** The provider's inbox and work on a referral sent to A (cross-referrals/cross-referral.rules.ts). */
const providerWork = person({ referred: provider });

export const accessPolicy: PolicyTable = {
  // — the citizen's door —
  'GET /api/borger/session': citizenRoute(),
  'GET /api/auth/citizen-sign-in-methods': publicRoute(),
  'POST /api/borger/auth/sign-out': skipped('ends the session the other citizen calls use; citizen-auth.routes.db.test.ts signs out'),
  'GET /api/borger/my-course': citizenRoute(),
  'GET /api/borger/access-log': citizenRoute(),
  'GET /api/borger/access-log/fhir': citizenRoute(),
  'GET /api/borger/my-data': citizenRoute(),
  'GET /api/borger/appointments': citizenRoute(),
  'POST /api/borger/appointments/{sessionId}/cancel': citizenRoute({ namesRecord: true, example: { body: { reason: 'illness' } } }),
  'GET /api/borger/appointments/calendar.ics': citizenRoute(),
  'GET /api/borger/calendar-feed': citizenRoute(),
  'POST /api/borger/calendar-feed': citizenRoute(),
  'DELETE /api/borger/calendar-feed': citizenRoute(),
  'GET /api/calendar-feed/{token}/samkraft.ics': publicRoute({ note: 'a capability URL: the token is the access' }),
  'GET /api/borger/documents': citizenRoute(),
  'GET /api/borger/documents/{documentId}': citizenRoute({ namesRecord: true }),
  'GET /api/borger/relatives': citizenRoute(),
  'GET /api/borger/questionnaires': citizenRoute(),
  'POST /api/borger/questionnaires/{questionnaireId}/answer': citizenRoute({ namesRecord: true }),
  'GET /api/borger/preparation-forms': citizenRoute(),
  'GET /api/borger/preparation-forms/{formId}': citizenRoute({ namesRecord: true }),
  'PUT /api/borger/preparation-forms/{formId}': citizenRoute({ namesRecord: true }),
  'POST /api/borger/preparation-forms/{formId}/submit': citizenRoute({ namesRecord: true }),
  'GET /borger/auth/log-ind': skipped('a browser redirect to the identity provider; citizen-auth.routes.db.test.ts'),
  'GET /borger/auth/callback': skipped('the identity provider’s redirect back; citizen-auth.routes.db.test.ts'),
  'GET /tilbud': publicRoute(),
  'GET /tilbud/{interventionCode}': publicRoute(),
  'GET /demo-idp/*': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'POST /demo-idp/*': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'PUT /demo-idp/*': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'PATCH /demo-idp/*': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'DELETE /demo-idp/*': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'OPTIONS /demo-idp/*': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'TRACE /demo-idp/*': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'QUERY /demo-idp/*': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'GET /demo-idp/interaction/{uid}': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'POST /demo-idp/interaction/{uid}': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),
  'POST /demo-idp/interaction/{uid}/cancel': skipped('the demo identity provider (demo mode only), not Samkraft’s API'),

  // — public and session —
  'GET /api/health': publicRoute(),
  'GET /api/ready': publicRoute(),
  'GET /api/openapi.json': publicRoute(),
  'GET /api/auth/demo-users': publicRoute(),
  'POST /api/auth/login': publicRoute(),
  'POST /api/auth/demo-login': publicRoute(),
  'POST /api/auth/logout': skipped('ends the session the other staff calls use; auth.routes.db.test.ts signs out'),
  'GET /api/auth/session': general(all),
  'GET /api/me/contact': general(all),
  'PUT /api/me/contact': general(all),
  'PUT /api/me/municipality/unit-phone': general([lead, admin]),
  'GET /api/me/sessions': general(all),
  // — staff sign-in through identity providers (features/auth, staff-sign-in.db.test.ts and tests/browser/staff-sign-in.test.ts walk them) —
  'GET /api/auth/sign-in-methods': publicRoute(),
  'GET /api/admin/sign-in-providers': general([admin]),
  'POST /api/auth/sign-out': skipped('ends the session the other staff calls use (and answers the provider’s logout URL); staff-sign-in.db.test.ts signs out'),
  'GET /api/auth/saml/{provider}/metadata': publicRoute({ example: { path: { provider: 'kombit' } }, note: 'the service provider’s metadata: public by design' }),
  'GET /api/auth/saml/{provider}/login': skipped('a browser redirect to the SAML identity provider; staff-sign-in.db.test.ts'),
  'POST /api/auth/saml/{provider}/acs': skipped('the identity provider’s signed, encrypted assertion; staff-sign-in.db.test.ts refuses every bad one'),
  'GET /api/auth/saml/{provider}/slo': skipped('single logout from the identity provider, signed; staff-sign-in.db.test.ts'),
  'POST /api/auth/saml/{provider}/slo': skipped('single logout from the identity provider, signed; staff-sign-in.db.test.ts'),
  'GET /api/auth/oidc/{provider}/login': skipped('a browser redirect to the OpenID provider; staff-sign-in.db.test.ts'),
  'GET /api/auth/oidc/{provider}/callback': skipped('the OpenID provider’s redirect back; staff-sign-in.db.test.ts refuses a wrong nonce'),
  'POST /api/auth/oidc/{provider}/backchannel-logout': skipped('a logout token signed by the OpenID provider; tests/browser/staff-sign-in.test.ts'),
  'DELETE /demo-staff-idp/*': localStaffIdp,
  'GET /demo-staff-idp/*': localStaffIdp,
  'OPTIONS /demo-staff-idp/*': localStaffIdp,
  'PATCH /demo-staff-idp/*': localStaffIdp,
  'POST /demo-staff-idp/*': localStaffIdp,
  'PUT /demo-staff-idp/*': localStaffIdp,
  'QUERY /demo-staff-idp/*': localStaffIdp,
  'TRACE /demo-staff-idp/*': localStaffIdp,
  'GET /demo-staff-idp/interaction/{uid}': localStaffIdp,
  'POST /demo-staff-idp/interaction/{uid}': localStaffIdp,
  'GET /demo-saml-idp/brugere': localStaffIdp,
  'POST /demo-saml-idp/brugere/{account}': localStaffIdp,
  'GET /demo-saml-idp/post.js': localStaffIdp,
  'GET /demo-saml-idp/slo': localStaffIdp,
  'GET /demo-saml-idp/sso': localStaffIdp,
  'POST /demo-saml-idp/sso/{uid}': localStaffIdp,
  'POST /demo-saml-idp/logout': localStaffIdp,
  // — the audit log for the data-protection role (audit-review): no other role, not even administrators —
  'GET /api/audit-review/events': general([auditor]),
  'GET /api/audit-review/events/export': general([auditor], { example: { query: { format: 'csv', from: '2026-11-01', to: '2026-11-22' } } }),
  'GET /api/audit-review/alerts': general([auditor], { example: { query: { from: '2026-11-01', to: '2026-11-22' } } }),
  'POST /api/audit-review/citizen-lookup': person(
    { own: [auditor] },
    { example: (ids) => ({ body: { cpr: ids.cpr ?? '' } }), leftOut: (b) => (b as { citizen?: unknown }).citizen === null, note: "a citizen not of the auditor's municipality is answered as unknown" },
  ),
  'POST /api/me/sessions/end-others': general(all),
  'POST /api/me/sessions/{sessionId}/end': general([], {
    example: (ids) => ({ path: { sessionId: ids.sessionId ?? '' } }),
    note: "another user's session: 404 for every role — a session is ended only by its own user (staff-sessions.routes.db.test.ts ends one's own)",
  }),
  'GET /api/admin/staff-users': general([admin]),
  'GET /api/admin/staff-users/{userId}/sessions': general([admin], { example: (ids) => ({ path: { userId: ids.sessionUserId ?? '' } }) }),
  'POST /api/admin/staff-users/{userId}/sessions/end': general([admin], { example: (ids) => ({ path: { userId: ids.sessionUserId ?? '' } }) }),
  'GET /api/start': general(all),
  'POST /api/messages': publicRoute({
    note: 'the health network’s shared token, not a session',
    example: (ids) => ({ body: ids.careCommunication, headers: { 'content-type': 'application/fhir+json', authorization: ids.messagesAuthorization ?? '' } }),
  }),

  // — citizens and referrals —
  'GET /api/citizens/{citizenId}': person({ own: homeRead, referred: provider }),
  'PUT /api/citizens/{citizenId}/gp': person({ own: homeWrite }),
  'POST /api/citizens/search': person(
    { own: homeRead, referred: provider },
    { example: (ids) => ({ body: { query: ids.cpr ?? '' } }), leftOut: (b) => (b as { items?: unknown[] }).items?.length === 0, note: 'by the citizen’s CPR: a citizen the caller may not see is not found' },
  ),
  'POST /api/citizens/lookup': person(
    { own: homeRead },
    { example: (ids) => ({ body: { cpr: ids.cpr ?? '' } }), leftOut: (b) => (b as { known?: boolean }).known === false, note: 'a citizen not of A is answered "not known", named nowhere' },
  ),
  'POST /api/citizens/{citizenId}/deceased': person({ own: homeWrite }, { fresh: true }),
  'PUT /api/citizens/{citizenId}/vulnerable': person({ own: homeWrite }),
  'GET /api/municipalities': general(all),
  'POST /api/referrals': general(homeWrite),
  'GET /api/diagnoses': general(all),

  // — organisations —
  'GET /api/organisations': general(all),
  'POST /api/organisations': general([admin]),
  'GET /api/organisations/register': general(all),
  'GET /api/organisations/lookup': general(all, { example: { query: { sor: '325371000016006' } } }),
  'GET /api/organisations/{organisationId}': general(all),
  'PUT /api/organisations/{organisationId}': general([admin]),
  'POST /api/organisations/{organisationId}/deactivate': general([admin]),
  'POST /api/organisations/{organisationId}/activate': general([admin]),

  // — hospital referrals and notifications —
  'POST /api/draft-referrals/oioxml': general([admin]),
  'GET /api/draft-referrals': general(homeWrite),
  'GET /api/draft-referrals/pending-count': general(homeWrite),
  'GET /api/draft-referrals/{draftId}': general(homeWrite),
  'POST /api/draft-referrals/{draftId}/accept': general(homeWrite),
  'POST /api/draft-referrals/{draftId}/reject': general(homeWrite),
  'GET /api/hospital-notifications/settings': general([lead, admin]),
  'PUT /api/hospital-notifications/settings/{municipalityCode}': general([admin]),
  'GET /api/courses/{courseId}/hospital-stay': courseRead,
  'GET /api/teams/{teamId}/hospital-absences': team,

  // — the course —
  'GET /api/courses/{courseId}': courseRead,
  'PUT /api/courses/{courseId}/contact-person': courseWrite,
  'POST /api/courses/{courseId}/contacts': courseWrite,
  'POST /api/courses/{courseId}/preparation-form': courseWrite,
  'GET /api/courses/{courseId}/preparation-letter.pdf': courseRead,
  'GET /api/courses/{courseId}/relatives': courseRead,
  'POST /api/courses/{courseId}/relatives': courseWrite,
  'PUT /api/courses/{courseId}/relatives/{relativeId}': courseWrite,
  'POST /api/courses/{courseId}/relatives/{relativeId}/end': courseWrite,
  'GET /api/courses/{courseId}/deadlines': courseRead,
  'POST /api/courses/{courseId}/deadline-pauses': courseWrite,
  'POST /api/deadline-pauses/{pauseId}/resume': courseWrite,
  'GET /api/courses/{courseId}/access-log': courseRead,
  'GET /api/courses/{courseId}/access-log/fhir': courseRead,
  'POST /api/courses/{courseId}/data-access-request': courseWrite,
  'GET /api/courses/{courseId}/needs-assessments': courseRead,
  'POST /api/courses/{courseId}/needs-assessments': courseWrite,
  'GET /api/courses/{courseId}/citizen-preparation-form': courseRead,
  'POST /api/courses/{courseId}/citizen-preparation-form': courseWrite,
  'POST /api/courses/{courseId}/citizen-preparation-form/reminders': courseWrite,
  'POST /api/courses/{courseId}/action-plans': courseWrite,
  'GET /api/courses/{courseId}/action-plans': courseRead,
  'GET /api/courses/{courseId}/action-plans/draft': person({ own: homeWrite }, { note: 'the draft is opened to write the next version' }),
  'GET /api/courses/{courseId}/action-plans/{version}': courseRead,
  'GET /api/courses/{courseId}/action-plans/{version}/pdf': courseRead,
  'POST /api/courses/{courseId}/follow-ups': courseWrite,
  'GET /api/courses/{courseId}/follow-ups': courseRead,
  'POST /api/follow-ups/{followUpId}/held': courseWrite,
  'GET /api/courses/{courseId}/closing': courseRead,
  'PUT /api/courses/{courseId}/closing/conversation': courseWrite,
  'POST /api/courses/{courseId}/closing/note/draft': courseWrite,
  'PUT /api/courses/{courseId}/closing/note': courseWrite,
  'POST /api/courses/{courseId}/closing/note/send': courseWrite,
  'GET /api/courses/{courseId}/closing/note/pdf': courseRead,
  'GET /api/courses/{courseId}/suggestions': courseRead,
  'GET /api/courses/{courseId}/status-notes': courseRead,
  'GET /api/courses/{courseId}/messages': courseRead,
  'POST /api/courses/{courseId}/messages': courseWrite,
  'GET /api/courses/{courseId}/messages/recipients': courseRead,
  'GET /api/courses/{courseId}/messages/{messageId}/attachments/{index}': courseRead,
  'GET /api/courses/{courseId}/cross-referrals': courseRead,
  'POST /api/courses/{courseId}/cross-referrals': courseWrite,
  'POST /api/courses/{courseId}/cross-referrals/preview': courseWrite,
  'POST /api/courses/{courseId}/home-offers': courseWrite,
  'POST /api/cross-referrals/{crossReferralId}/updates/preview': courseWrite,
  'POST /api/cross-referrals/{crossReferralId}/updates': courseWrite,
  'POST /api/cross-referrals/{crossReferralId}/citizen-declines': person({ own: homeWrite, referred: provider }, { note: 'either side records that the citizen declined the offer' }),
  'GET /api/cross-referrals/{crossReferralId}/transport': courseRead,
  'GET /api/deadline-policies': general(all),
  'POST /api/deadline-policies': general([admin]),
  'GET /api/closing-days': general(all),
  'POST /api/closing-days': general([lead, admin], { example: (ids) => ({ body: { municipalityCode: ids.municipalityCode, date: '2026-12-30', label: 'Lukkedag' } }) }),
  'DELETE /api/closing-days/{id}': general([lead, admin], { ...id('closingDayId'), fresh: true }),
  'GET /api/assessment-items': general(all),
  'GET /api/worklist': general(homeWrite),
  'GET /api/worklist/closed': general(homeWrite),

  // — teams —
  'GET /api/teams': general(provider, { note: 'teams/team.rules.ts: the host municipality’s therapists and leads run teams' }),
  'POST /api/teams': general(provider),
  'GET /api/teams/{teamId}': team,
  'PATCH /api/teams/{teamId}': team,
  'POST /api/team-sessions/{sessionId}/cancel': team,
  'POST /api/team-sessions/{sessionId}/reinstate': team,
  'POST /api/teams/{teamId}/sessions/generate': team,
  'POST /api/teams/{teamId}/enrolments': team,
  'POST /api/enrolments/{enrolmentId}/admit': team,
  'POST /api/enrolments/{enrolmentId}/end': team,
  'GET /api/team-sessions/{sessionId}': team,
  'PUT /api/team-sessions/{sessionId}/attendance': team,
  'GET /api/team-sessions/{sessionId}/team-list.pdf': team,
  'GET /api/team-sessions/{sessionId}/relatives': team,
  'PUT /api/team-sessions/{sessionId}/relatives/{relativeId}': team,

  // — the provider —
  'GET /api/provider-inbox': general(provider),
  'GET /api/provider-inbox/{crossReferralId}': providerWork,
  'POST /api/provider-inbox/{crossReferralId}/accept': providerWork,
  'POST /api/provider-inbox/{crossReferralId}/decline': providerWork,
  'POST /api/provider-inbox/{crossReferralId}/deeper-assessments': providerWork,
  'POST /api/provider-inbox/{crossReferralId}/deeper-assessments/{assessmentId}/corrections': providerWork,
  'GET /api/provider-inbox/{crossReferralId}/status-notes': providerWork,
  'POST /api/provider-inbox/{crossReferralId}/status-notes': providerWork,
  'GET /api/status-notes': general(homeWrite),
  'GET /api/status-notes/unread-count': general(homeWrite),
  'GET /api/status-notes/{statusNoteId}': courseWrite,

  // — catalogue, transport, planning —
  'GET /api/catalogue/interventions': general(all),
  'POST /api/catalogue/interventions': general([admin]),
  'GET /api/catalogue/interventions/{code}': general(all),
  'PUT /api/catalogue/interventions/{code}': general([admin]),
  'GET /api/catalogue/offerings': general(all),
  'PATCH /api/catalogue/offerings/{offeringId}': general([admin]),
  'GET /api/catalogue/routing': general(all),
  'POST /api/catalogue/routing': general([admin]),
  'GET /api/catalogue/routing/history': general(all),
  'POST /api/catalogue/routing/{routingId}/end': general([admin]),
  'POST /api/catalogue/routing/{routingId}/confirm': general([admin]),
  'GET /api/municipalities/{code}/transport': general([lead, admin], { ...municipalityCode, note: 'transport/transport-access.rules.ts: the lead of the municipality or an administrator' }),
  'PUT /api/municipalities/{code}/transport': general([lead, admin], municipalityCode),
  'GET /api/transport-rules': general(all),
  'POST /api/transport-rules': general([admin]),
  'POST /api/planning/solve': general([coord, lead], { example: { body: { municipalityCodes: ['0159', '0151'], interventionCodes: ['mixed_training'], timeLimitSeconds: 5 } } }),
  'GET /api/planning/scenarios': general([coord, lead]),
  'POST /api/planning/scenarios': general([coord, lead], { example: (ids) => ({ body: { name: 'Politik', result: JSON.parse(ids.planResult ?? '{}') as unknown } }) }),
  'GET /api/planning/scenarios/{id}': general([coord, lead], id('scenarioId')),
  'GET /api/planning/scenarios/{id}/export': general([coord, lead], id('scenarioId')),

  // — KL Gateway, settlement, messages —
  'GET /api/kl-gateway/mapping': general(all),
  'PUT /api/kl-gateway/interventions/{code}': general([admin]),
  'PUT /api/kl-gateway/assessment-items/{code}': general([admin], { example: (ids) => ({ path: { code: ids.itemCode ?? '' } }) }),
  'PUT /api/kl-gateway/municipalities/{code}': general([lead, admin], { example: (ids) => ({ path: { code: ids.municipalityCode ?? '' }, body: { custodianSor: '330461000016004', unitSor: null } }) }),
  'POST /api/kl-gateway/exports': general([lead, admin]),
  'GET /api/kl-gateway/exports': general([lead, admin]),
  'GET /api/settlement/statement': general([coord, lead]),
  'GET /api/settlement/statement/file': general([coord, lead]),
  'GET /api/settlement/settlements': general([coord, lead]),
  'POST /api/settlement/settlements': general([coord]),
  'GET /api/settlement/tariffs': general([coord, lead]),
  'POST /api/settlement/tariffs': general([coord]),
  'POST /api/settlement/tariffs/{id}/end': general([coord], id('tariffId')),
  'GET /api/messages': general([admin]),
  'GET /api/messages/unmatched': general(homeWrite),
  'GET /api/messages/unmatched/count': general(homeWrite),
  'POST /api/messages/{messageId}/place': general(homeWrite),

  // — jobs, extracts, reports —
  'GET /api/jobs/{id}': general([lead], { ...id('reportJobId'), note: 'a job is its submitter’s: the fixture’s job was submitted by the lead' }),
  'POST /api/extracts/validate': general([admin], extractFiles),
  'POST /api/extracts/import': general([admin], extractFiles),
  'POST /api/extracts/import-jobs': general([admin], extractFiles),
  'GET /api/extracts/import-jobs/{id}/result': general([admin], { ...id('importJobId'), note: 'a job is its submitter’s: the fixture’s import job was submitted by the administrator' }),
  'GET /api/extracts/export': general([lead, admin]),
  'GET /api/reports': general([coord, lead]),
  'GET /api/reports/export': general([coord, lead]),
  'POST /api/reports/jobs': general([coord, lead]),
  'GET /api/reports/jobs/{id}/report': general([lead], { ...id('reportJobId'), note: 'a job is its submitter’s: the fixture’s report job was submitted by the lead' }),
  'GET /api/reports/jobs/{id}/export': general([lead], { ...id('reportJobId'), note: 'a job is its submitter’s: the fixture’s report job was submitted by the lead' }),
  'GET /api/dashboard': general([coord, lead]),
  'GET /api/dashboard/balance': general([coord, lead]),

  // — FHIR (not in the OpenAPI document: the CapabilityStatement describes it) —
  'GET /fhir/metadata': publicRoute(),
  'GET /fhir/Patient': person({ own: homeRead, referred: provider }),
  'GET /fhir/Patient/{id}': person({ own: homeRead, referred: provider }),
  'GET /fhir/Organization': general(all),
  'GET /fhir/Organization/{id}': general(all),
  'GET /fhir/ServiceRequest': person({ own: homeRead, referred: provider }),
  'GET /fhir/ServiceRequest/{id}': person({ own: homeRead, referred: provider }),
  'GET /fhir/Task': person({ own: homeRead, referred: provider }),
  'GET /fhir/Task/{id}': person({ own: homeRead, referred: provider }),
  'GET /fhir/CarePlan': person({ own: homeRead, referred: provider }),
  'GET /fhir/CarePlan/{id}': person({ own: homeRead, referred: provider }),
  'GET /fhir/Goal': person({ own: homeRead, referred: provider }),
  'GET /fhir/Goal/{id}': person({ own: homeRead, referred: provider }),
  'GET /fhir/QuestionnaireResponse': person({ own: homeRead, referred: provider }),
  'GET /fhir/QuestionnaireResponse/{id}': person({ own: homeRead, referred: provider }),
  'GET /fhir/Communication': person({ own: homeRead, referred: provider }),
  'GET /fhir/Communication/{id}': person({ own: homeRead, referred: provider }),
  'GET /fhir/Appointment': providerWork,
  'GET /fhir/Appointment/{id}': providerWork,
  'GET /fhir/Encounter': providerWork,
  'GET /fhir/Encounter/{id}': providerWork,
  'GET /fhir/AuditEvent': person({ own: [lead] }),
  'GET /fhir/AuditEvent/{id}': person({ own: [lead] }),
};
