import type { Profession } from '@samkraft/contracts/common';
import type { AssessmentOccasion } from '@samkraft/contracts/assessments';
import type { CourseCloseReason } from '@samkraft/contracts/courses';
import type { DeadlineState } from '@samkraft/contracts/deadlines';
import type { ProviderReferralState } from '@samkraft/contracts/cross-referrals';
import type { ProviderGoalStatus } from '@samkraft/contracts/status-notes';
import type { EnrolmentEndReason } from '@samkraft/contracts/teams';

/**
 * The words several screens share, each list in one place: a citizen's referral is in the same
 * state, a course ends for the same reasons and a deadline is in the same state whichever screen
 * shows it. Feature namespaces take their lists from here (`endReasons: vocabularyDa.endReasons`)
 * rather than keeping a copy that drifts. Labels start with a capital letter; a sentence that
 * puts one mid-text lower-cases it (`lowerLabel`).
 */
export const vocabularyDa = {
  professions: {
    nurse: 'Sygeplejerske',
    physiotherapist: 'Fysioterapeut',
    occupational_therapist: 'Ergoterapeut',
    dietitian: 'Diætist',
    physician: 'Læge',
    social_worker: 'Socialrådgiver',
    administrative: 'Administrativ medarbejder',
    other: 'Anden faggruppe',
  } satisfies Record<Profession, string>,
  /** Why a course in the home municipality was closed. */
  closeReasons: {
    completed: 'Gennemført',
    declined: 'Borgeren takkede nej',
    died: 'Borgeren er død',
    moved: 'Flyttet fra kommunen',
    not_in_target_group: 'Uden for målgruppen',
    duplicate: 'Dublet',
    other: 'Anden grund',
  } satisfies Record<CourseCloseReason, string>,
  /** Why a citizen's intervention at the providing municipality ended (team and end note alike). */
  endReasons: {
    quota_reached: 'Kvoten brugt',
    completed: 'Gennemført',
    dropped_out: 'Stoppet',
    health_worsened: 'Helbred forværret',
    died: 'Død',
    moved: 'Flyttet',
    other: 'Anden grund',
  } satisfies Record<EnrolmentEndReason, string>,
  /** Where a cross-municipal referral stands at the providing municipality. */
  providerReferralStates: {
    new: 'Ny',
    accepted: 'Accepteret',
    started: 'Startet på hold',
    ended: 'Afsluttet',
    declined: 'Afvist',
    citizen_declined: 'Borgeren takkede nej',
  } satisfies Record<ProviderReferralState, string>,
  deadlineStates: {
    open: 'Åben',
    due_soon: 'Snart',
    overdue: 'Overskredet',
    met: 'Overholdt',
    met_late: 'Overholdt for sent',
    paused: 'Sat i bero',
  } satisfies Record<DeadlineState, string>,
  /** How far an action plan's or a provider's goal is reached. */
  goalStatuses: { open: 'Igangværende', reached: 'Nået', partly_reached: 'Delvist nået', not_reached: 'Ikke nået', dropped: 'Opgivet' } satisfies Record<ProviderGoalStatus, string>,
  /** Why a needs assessment was made (the end one is part of the closing). */
  assessmentOccasions: { initial: 'Indledende', change: 'Ændret tilstand', end: 'Afsluttende' } satisfies Record<AssessmentOccasion, string>,
  /** A routing the collaboration has not agreed on yet (e.g. the nearest provider). */
  provisionalRoute: 'Foreløbig visitation',
  provisionalRouteHint: 'Visitationen er ikke aftalt i samarbejdet endnu; den er foreløbig sat til fx nærmeste udbyder.',
};

export const vocabularyEn: typeof vocabularyDa = {
  professions: {
    nurse: 'Nurse',
    physiotherapist: 'Physiotherapist',
    occupational_therapist: 'Occupational therapist',
    dietitian: 'Dietitian',
    physician: 'Physician',
    social_worker: 'Social worker',
    administrative: 'Administrative staff',
    other: 'Other profession',
  },
  closeReasons: {
    completed: 'Completed',
    declined: 'The citizen declined',
    died: 'The citizen has died',
    moved: 'Moved from the municipality',
    not_in_target_group: 'Outside the target group',
    duplicate: 'Duplicate',
    other: 'Other reason',
  },
  endReasons: {
    quota_reached: 'Quota used',
    completed: 'Completed',
    dropped_out: 'Dropped out',
    health_worsened: 'Health worsened',
    died: 'Died',
    moved: 'Moved',
    other: 'Other reason',
  },
  providerReferralStates: {
    new: 'New',
    accepted: 'Accepted',
    started: 'Started in a team',
    ended: 'Ended',
    declined: 'Declined',
    citizen_declined: 'The citizen declined',
  },
  deadlineStates: {
    open: 'Open',
    due_soon: 'Due soon',
    overdue: 'Overdue',
    met: 'Met',
    met_late: 'Met late',
    paused: 'Paused',
  },
  goalStatuses: { open: 'In progress', reached: 'Reached', partly_reached: 'Partly reached', not_reached: 'Not reached', dropped: 'Dropped' },
  assessmentOccasions: { initial: 'Initial', change: 'Changed condition', end: 'End' },
  provisionalRoute: 'Provisional routing',
  provisionalRouteHint: 'The collaboration has not agreed this routing yet; it is provisionally set to e.g. the nearest provider.',
};

/** A label put mid-sentence: "Afsluttet 3. december 2026 (flyttet fra kommunen)". */
export function lowerLabel(label: string, language: 'da' | 'en'): string {
  return label.charAt(0).toLocaleLowerCase(language) + label.slice(1);
}
