import type { EnrolmentEndReason } from '@samkraft/contracts/teams';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { endReferralWithTeam } from '../cross-referrals/cross-referral-progress.service.ts';
import { admissionFor, cohortStarted, nextStartOn, referralEndReason, seatsToFill, startFor } from './admission.rules.ts';
import { admitEnrolment, countEnrolled, endEnrolment, listWaiting } from './enrolment.repository.ts';
import { toSessionFact } from './team.mapper.ts';
import { listSessions, lockTeam, type TeamRecord } from './team.repository.ts';

/**
 * Where a team stands for admission right now. Call it only inside a transaction that holds the
 * team lock (`lockTeam`), so the seat count is the truth until the transaction ends.
 */
export async function admissionState(ctx: ServiceContext, team: TeamRecord, capacity: number) {
  const sessions = (await listSessions(ctx.db, team.id)).map(toSessionFact);
  const today = danishDate(ctx.clock.now());
  const started = team.mode === 'cohort' && cohortStarted(sessions, team.startsOn, ctx.clock.now(), today);
  const facts = { mode: team.mode, started, enrolled: await countEnrolled(ctx.db, team.id), capacity };
  return { facts, sessions, today, status: admissionFor(facts) };
}

/**
 * Gives free seats to the waiting list, longest-waiting first, in the caller's transaction and
 * under the team lock it holds. Each admitted citizen starts at the next held session on or after
 * today (a cohort: at its first session) — never before their referral was received. Audited per
 * citizen.
 */
export async function fillFreeSeats(ctx: ServiceContext, team: TeamRecord, capacity: number, cause: string): Promise<number> {
  const { facts, sessions, today } = await admissionState(ctx, team, capacity);
  const waiting = await listWaiting(ctx.db, team.id, seatsToFill(facts, Number.MAX_SAFE_INTEGER));
  const rollingStart = nextStartOn(sessions, today, team.startsOn);
  for (const w of waiting) {
    const planned = startFor(team.mode, sessions, team.startsOn, rollingStart);
    const startOn = planned < w.receivedOn ? w.receivedOn : planned;
    await admitEnrolment(ctx.db, w.id, startOn);
    await audit(ctx.db, ctx, [{ action: 'enrolment.admit', citizenId: w.citizenId, entityType: 'enrolment', entityId: w.id, outcome: 'allowed', detail: { teamId: team.id, startOn, automatic: true, cause } }]);
  }
  return waiting.length;
}

/**
 * Ends an enrolment and, in the same transaction, the cross-municipal referral (if it has no end
 * yet) and gives the freed seat to the waiting list. Takes the team lock first, like enrolment.
 */
export async function endEnrolmentAndAdmit(
  ctx: ServiceContext,
  team: TeamRecord,
  e: { id: string; crossReferralId: string },
  endedOn: string,
  reason: EnrolmentEndReason,
): Promise<number> {
  const locked = await lockTeam(ctx.db, team.id);
  if (!locked) return 0;
  await endEnrolment(ctx.db, e.id, endedOn, reason);
  await endReferralWithTeam(ctx.db, e.crossReferralId, endedOn, referralEndReason(reason));
  return fillFreeSeats(ctx, team, locked.capacity, reason);
}
