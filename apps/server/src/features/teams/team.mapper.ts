import type { Enrolment, OfferingChoice, TeamCitizen, TeamSession, TeamSummary } from '@samkraft/contracts/teams';
import { danishDate } from '../../platform/clock.ts';
import { citizenIdentifier, citizenName } from '../citizens/citizen.mapper.ts';
import { countAttendance } from './attendance.rules.ts';
import type { CitizenRef, EnrolmentRecord } from './enrolment.repository.ts';
import type { OfferingRecord, SessionRecord, TeamCounts, TeamRecord } from './team.repository.ts';
import type { SessionFact } from './admission.rules.ts';
import { defaultQuota, type Slot } from './team.rules.ts';

export const toOfferingChoice = (o: OfferingRecord): OfferingChoice => ({
  id: o.id,
  placeName: o.placeName,
  interventionCode: o.interventionCode,
  interventionName: o.interventionName,
  defaultQuota: defaultQuota(o.doseParts),
  teamMode: o.teamMode,
});

/** The provider sees a citizen's name and identifier only — the rest stays with the referral's snapshot. */
export const toTeamCitizen = (c: CitizenRef): TeamCitizen => ({ id: c.id, name: citizenName(c), identifier: citizenIdentifier(c), homeMunicipality: c.homeMunicipality });

export function toTeamSummary(t: TeamRecord, offering: OfferingRecord, schedule: Slot[], counts: TeamCounts | undefined): TeamSummary {
  return {
    id: t.id,
    name: t.name,
    mode: t.mode,
    capacity: t.capacity,
    sessionQuota: t.sessionQuota,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    room: t.room,
    citizenCancelCutoffHours: t.citizenCancelCutoffHours,
    offering: toOfferingChoice(offering),
    schedule,
    enrolled: counts?.enrolled ?? 0,
    waiting: counts?.waiting ?? 0,
    sessions: counts?.sessions ?? 0,
    nextSessionAt: counts?.nextSessionAt?.toISOString() ?? null,
  };
}

export const toTeamSession = (s: SessionRecord): TeamSession => ({
  id: s.id,
  startsAt: s.startsAt.toISOString(),
  date: danishDate(s.startsAt),
  durationMinutes: s.durationMinutes,
  room: s.room,
  kind: s.kind,
  cancelled: s.cancelled,
  cancelReason: s.cancelReason,
  recorded: s.recorded,
});

export const toEnrolment = (e: EnrolmentRecord): Enrolment => ({
  id: e.id,
  crossReferralId: e.crossReferralId,
  citizen: toTeamCitizen(e.citizen),
  status: e.status,
  waitingSince: e.waitingSince?.toISOString() ?? null,
  startOn: e.startOn,
  quota: e.quota,
  endedOn: e.endedOn,
  endReason: e.endReason,
  counts: countAttendance(e.statuses),
});

export const toSessionFact = (s: SessionRecord): SessionFact => ({ date: danishDate(s.startsAt), startsAt: s.startsAt, kind: s.kind, cancelled: s.cancelled });
