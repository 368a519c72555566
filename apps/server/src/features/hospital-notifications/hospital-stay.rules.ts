import type { CurrentHospitalStay, ReportedDeath } from '@samkraft/contracts/hospital-notifications';
import type { EpisodeOfCare, HospitalNotificationModel } from '../medcom/hospitalnotification-reader.ts';
import type { HospitalEncounterClass, HospitalEncounterStatus, HospitalNotificationActivity } from '../medcom/medcom-terminology.ts';

/*
 * A citizen's hospital stay as the notifications tell it. Every notification carries the whole
 * state of its stay (the Encounter's status, class, period and leave), so a stay is the state of
 * the newest notification of its episode of care — a correction (revise-…) or a cancellation
 * (cancel-…) is newer than what it corrects or cancels, and applies by replacing it; one that
 * arrives after a newer one changes nothing (out of order).
 */

/** What is kept of a stay: the state of its newest notification. */
export type StayState = {
  encounterClass: HospitalEncounterClass;
  status: HospitalEncounterStatus;
  activity: HospitalNotificationActivity;
  admittedAt: Date;
  endedAt: Date | null;
  leaveStartedAt: Date | null;
  leaveEndedAt: Date | null;
  deceased: boolean;
  departmentName: string | null;
  departmentSor: string | null;
  senderId: string;
  letterId: string;
  notifiedAt: Date;
};

const SOR_ENDPOINT = 'https://sor2.sum.dsdn.dk/';

/**
 * The episode of care a stay is known by: the hospital's own identifier (its system the sender's
 * SOR address, as the guide's examples write it), else the first one given (e.g. LPR3's).
 */
export function stayEpisode(episodes: readonly EpisodeOfCare[]): { system: string; value: string } | undefined {
  const chosen = episodes.find((e) => e.system?.startsWith(SOR_ENDPOINT)) ?? episodes[0];
  return chosen ? { system: chosen.system ?? '', value: chosen.value } : undefined;
}

const instant = (value: string | undefined): Date | null => {
  if (value === undefined) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** A valid notification's state, or why it cannot be one (a reader's model lacks what validation requires). */
export function stateOf(model: HospitalNotificationModel, senderId: string): StayState | undefined {
  const admittedAt = instant(model.start);
  const notifiedAt = instant(model.sentAt);
  if (!model.activity || !model.status || !model.encounterClass || !admittedAt || !notifiedAt || !model.messageHeaderId) return undefined;
  return {
    encounterClass: model.encounterClass,
    status: model.status,
    activity: model.activity,
    admittedAt,
    endedAt: instant(model.end),
    leaveStartedAt: instant(model.leave?.start),
    leaveEndedAt: instant(model.leave?.end),
    deceased: model.deceased === true,
    departmentName: model.department?.name ?? null,
    departmentSor: model.department?.sor ?? null,
    senderId,
    letterId: model.messageHeaderId,
    notifiedAt,
  };
}

export type StayDecision = { write: 'insert' | 'update'; state: StayState } | { write: 'none'; reason: 'older_than_kept' };

/** What a notification does to the stay kept for its episode: the newer state wins. */
export function decideStay(kept: StayState | undefined, incoming: StayState): StayDecision {
  if (!kept) return { write: 'insert', state: incoming };
  if (incoming.notifiedAt.getTime() < kept.notifiedAt.getTime()) return { write: 'none', reason: 'older_than_kept' };
  return { write: 'update', state: incoming };
}

/** At hospital now: in progress or on leave, and not dead. */
export const isCurrent = (s: Pick<StayState, 'status' | 'deceased'>) => !s.deceased && (s.status === 'in-progress' || s.status === 'onleave');

/** The stay to show of a citizen's stays: the current one admitted last, if any. */
export function currentStay(stays: readonly StayState[]): CurrentHospitalStay | null {
  const current = stays.filter(isCurrent).sort((a, b) => b.admittedAt.getTime() - a.admittedAt.getTime())[0];
  if (!current) return null;
  return {
    kind: current.encounterClass === 'IMP' ? 'admitted' : 'emergency',
    since: current.admittedAt.toISOString(),
    department: current.departmentName,
    onLeaveSince: current.status === 'onleave' ? (current.leaveStartedAt?.toISOString() ?? null) : null,
  };
}

/**
 * The hospital's word that the citizen died, when a stay's newest notification says so (a death
 * notification keeps the stay's activity and sets Patient.deceased; its cancellation sets it back,
 * so a stay no longer marked deceased says nothing): the newest such notification.
 */
export function reportedDeath(stays: readonly StayState[]): ReportedDeath | null {
  const death = stays.filter((s) => s.deceased && s.status !== 'entered-in-error').sort((a, b) => b.notifiedAt.getTime() - a.notifiedAt.getTime())[0];
  return death ? { notifiedAt: death.notifiedAt.toISOString(), department: death.departmentName } : null;
}
