import { da } from './da.ts';
import { en } from './en.ts';
import { da as assessmentsDa, en as assessmentsEn } from '../features/assessments/i18n.ts';
import { da as calendarDa, en as calendarEn } from '../features/calendar/i18n.ts';
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
import { da as transportDa, en as transportEn } from '../features/transport/i18n.ts';
import { da as worklistDa, en as worklistEn } from '../features/worklist/i18n.ts';
import { da as reportsDa, en as reportsEn } from '../features/reports/i18n.ts';
import { da as extractsDa, en as extractsEn } from '../features/extracts/i18n.ts';

/**
 * Every text of the app, per language and namespace. The shell's texts are `translation`; a
 * feature may own a namespace (`features/<name>/i18n.ts` exporting `da` and `en` of one type)
 * and register it here, in both languages, so it is typed like the rest:
 *   import { da as referralsDa, en as referralsEn } from '../features/referrals/i18n.ts';
import { da as worklistDa, en as worklistEn } from '../features/worklist/i18n.ts';
 *   da: { translation: da, referrals: referralsDa, worklist: worklistDa }, en: { translation: en, referrals: referralsEn }
 * Components then use `useTranslation('referrals')`.
 */
export const resources = {
  da: { translation: da, statusNotes: statusNotesDa, crossReferrals: crossReferralsDa, suggestions: suggestionsDa, catalogue: catalogueDa, assessments: assessmentsDa, plans: plansDa, followUps: followUpsDa, closings: closingsDa, referrals: referralsDa, worklist: worklistDa, deadlines: deadlinesDa, calendar: calendarDa, transport: transportDa, teams: teamsDa, reports: reportsDa, extracts: extractsDa },
  en: { translation: en, statusNotes: statusNotesEn, crossReferrals: crossReferralsEn, suggestions: suggestionsEn, catalogue: catalogueEn, assessments: assessmentsEn, plans: plansEn, followUps: followUpsEn, closings: closingsEn, referrals: referralsEn, worklist: worklistEn, deadlines: deadlinesEn, calendar: calendarEn, transport: transportEn, teams: teamsEn, reports: reportsEn, extracts: extractsEn },
} as const;

export type Resources = (typeof resources)['da'];
