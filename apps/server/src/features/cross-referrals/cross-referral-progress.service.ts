import type { StatusNoteEndReason } from '@samkraft/contracts/status-notes';
import type { EnrolmentEndReason } from '@samkraft/contracts/teams';
import type { Db } from '../../platform/database/database.ts';
import {
  endReferralWithEnrolment,
  markReferralAttended,
  setDeeperAssessedIfFirst,
  setProviderAccepted,
  setProviderDeclined,
  setReferralEndedIfOpen,
} from './cross-referral.repository.ts';

/*
 * The provider's progress on a referral, written only by `cross-referrals` (the table's owner).
 * The provider inbox, the status notes and the teams call these inside their own transaction
 * (`db`), after deciding access and before auditing, so each action stays one transaction.
 */

/** The provider accepts the referral with the date of its first contact. */
export function markAcceptedByProvider(db: Db, crossReferralId: string, contactOn: string): Promise<void> {
  return setProviderAccepted(db, crossReferralId, contactOn);
}

/** The provider declines the referral, with its reason. */
export function markDeclinedByProvider(db: Db, crossReferralId: string, reason: string): Promise<void> {
  return setProviderDeclined(db, crossReferralId, reason);
}

/** A deeper assessment was made; only the first one meets the deadline. */
export function markDeeperAssessed(db: Db, crossReferralId: string, assessedOn: string): Promise<void> {
  return setDeeperAssessedIfFirst(db, crossReferralId, assessedOn);
}

/** A session was attended on `attendedOn`: the referral's start is its first session attended. */
export function recordSessionAttended(db: Db, crossReferralId: string, attendedOn: string): Promise<void> {
  return markReferralAttended(db, crossReferralId, attendedOn);
}

/** The citizen's enrolment ended: the referral ends with it unless it has an end or another team. */
export function endReferralWithTeam(db: Db, crossReferralId: string, endedOn: string, endReason: Exclude<EnrolmentEndReason, 'quota_reached'>): Promise<void> {
  return endReferralWithEnrolment(db, crossReferralId, endedOn, endReason);
}

/** An end note ends the referral, unless it already has an end; true when this call ended it. */
export function endReferralByNote(db: Db, crossReferralId: string, endedOn: string, endReason: StatusNoteEndReason): Promise<boolean> {
  return setReferralEndedIfOpen(db, crossReferralId, endedOn, endReason);
}
