import { providerGoalStatuses, type ProviderGoalStatus } from '@samkraft/contracts/status-notes';
import type { CrossReferralSummary, IncomingReferral } from '@samkraft/contracts/cross-referrals';
import type { ServiceContext } from '../../platform/context.ts';
import type { CourseKey } from '../courses/course.types.ts';
import { mayActAsProvider } from '../cross-referrals/cross-referral.rules.ts';
import { crossReferralParties, getCourseCrossReferral } from '../cross-referrals/cross-referral.service.ts';
import { getIncomingReferral } from '../provider-inbox/provider-inbox.service.ts';
import { getCourseStatusNotes, getProviderStatusNotes } from '../status-notes/status-note.service.ts';
import { getReferralAttendance } from '../teams/referral-attendance.service.ts';
import { toCrossGoals, toCrossServiceRequest, toSharedAssessment, toSharedPlan, toTask, type CrossView } from './cross-referral.mapper.ts';
import type { FhirResource, FhirResourceType } from './fhir-types.ts';
import { toStatusNoteCommunications } from './status-note.mapper.ts';
import { toAppointments, toEncounters } from './team-session.mapper.ts';

/*
 * The resources a cross-municipal referral holds, read through the side the actor is on: the home
 * municipality through its course's cross-referrals (`cross-referrals`), the provider through its
 * incoming referral (`provider-inbox`) — each service with its own access rule and audit.
 */

/** A referral as one side sees it; `courseId` only on the home side (the provider never learns it). */
export type SideView = { view: CrossView; courseId: string | null };

const goalStatus = (s: string): ProviderGoalStatus => (providerGoalStatuses as readonly string[]).includes(s) ? (s as ProviderGoalStatus) : 'open';

export function homeView(key: Pick<CourseKey, 'courseId' | 'citizenId' | 'homeMunicipalityCode'>, x: CrossReferralSummary): SideView {
  return {
    courseId: key.courseId,
    view: {
      side: 'home',
      id: x.id,
      kind: x.kind,
      citizen: { id: key.citizenId, name: null },
      home: { code: key.homeMunicipalityCode, name: null },
      provider: { code: x.providerMunicipalityCode, name: x.providerMunicipalityName },
      interventionName: x.interventionName,
      placeName: x.placeName,
      consentOn: x.consentOn,
      sentAt: x.sentAt,
      receivedOn: x.receivedOn,
      providerDecision: x.providerDecision,
      providerDecisionReason: x.providerDecisionReason,
      providerContactOn: x.providerContactOn,
      startedOn: x.startedOn,
      endedOn: x.endedOn,
      citizenDeclined: x.citizenDeclines.length > 0,
      snapshot: x.updateHistory.at(-1)?.snapshot ?? x.snapshot,
      providerGoals: [],
    },
  };
}

export function providerView(providerMunicipalityCode: string, r: IncomingReferral): SideView {
  return {
    courseId: null,
    view: {
      side: 'provider',
      id: r.id,
      kind: r.kind,
      citizen: { id: r.citizen.id, name: r.citizen.name },
      home: { code: r.homeMunicipalityCode, name: r.homeMunicipalityName },
      provider: { code: providerMunicipalityCode, name: null },
      interventionName: r.interventionName,
      placeName: r.snapshot.placeName,
      consentOn: null,
      sentAt: r.sentAt,
      receivedOn: r.receivedOn,
      providerDecision: r.providerDecision,
      providerDecisionReason: r.providerDecisionReason,
      providerContactOn: r.providerContactOn,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      citizenDeclined: r.citizenDeclines.length > 0,
      snapshot: r.updates.at(-1)?.snapshot ?? r.snapshot,
      providerGoals: r.goals.map((g) => ({ description: g.description, setOn: g.setOn, status: goalStatus(g.status) })),
    },
  };
}

/** The provider's view of one referral sent to the actor's municipality (audited by `provider-inbox`). */
export async function readIncoming(ctx: ServiceContext, crossReferralId: string): Promise<SideView> {
  const incoming = await getIncomingReferral(ctx, crossReferralId);
  return providerView(ctx.actor.kind === 'staff' ? ctx.actor.municipalityCode : '', incoming);
}

/**
 * One referral as the actor's side sees it: the provider's view when the actor's municipality is
 * the one it was sent to, else the home municipality's (whose service refuses everyone else, and
 * an unknown id, audited).
 */
export async function readCrossReferral(ctx: ServiceContext, crossReferralId: string): Promise<SideView> {
  const parties = await crossReferralParties(ctx.db, crossReferralId);
  if (parties && ctx.actor.kind === 'staff' && ctx.actor.municipalityCode === parties.providerMunicipalityCode && parties.providerMunicipalityCode !== parties.homeMunicipalityCode) {
    return readIncoming(ctx, crossReferralId);
  }
  const home = await getCourseCrossReferral(ctx, crossReferralId);
  return homeView({ courseId: home.courseId, citizenId: home.citizenId, homeMunicipalityCode: parties?.homeMunicipalityCode ?? '' }, home.crossReferral);
}

/** The resources of one type the referral holds, as the side that reads it may see them. */
export async function crossResources(ctx: ServiceContext, side: SideView, type: FhirResourceType): Promise<FhirResource[]> {
  const v = side.view;
  switch (type) {
    case 'ServiceRequest':
      return [toCrossServiceRequest(v)];
    case 'Task':
      return [toTask(v)].filter((t) => t !== null);
    case 'CarePlan':
      return [toSharedPlan(v)].filter((p) => p !== null);
    case 'Goal':
      return toCrossGoals(v);
    case 'QuestionnaireResponse':
      return [toSharedAssessment(v)].filter((q) => q !== null);
    case 'Communication': {
      if (v.kind !== 'cross_municipal' || v.sentAt === null) return [];
      const parties = { crossReferralId: v.id, citizenId: v.citizen.id, homeMunicipalityCode: v.home.code, providerMunicipalityCode: v.provider.code };
      if (side.courseId !== null) return toStatusNoteCommunications(parties, (await getCourseStatusNotes(ctx, side.courseId)).items);
      // A provider that declined the referral writes no notes and reads none (as its page).
      if (v.providerDecision === 'declined') return [];
      return toStatusNoteCommunications(parties, (await getProviderStatusNotes(ctx, v.id)).notes);
    }
    case 'Appointment':
    case 'Encounter': {
      // Team sessions and attendance are the providing municipality's (the home one never sees
      // them, unless it provides the intervention itself): read by its therapists and leads.
      if (!mayActAsProvider(ctx.actor, v.provider.code) || v.providerDecision !== 'accepted') return [];
      const attendance = await getReferralAttendance(ctx, v.id);
      return type === 'Appointment' ? toAppointments(attendance) : toEncounters(attendance);
    }
    case 'Patient':
    case 'Organization':
    case 'AuditEvent':
      return [];
  }
}
