import type { AssessmentOccasion } from '@samkraft/contracts/assessments';
import type { InterventionForm } from '@samkraft/contracts/catalogue';
import type { CourseCloseReason } from '@samkraft/contracts/courses';
import type { CitizenDeclineReason, CrossReferralKind, ProviderDecision } from '@samkraft/contracts/cross-referrals';
import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import type { StatusNoteEndReason } from '@samkraft/contracts/status-notes';

/*
 * The plain model the delivery reports are built from: one citizen of the reporting municipality
 * with the referrals of one legal basis, as the repository reads them (set-based, for all the
 * period's citizens at once). Dates are Danish calendar dates `YYYY-MM-DD`; the builders look at
 * them as of a day (`asOf`, the period's last day), so a later fact is not yet reported.
 */

export type KlCitizenModel = {
  citizenId: string;
  /** As stored: 10 digits, or a replacement CPR with letters, or null (pseudonymised record). */
  cpr: string | null;
  deceasedOn: string | null;
  referrals: KlReferralModel[];
};

export type KlReferralModel = {
  referralId: string;
  courseId: string;
  receivedOn: string;
  dischargedOn: string | null;
  /** The referring organisation: none recorded, or recorded with or without a SOR code. */
  requester: { sor: string | null } | null;
  diagnosis: { code: string; title: string } | null;
  closedOn: string | null;
  closeReason: CourseCloseReason | null;
  /** The first contact with the citizen, and the needs assessment it agreed (a time offered). */
  firstContactOn: string | null;
  firstOfferedOn: string | null;
  assessments: KlAssessmentModel[];
  interventions: KlInterventionModel[];
  closingConversationOn: string | null;
};

export type KlAssessmentModel = { assessedOn: string; occasion: AssessmentOccasion; itemCodes: string[] };

/** One cross-municipal (or home) referral to a catalogue intervention: the forløb and its indsats. */
export type KlInterventionModel = {
  crossReferralId: string;
  kind: CrossReferralKind;
  interventionCode: string;
  interventionName: string;
  form: InterventionForm;
  providerMunicipality: string;
  receivedOn: string;
  startedOn: string | null;
  endedOn: string | null;
  endReason: StatusNoteEndReason | null;
  providerDecision: ProviderDecision | null;
  decline: { declinedOn: string; reason: CitizenDeclineReason } | null;
  /** Enrolled on a team (then delivered as a group). */
  inTeam: boolean;
  /** Team sessions the citizen attended: start instant (ISO, UTC), Danish date, minutes. */
  sessions: { sessionId: string; startsAt: string; onDate: string; minutes: number }[];
};

/** An FSIII code an administrator gave: a code, explicitly none (null), or no decision yet (undefined). */
export type KlCodeLookup = (samkraftCode: string) => string | null | undefined;

/** What a report needs besides the citizen: the basis, the day, the SOR codes and the mapping. */
export type KlBuildContext = {
  basis: KlLegalBasis;
  asOf: string;
  /** The reporting municipality's custodian SOR (managingOrganization). */
  custodianSor: string;
  /** The SOR of the municipality's delivering unit (needs assessment, closing conversation). */
  homeUnitSor: string;
  /** A providing municipality's delivering unit SOR, or null when none is set. */
  providerSor: (municipalityCode: string) => string | null;
  interventionCode: KlCodeLookup;
  conditionCode: KlCodeLookup;
};
