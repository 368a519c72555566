import { da as assessmentsDa, en as assessmentsEn } from '../features/assessments/i18n.ts';
import { da as calendarDa, en as calendarEn } from '../features/calendar/i18n.ts';
import { da as citizenSearchDa, en as citizenSearchEn } from '../features/citizen-search/i18n.ts';
import { da as catalogueDa, en as catalogueEn } from '../features/catalogue/i18n.ts';
import { da as closingsDa, en as closingsEn } from '../features/closings/i18n.ts';
import { da as crossReferralsDa, en as crossReferralsEn } from '../features/cross-referrals/i18n.ts';
import { da as deadlinesDa, en as deadlinesEn } from '../features/deadlines/i18n.ts';
import { da as followUpsDa, en as followUpsEn } from '../features/follow-ups/i18n.ts';
import { da as plansDa, en as plansEn } from '../features/plans/i18n.ts';
import { da as referralsDa, en as referralsEn } from '../features/referrals/i18n.ts';
import { da as statusNotesDa, en as statusNotesEn } from '../features/status-notes/i18n.ts';
import { da as suggestionsDa, en as suggestionsEn } from '../features/suggestions/i18n.ts';
import { da as teamsDa, en as teamsEn } from '../features/teams/i18n.ts';
import { da as planningDa, en as planningEn } from '../features/planning/i18n.ts';
import { da as transportDa, en as transportEn } from '../features/transport/i18n.ts';
import { da as worklistDa, en as worklistEn } from '../features/worklist/i18n.ts';
import { da as reportsDa, en as reportsEn } from '../features/reports/i18n.ts';
import { da as extractsDa, en as extractsEn } from '../features/extracts/i18n.ts';
import { da as jobsDa, en as jobsEn } from '../features/jobs/i18n.ts';
import { da as organisationsDa, en as organisationsEn } from '../features/organisations/i18n.ts';
import { da as hospitalReferralsDa, en as hospitalReferralsEn } from '../features/hospital-referrals/i18n.ts';
import { da as klGatewayDa, en as klGatewayEn } from '../features/kl-gateway/i18n.ts';
import { da as hospitalNotificationsDa, en as hospitalNotificationsEn } from '../features/hospital-notifications/i18n.ts';
import { da as messagingDa, en as messagingEn } from '../features/messaging/i18n.ts';
import { da as accessLogDa, en as accessLogEn } from '../features/access-log/i18n.ts';
import { da as relativesDa, en as relativesEn } from '../features/relatives/i18n.ts';
import { da as settlementDa, en as settlementEn } from '../features/settlement/i18n.ts';
import { da as sessionsDa, en as sessionsEn } from '../features/sessions/i18n.ts';
import { da as auditReviewDa, en as auditReviewEn } from '../features/audit-review/i18n.ts';
import type { i18n as I18n } from 'i18next';

/**
 * The feature namespaces' texts (`features/<name>/i18n.ts`, each exporting `da` and `en` of one
 * type), registered here in both languages. They are loaded with the signed-in shell, not with
 * the sign-in page, which needs only the shell's own texts (resources.ts). A new feature
 * namespace is added here:
 *   import { da as referralsDa, en as referralsEn } from '../features/referrals/i18n.ts';
 * Components then use `useTranslation('referrals')`.
 */
export const featureResources = {
  da: { statusNotes: statusNotesDa, crossReferrals: crossReferralsDa, suggestions: suggestionsDa, catalogue: catalogueDa, assessments: assessmentsDa, plans: plansDa, followUps: followUpsDa, closings: closingsDa, referrals: referralsDa, worklist: worklistDa, deadlines: deadlinesDa, calendar: calendarDa, transport: transportDa, teams: teamsDa, reports: reportsDa, extracts: extractsDa, jobs: jobsDa, citizenSearch: citizenSearchDa, hospitalReferrals: hospitalReferralsDa, organisations: organisationsDa, klGateway: klGatewayDa, hospitalNotifications: hospitalNotificationsDa, messaging: messagingDa, accessLog: accessLogDa, relatives: relativesDa, settlement: settlementDa, planning: planningDa, auditReview: auditReviewDa, sessions: sessionsDa },
  en: { statusNotes: statusNotesEn, crossReferrals: crossReferralsEn, suggestions: suggestionsEn, catalogue: catalogueEn, assessments: assessmentsEn, plans: plansEn, followUps: followUpsEn, closings: closingsEn, referrals: referralsEn, worklist: worklistEn, deadlines: deadlinesEn, calendar: calendarEn, transport: transportEn, teams: teamsEn, reports: reportsEn, extracts: extractsEn, jobs: jobsEn, citizenSearch: citizenSearchEn, hospitalReferrals: hospitalReferralsEn, organisations: organisationsEn, klGateway: klGatewayEn, hospitalNotifications: hospitalNotificationsEn, messaging: messagingEn, accessLog: accessLogEn, relatives: relativesEn, settlement: settlementEn, planning: planningEn, auditReview: auditReviewEn, sessions: sessionsEn },
} as const;

/** Adds every feature namespace to an i18next instance (idempotent). */
export function addFeatureTexts(i18n: I18n): void {
  for (const [lng, namespaces] of Object.entries(featureResources)) {
    for (const [ns, texts] of Object.entries(namespaces)) {
      if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, texts);
    }
  }
}
