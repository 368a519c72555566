import type { SystemActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import type { HospitalNotificationModel } from '../medcom/hospitalnotification-reader.ts';
import { actsOnNotifications, findCitizenWithOpenCourse, insertStay, lockStay, updateStay } from './hospital-notification.repository.ts';
import { decideStay, isCurrent, stateOf, stayEpisode } from './hospital-stay.rules.ts';

/*
 * A valid hospital notification, acted on for the municipality it was addressed to — or not:
 * only when the municipality has chosen to act on them, and only for its citizen with an open
 * course (the guide: the receiving system shows a notification only for citizens whose services
 * fall within the legal framework). Runs in the caller's transaction (the inbox's, with the
 * message and its acknowledgement); the stay written is audited as the system's write.
 */

export type NotificationOutcome =
  /** Kept: the stay of its episode now says what it says. */
  | { acted: 'applied'; citizenId: string; stayId: string; current: boolean }
  /** A newer notification of the stay came first: nothing changed. */
  | { acted: 'older_than_kept'; citizenId: string; stayId: string }
  /** Not acted on, and nothing of it kept: the municipality does not act on notifications; no citizen of it with an open course has the CPR. */
  | { acted: 'setting_off' | 'no_open_course' | 'unreadable' };

export async function applyHospitalNotification(
  trx: Db,
  ctx: { actor: SystemActor; requestId?: string },
  n: { municipalityCode: string; senderId: string; model: HospitalNotificationModel; now: Date },
): Promise<NotificationOutcome> {
  if (!(await actsOnNotifications(trx, n.municipalityCode))) return { acted: 'setting_off' };
  const state = stateOf(n.model, n.senderId);
  const episode = stayEpisode(n.model.episodes);
  const cpr = n.model.patient?.cpr;
  if (!state || !episode || !cpr) return { acted: 'unreadable' };
  const kept = await lockStay(trx, n.municipalityCode, episode);
  const citizen = kept ? { citizenId: kept.citizenId } : await findCitizenWithOpenCourse(trx, n.municipalityCode, cpr);
  if (!citizen) return { acted: 'no_open_course' };
  const decision = decideStay(kept?.state, state);
  if (decision.write === 'none' && kept) return { acted: 'older_than_kept', citizenId: kept.citizenId, stayId: kept.id };
  let stayId: string;
  if (kept) {
    await updateStay(trx, kept.id, state, n.now);
    stayId = kept.id;
  } else stayId = await insertStay(trx, { municipalityCode: n.municipalityCode, citizenId: citizen.citizenId, episode, state, now: n.now });
  await audit(trx, ctx, [
    {
      action: kept ? 'hospital_stay.update' : 'hospital_stay.create',
      citizenId: citizen.citizenId,
      entityType: 'hospital_stay',
      entityId: stayId,
      outcome: 'allowed',
      detail: { activity: state.activity, status: state.status, encounterClass: state.encounterClass, letterId: state.letterId, previous: kept ? { activity: kept.state.activity, status: kept.state.status } : null },
    },
  ]);
  return { acted: 'applied', citizenId: citizen.citizenId, stayId, current: isCurrent(state) };
}
