import type { z } from 'zod';
import type { Enrolment, enrolmentCreate, enrolmentEnd } from '@samkraft/contracts/teams';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCitizenAccess } from '../citizens/citizen-access.rules.ts';
import { checkEndDate, cohortStartOn } from './admission.rules.ts';
import { admitEnrolment, findEnrolment, findReferralForEnrolment, insertEnrolment, lastUsedSessionAt } from './enrolment.repository.ts';
import { toEnrolment } from './team.mapper.ts';
import { lockTeam } from './team.repository.ts';
import { checkEnrolmentStart } from './team.rules.ts';
import { requireTeam } from './team.service.ts';
import { admissionState, endEnrolmentAndAdmit } from './waiting-list.service.ts';

type Tx = ServiceContext['db'];

async function readBack(db: Tx, enrolmentId: string): Promise<Enrolment> {
  const e = await findEnrolment(db, enrolmentId);
  if (!e) throw new AppError('internal', 'The enrolment could not be read back');
  return toEnrolment(e);
}

/**
 * Rolling admission: the citizen of an accepted referral to this team's offering joins from
 * `startOn` with their own quota, or goes on the waiting list when the team is full. A cohort
 * team starts everyone at its first session and, once started, puts newcomers on the waiting
 * list. The team row is locked first, so concurrent enrolments queue and capacity is never
 * exceeded. The referral's `started_on` is not set here: it is the first session attended.
 */
export async function enrol(ctx: ServiceContext, teamId: string, input: z.output<typeof enrolmentCreate>): Promise<Enrolment> {
  const team = await requireTeam(ctx, teamId, 'enrolment.create');
  const referral = await findReferralForEnrolment(ctx.db, input.crossReferralId);
  const access = referral
    ? decideCitizenAccess(ctx.actor, {
        homeMunicipalityCode: referral.homeMunicipalityCode,
        referralHomeCodes: [referral.homeMunicipalityCode],
        sharedWithProviderCodes: referral.sent || referral.kind !== 'cross_municipal' ? [referral.providerMunicipalityCode] : [],
      })
    : null;
  if (!referral || !access?.allowed || referral.providerMunicipalityCode !== team.hostMunicipalityCode) {
    await audit(ctx.db, ctx, [
      { action: 'enrolment.create', citizenId: null, entityType: 'cross_referral', entityId: input.crossReferralId, outcome: 'denied', detail: { teamId, reason: referral ? 'not_provider' : 'not_found' } },
    ]);
    throw AppError.notFound('Cross-municipal referral');
  }
  if (referral.offeringId !== team.offeringId || referral.decision !== 'accepted' || referral.endedOn !== null) {
    throw AppError.validation([{ field: 'crossReferralId', code: 'invalid_value', message: 'is not an accepted, open referral to this offering' }]);
  }
  if (team.mode === 'rolling') {
    const issues = checkEnrolmentStart(input.startOn, referral.receivedOn, team.startsOn);
    if (issues.length > 0) throw AppError.validation(issues);
  }

  const id = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockTeam(trx, teamId);
    if (!locked) throw AppError.notFound('Team');
    const tx = { ...ctx, db: trx };
    const { status, sessions } = await admissionState(tx, team, locked.capacity);
    // A cohort starts together: its first session, whatever date was asked for.
    const startOn = team.mode === 'cohort' ? cohortStartOn(sessions, team.startsOn) : input.startOn;
    if (status === 'enrolled' && team.mode === 'cohort') {
      const issues = checkEnrolmentStart(startOn, referral.receivedOn, team.startsOn);
      if (issues.length > 0) throw AppError.validation(issues);
    }
    const enrolmentId = await insertEnrolment(trx, {
      teamId,
      crossReferralId: referral.id,
      status,
      startOn: status === 'enrolled' ? startOn : null,
      quota: input.quota ?? team.sessionQuota,
      now: ctx.clock.now(),
    });
    if (enrolmentId === null) throw new AppError('conflict', 'The citizen is already on this team', [{ field: 'crossReferralId', code: 'duplicate', message: 'is already on this team' }]);
    await audit(trx, ctx, [
      { action: 'enrolment.create', citizenId: referral.citizen.id, entityType: 'enrolment', entityId: enrolmentId, outcome: 'allowed', detail: { teamId, status, startOn: status === 'enrolled' ? startOn : null } },
    ]);
    return enrolmentId;
  });
  return readBack(ctx.db, id);
}

async function requireEnrolment(ctx: ServiceContext, enrolmentId: string, action: string) {
  const e = await findEnrolment(ctx.db, enrolmentId);
  if (!e) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'enrolment', entityId: enrolmentId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Enrolment');
  }
  const team = await requireTeam(ctx, e.teamId, action);
  return { e, team };
}

/** Admits a citizen from the waiting list when a seat is free (same lock as enrolment). A started cohort admits no one. */
export async function admitFromWaitingList(ctx: ServiceContext, enrolmentId: string, requestedStartOn: string): Promise<Enrolment> {
  const { e, team } = await requireEnrolment(ctx, enrolmentId, 'enrolment.admit');
  if (e.status !== 'waiting') throw new AppError('conflict', 'The citizen is not on the waiting list', [{ field: 'enrolmentId', code: 'invalid_value', message: 'is not waiting' }]);
  const referral = await findReferralForEnrolment(ctx.db, e.crossReferralId);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockTeam(trx, team.id);
    if (!locked) throw AppError.notFound('Team');
    const { facts, status, sessions } = await admissionState({ ...ctx, db: trx }, team, locked.capacity);
    if (facts.started) throw new AppError('conflict', 'The cohort has started', [{ field: 'enrolmentId', code: 'cohort_started', message: 'the cohort has started; wait for the next one' }]);
    if (status !== 'enrolled') throw new AppError('conflict', 'The team is full', [{ field: 'enrolmentId', code: 'too_many', message: 'the team has no free seat' }]);
    const startOn = team.mode === 'cohort' ? cohortStartOn(sessions, team.startsOn) : requestedStartOn;
    const issues = checkEnrolmentStart(startOn, referral?.receivedOn ?? startOn, team.startsOn);
    if (issues.length > 0) throw AppError.validation(issues);
    await admitEnrolment(trx, enrolmentId, startOn);
    await audit(trx, ctx, [{ action: 'enrolment.admit', citizenId: e.citizen.id, entityType: 'enrolment', entityId: enrolmentId, outcome: 'allowed', detail: { teamId: team.id, startOn } }]);
  });
  return readBack(ctx.db, enrolmentId);
}

/**
 * Ends a course on the team before the quota (or takes the citizen off the waiting list) with a
 * reason. In the same transaction the referral gets its end (unless it has one) and the freed
 * seat goes to the longest-waiting citizen.
 */
export async function endEnrolmentEarly(ctx: ServiceContext, enrolmentId: string, input: z.output<typeof enrolmentEnd>): Promise<Enrolment> {
  const { e, team } = await requireEnrolment(ctx, enrolmentId, 'enrolment.end');
  if (e.status === 'ended') throw new AppError('conflict', 'The enrolment has already ended', [{ field: 'enrolmentId', code: 'not_enrolled', message: 'has already ended' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const lastUsed = await lastUsedSessionAt(trx, enrolmentId);
    const issues = checkEndDate(input.endedOn, e.startOn, lastUsed ? danishDate(lastUsed) : null);
    if (issues.length > 0) throw AppError.validation(issues);
    const admitted = await endEnrolmentAndAdmit({ ...ctx, db: trx }, team, e, input.endedOn, input.endReason);
    await audit(trx, ctx, [{ action: 'enrolment.end', citizenId: e.citizen.id, entityType: 'enrolment', entityId: enrolmentId, outcome: 'allowed', detail: { ...input, admitted } }]);
  });
  return readBack(ctx.db, enrolmentId);
}
