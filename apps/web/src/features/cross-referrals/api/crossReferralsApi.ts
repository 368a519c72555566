import { z } from 'zod';
import {
  courseCrossReferrals,
  incomingReferral,
  providerInbox,
  sharedSnapshot,
  type CourseCrossReferrals,
  type HomeOfferBody,
  type IncomingReferral,
  type ProviderInbox,
  type SharablePlanField,
  type SharedSnapshot,
} from '@samkraft/contracts/cross-referrals';
import { municipality, type Municipality } from '@samkraft/contracts/reference';
import { requestJson, requestVoid } from '../../../api/client.ts';

export type Share = { planFields: SharablePlanField[]; assessmentItems: string[]; diagnosis?: boolean };
const enc = encodeURIComponent;

export function fetchCourseCrossReferrals(courseId: string): Promise<CourseCrossReferrals> {
  return requestJson(`/api/courses/${enc(courseId)}/cross-referrals`, courseCrossReferrals);
}

export function previewCrossReferral(courseId: string, body: { offeringId: string; share: Share }): Promise<SharedSnapshot> {
  return requestJson(`/api/courses/${enc(courseId)}/cross-referrals/preview`, sharedSnapshot, { method: 'POST', body });
}

export function sendCrossReferral(courseId: string, body: { offeringId: string; consentOn: string; share: Share }): Promise<{ id: string }> {
  return requestJson(`/api/courses/${enc(courseId)}/cross-referrals`, z.object({ id: z.string() }), { method: 'POST', body });
}

export function previewCrossReferralUpdate(id: string, share: Share): Promise<SharedSnapshot> {
  return requestJson(`/api/cross-referrals/${enc(id)}/updates/preview`, sharedSnapshot, { method: 'POST', body: { share } });
}

export function sendCrossReferralUpdate(id: string, share: Share): Promise<void> {
  return requestVoid(`/api/cross-referrals/${enc(id)}/updates`, { method: 'POST', body: { share } });
}

export function fetchProviderInbox(): Promise<ProviderInbox> {
  return requestJson('/api/provider-inbox', providerInbox);
}

export function fetchIncomingReferral(id: string): Promise<IncomingReferral> {
  return requestJson(`/api/provider-inbox/${enc(id)}`, incomingReferral);
}

export function acceptReferral(id: string, contactOn: string): Promise<void> {
  return requestVoid(`/api/provider-inbox/${enc(id)}/accept`, { method: 'POST', body: { contactOn } });
}

export function declineReferral(id: string, reason: string): Promise<void> {
  return requestVoid(`/api/provider-inbox/${enc(id)}/decline`, { method: 'POST', body: { reason } });
}

export function recordCitizenDecline(id: string, body: { declinedOn: string; reason: string; note?: string }): Promise<void> {
  return requestVoid(`/api/cross-referrals/${enc(id)}/citizen-declines`, { method: 'POST', body });
}

export type DeeperAssessmentInput = { assessedOn: string; profession: string; findings: string; tests: { testCode: string; value: number }[]; goals: string[] };

export function recordDeeperAssessment(id: string, body: DeeperAssessmentInput): Promise<{ id: string }> {
  return requestJson(`/api/provider-inbox/${enc(id)}/deeper-assessments`, z.object({ id: z.string() }), { method: 'POST', body });
}

export type MeasurementCorrectionInput = { testCode: string; value: number; reason: string };

/** A correction of a recorded measurement: its next version; the earlier value stays. */
export function correctMeasurement(id: string, assessmentId: string, body: MeasurementCorrectionInput): Promise<{ version: number }> {
  return requestJson(`/api/provider-inbox/${enc(id)}/deeper-assessments/${enc(assessmentId)}/corrections`, z.object({ version: z.number() }), { method: 'POST', body });
}

/** A home or temporary home offer, or a §140 free choice outside the collaboration. */
export function recordHomeOffer(courseId: string, body: HomeOfferBody): Promise<{ id: string }> {
  return requestJson(`/api/courses/${enc(courseId)}/home-offers`, z.object({ id: z.string() }), { method: 'POST', body });
}

/** Every Danish municipality: a free choice may be outside the collaboration's nine. */
export function fetchAllMunicipalities(): Promise<Municipality[]> {
  return requestJson('/api/municipalities?members=false', z.array(municipality));
}
