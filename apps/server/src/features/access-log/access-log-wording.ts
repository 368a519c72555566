/*
 * What each audited action means to the citizen, in plain Danish and English. The access log
 * ("Hvem har set mine oplysninger") shows reads only — the issue asks who *looked* — so every read
 * action has its wording here, and every other action is listed as not shown, with why.
 * `access-log-wording.test.ts` scans the server's source for audit actions and fails on one that
 * is in neither list: a new action must be given words (or said not to be a read) before it ships.
 */

export type Words = { da: string; en: string };

const w = (da: string, en: string): Words => ({ da, en });

/** Every read of a citizen's data: what was looked at, as the citizen would say it. */
export const readActionWording: Readonly<Record<string, Words>> = {
  'access_log.export': w('listen over, hvem der har set dine oplysninger (hentet som fil)', 'the list of who has seen your information (downloaded as a file)'),
  'access_log.read': w('listen over, hvem der har set dine oplysninger', 'the list of who has seen your information'),
  'action_plan.draft': w('din behovsvurdering, for at skrive et udkast til din plan', 'your needs assessment, to draft your plan'),
  'action_plan.pdf': w('din plan (udskrevet)', 'your plan (printed)'),
  'action_plan.read': w('din plan', 'your plan'),
  'attendance.read': w('fremmødelisten for dit hold', 'the attendance list of your team'),
  'attendance.referral_read': w('dit fremmøde på holdet', 'your attendance at the team'),
  'audit_review.citizen_lookup': w('dit navn (opslag ved tilsynet med adgang, databeskyttelse)', 'your name (look-up by the data-protection review)'),
  'audit_review.export': w('listen over, hvem der har set dine oplysninger (tilsynet med adgang, hentet som fil)', 'the list of who has seen your information (the data-protection review, downloaded)'),
  'audit_review.read': w('listen over, hvem der har set dine oplysninger (tilsynet med adgang)', 'the list of who has seen your information (the data-protection review)'),
  'audit_event.read': w('listen over, hvem der har set dine oplysninger', 'the list of who has seen your information'),
  'citizen.lookup': w('dit navn og CPR-nummer (opslag)', 'your name and CPR number (look-up)'),
  'citizen.read': w('dine personoplysninger', 'your personal details'),
  'citizen.search': w('dit navn i en søgning', 'your name in a search'),
  'citizen_appointments.read': w('dine aftaler på holdet', 'your team appointments'),
  'citizen_portal.document': w('et af dine dokumenter (hentet)', 'one of your documents (downloaded)'),
  'citizen_portal.documents': w('listen over dine dokumenter', 'the list of your documents'),
  'citizen_portal.my_course': w('dit forløb på borgersiden', 'your course on the citizen pages'),
  'citizen_portal.relatives': w('dine pårørende i forløbet', 'your relatives in the course'),
  'closing.note_draft': w('dine oplysninger, for at skrive et udkast til afslutningsnotatet', 'your information, to draft the closing note'),
  'closing.note_pdf': w('dit afslutningsnotat (udskrevet)', 'your closing note (printed)'),
  'closing.questionnaire_read': w('dit spørgeskema om forløbet', 'your questionnaire about the course'),
  'closing.read': w('din afslutningssamtale og dit afslutningsnotat', 'your closing conversation and closing note'),
  'course.list': w('dit forløb på en arbejdsliste', 'your course on a work list'),
  'course.preparation_letter': w('brevet med forberedelsesskemaet til dig', 'the letter with the preparation form to you'),
  'course.read': w('dit forløb', 'your course'),
  'course.suggestions': w('dit forløb, for at finde et tilbud til dig', 'your course, to find a service for you'),
  'cross_referral.list': w('dine henvisninger til tilbud i andre kommuner', 'your referrals to services in other municipalities'),
  'cross_referral.preview': w('dine oplysninger, før de blev sendt til en anden kommune', 'your information, before it was sent to another municipality'),
  'cross_referral.update_preview': w('dine oplysninger, før en opdatering blev sendt til en anden kommune', 'your information, before an update was sent to another municipality'),
  'deadline.read': w('fristerne i dit forløb', 'the deadlines of your course'),
  'draft_referral.list': w('en henvisning om dig fra hospitalet (i en liste)', 'a referral about you from the hospital (in a list)'),
  'draft_referral.read': w('en henvisning om dig fra hospitalet', 'a referral about you from the hospital'),
  'extract.export': w('dine oplysninger i et udtræk', 'your information in an extract'),
  'fhir.read': w('dit forløb gennem systemets FHIR-adgang', 'your course through the FHIR interface'),
  'follow_up.read': w('dine opfølgningssamtaler', 'your follow-up conversations'),
  'hospital_stay.read': w('din indlæggelse på hospitalet', 'your hospital stay'),
  'hospital_stay.team.read': w('at du er på hospitalet (på holdets liste)', 'that you are in hospital (on the team list)'),
  'kl_gateway.export': w('dine oplysninger i indberetningen til KL', 'your information in the report to KL'),
  'message.attachment': w('et bilag til en besked om dig', 'an attachment to a message about you'),
  'message.course_list': w('beskeder om dig med hospital og læge', 'messages about you with hospital and doctor'),
  'message.recipients': w('hvem der kan sendes beskeder om dig til', 'who messages about you can be sent to'),
  'message.unmatched_list': w('en modtaget besked om dig, der ventede på at blive lagt på dit forløb', 'a received message about you waiting to be placed on your course'),
  'my_data.export': w('alle dine oplysninger (aktindsigt)', 'all your information (access request)'),
  'needs_assessment.read': w('din behovsvurdering', 'your needs assessment'),
  'preparation_form.list': w('dit forberedelsesskema (i en liste)', 'your preparation form (in a list)'),
  'preparation_form.open': w('dit forberedelsesskema', 'your preparation form'),
  'preparation_form.read': w('dit forberedelsesskema og din besvarelse', 'your preparation form and your answers'),
  'provider_inbox.list': w('din henvisning i den anden kommunes indbakke', 'your referral in the other municipality’s inbox'),
  'provider_inbox.read': w('din henvisning til et tilbud i en anden kommune', 'your referral to a service in another municipality'),
  'relative.list': w('dine pårørende i forløbet', 'your relatives in the course'),
  'relative_attendance.read': w('dine pårørendes fremmøde på holdet', "your relatives' attendance at the team"),
  'status_note.course_list': w('statusnotater om dig fra tilbuddet', 'status notes about you from the service'),
  'status_note.inbox': w('et statusnotat om dig (i indbakken)', 'a status note about you (in the inbox)'),
  'status_note.provider_list': w('statusnotater om dig, skrevet af tilbuddet', 'status notes about you written by the service'),
  'status_note.read': w('et statusnotat om dig', 'a status note about you'),
  'team.read': w('dit hold og dets deltagere', 'your team and its participants'),
  'team_list.pdf': w('deltagerlisten for dit hold (udskrevet)', 'the participant list of your team (printed)'),
  'transport.read': w('dine muligheder for kørsel', 'your options for transport'),
  'worklist.closed': w('dit afsluttede forløb på en liste', 'your closed course on a list'),
  'worklist.list': w('dit forløb på arbejdslisten', 'your course on the work list'),
};

/**
 * Actions the access log does not show, each with why: they change data or act on it (the issue's
 * log is of reads), or they are about no one citizen.
 */
export const notShownActions: Readonly<Record<string, 'write' | 'sign_in' | 'no_citizen'>> = {
  'action_plan.create': 'write',
  'attendance.citizen_cancel': 'write',
  'attendance.record': 'write',
  'auth.session_end': 'no_citizen',
  'auth.sessions_end_others': 'no_citizen',
  'audit_event.purge': 'no_citizen',
  'audit_review.alerts': 'no_citizen',
  'auth.sign_in': 'no_citizen',
  'auth.sign_out': 'no_citizen',
  // The whole database, everyone's data at once: audited as what was done, never whose.
  'backup.create': 'no_citizen',
  'backup.restore': 'no_citizen',
  'auth.single_logout': 'no_citizen',
  'auth.person_data_refused': 'no_citizen',
  'auth.user_deactivated': 'no_citizen',
  'catalogue.intervention.create': 'no_citizen',
  'catalogue.intervention.update': 'no_citizen',
  'catalogue.offering.update': 'no_citizen',
  'catalogue.routing.confirm': 'no_citizen',
  'catalogue.routing.create': 'no_citizen',
  'catalogue.routing.end': 'no_citizen',
  'citizen.create': 'write',
  'citizen.deceased': 'write',
  'citizen.gp': 'write',
  'citizen.move': 'write',
  'citizen.update': 'write',
  'citizen.vulnerable': 'write',
  'citizen_appointments.feed_off': 'write',
  'citizen_appointments.feed_on': 'write',
  'citizen_auth.sign_in': 'sign_in',
  'citizen_auth.sign_out': 'sign_in',
  'citizen_auth.single_logout': 'sign_in',
  'closing.conversation': 'write',
  'closing.note_save': 'write',
  'closing.questionnaire_answer': 'write',
  'closing.note_send': 'write',
  'closing_day.create': 'no_citizen',
  'closing_day.delete': 'no_citizen',
  'course.assign': 'write',
  'course.close': 'write',
  'course.contact': 'write',
  'course.preparation_form': 'write',
  'cross_referral.citizen_decline': 'write',
  'cross_referral.record': 'write',
  'cross_referral.send': 'write',
  'cross_referral.update': 'write',
  'deadline_pause.create': 'write',
  'deadline_pause.resume': 'write',
  'deadline_policy.create': 'no_citizen',
  'draft_referral.accept': 'write',
  'draft_referral.count': 'no_citizen',
  'draft_referral.receive': 'write',
  'draft_referral.reject': 'write',
  'draft_referral.upload': 'write',
  'enrolment.admit': 'write',
  'enrolment.create': 'write',
  'enrolment.end': 'write',
  'extract.import': 'write',
  'extract.validate': 'no_citizen',
  'follow_up.held': 'write',
  'follow_up.schedule': 'write',
  'hospital_notifications.setting.read': 'no_citizen',
  'hospital_notifications.setting.update': 'no_citizen',
  'hospital_stay.create': 'write',
  'hospital_stay.delete': 'write',
  'hospital_stay.update': 'write',
  'kl_gateway.exports.list': 'no_citizen',
  'kl_gateway.mapping.condition': 'no_citizen',
  'kl_gateway.mapping.intervention': 'no_citizen',
  'kl_gateway.municipality': 'no_citizen',
  'message.acknowledged': 'write',
  'message.failed': 'write',
  'message.list': 'no_citizen',
  'message.place': 'write',
  'message.queue': 'write',
  'message.receive': 'write',
  'message.send': 'write',
  'message.unmatched_count': 'no_citizen',
  'message.write': 'write',
  'municipality.unit_phone': 'no_citizen',
  'municipality_transport.read': 'no_citizen',
  'municipality_transport.update': 'no_citizen',
  'needs_assessment.create': 'write',
  'organisation.activate': 'no_citizen',
  'organisation.create': 'no_citizen',
  'organisation.deactivate': 'no_citizen',
  'organisation.update': 'no_citizen',
  'plan_goal.status': 'write',
  'planning.solve': 'no_citizen',
  'planning_scenario.export': 'no_citizen',
  'planning_scenario.read': 'no_citizen',
  'planning_scenario.save': 'no_citizen',
  'preparation_form.remind': 'write',
  'preparation_form.save': 'write',
  'preparation_form.send': 'write',
  'preparation_form.submit': 'write',
  'provider_inbox.accept': 'write',
  'provider_inbox.decline': 'write',
  'provider_inbox.deeper_assessment': 'write',
  'provider_inbox.measurement_correction': 'write',
  'referral.create': 'write',
  'relative.create': 'write',
  'relative.end': 'write',
  'relative.update': 'write',
  'relative_attendance.record': 'write',
  'report.export': 'no_citizen',
  'report.read': 'no_citizen',
  'settlement.list': 'no_citizen',
  'settlement.lock': 'no_citizen',
  'settlement.statement.export': 'no_citizen',
  'settlement.statement.read': 'no_citizen',
  'settlement.tariff.create': 'no_citizen',
  'settlement.tariff.end': 'no_citizen',
  'settlement.tariff.list': 'no_citizen',
  'staff.contact_update': 'no_citizen',
  'staff.create': 'no_citizen',
  'staff.list': 'no_citizen',
  'staff.sessions_end': 'no_citizen',
  'staff.sessions_read': 'no_citizen',
  'staff.update': 'no_citizen',
  'status_note.unread_count': 'no_citizen',
  'status_note.write': 'write',
  'team.create': 'no_citizen',
  'team.list': 'no_citizen',
  'team.sessions.generate': 'no_citizen',
  'team.update': 'no_citizen',
  'team_session.cancel': 'write',
  'team_session.reinstate': 'write',
  'transport_rule.create': 'no_citizen',
};

/** The read actions, for the log's query (a fixed list, the same size whatever the data). */
export const readActions: readonly string[] = Object.keys(readActionWording).sort();

/** Where a row has no purpose of its own: what the reading was for, derived from who read what. */
const purposeWording: Readonly<Record<string, Words>> = {
  home: w('behandling af dit forløb i din kommune', 'handling your course in your municipality'),
  provider: w('dit tilbud i en anden kommune', 'your service in another municipality'),
  referral_intake: w('modtagelse af din henvisning', 'receiving your referral'),
  start_page: w('kontaktpersonens oversigt over forløb', 'the contact person’s overview of courses'),
  start_page_provider: w('tilbuddets oversigt over henvisninger', 'the service’s overview of referrals'),
  start_page_lead: w('lederens oversigt over forløb uden kontaktperson', 'the lead’s overview of courses without a contact person'),
  kl_gateway_SUL140: w('lovpligtig indberetning til KL (genoptræning)', 'statutory report to KL (rehabilitation)'),
  kl_gateway_SUL119: w('lovpligtig indberetning til KL (forebyggelse)', 'statutory report to KL (prevention)'),
  citizen_request: w('du bad selv om at se dine oplysninger', 'you asked to see your information'),
  audit_review: w('kommunens tilsyn med, hvem der ser borgernes oplysninger (databeskyttelse)', 'the municipality’s review of who sees citizens’ information (data protection)'),
};

/** The staff member's roles, as the citizen would say them. */
export const roleWording: Readonly<Record<string, Words>> = {
  contact_person: w('kontaktperson', 'contact person'),
  therapist: w('terapeut', 'therapist'),
  municipal_lead: w('leder', 'lead'),
  coordinator: w('koordinator', 'coordinator'),
  administrator: w('administrator', 'administrator'),
  auditor: w('tilsyn (databeskyttelse)', 'data-protection review'),
};

const ownPurpose = w('du så selv dine oplysninger', 'you looked at your own information');
const treatment = w('behandling af dit forløb', 'handling your course');
const systemPurpose = w('systemets automatiske behandling', 'the system’s automatic processing');

export type ActorKind = 'staff' | 'citizen' | 'system';

/** What was looked at; an action without wording (never shipped: the test fails) reads as "dine oplysninger". */
export function describeRead(action: string): Words {
  return readActionWording[action] ?? w('dine oplysninger', 'your information');
}

/**
 * Why: the row's own purpose in plain words when it is a known code, else as written (an extract's
 * or a written request's reason, typed by staff); without one, derived from who read.
 */
export function describePurpose(purpose: string | null, actorKind: ActorKind): Words {
  // The citizen's own reads carry the purpose of the service they went through ("home"): say what they were.
  if (actorKind === 'citizen') return purpose === 'citizen_request' ? (purposeWording.citizen_request ?? ownPurpose) : ownPurpose;
  if (purpose) {
    const known = purposeWording[purpose];
    return known ?? w(purpose, purpose);
  }
  if (actorKind === 'system') return systemPurpose;
  return treatment;
}
