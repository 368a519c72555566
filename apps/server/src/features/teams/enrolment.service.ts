import type { z } from 'zod';
import type { Enrolment, enrolmentCreate, enrolmentEnd } from '@samkraft/contracts/teams';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCitizenAccess } from '../citizens/citizen-access.rules.ts';
import { admitEnrolment, countEnrolled, endEnrolment, findEnrolment, findReferralForEnrolment, insertEnrolment, markReferralStarted } from './enrolment.repository.ts';
import { toEnrolment } from './team.mapper.ts';
import { lockTeam } from './team.repository.ts';
import { admissionStatus, checkEnrolmentStart } from './team.rules.ts';
import { requireTeam } from './team.service.ts';

type Tx = ServiceContext['db'];

async function readBack(db: Tx, enrolmentId: string): Promise<Enrolment> {
  const e = await findEnrolment(db, enrolmentId);
  if (!e) throw new AppError('internal', 'The enrolment could not be read back');
  return toEnrolment(e);
}

/**
 * Rolling admission: the citizen of an accepted referral to this team's offering joins from
 * `startOn` with their own quota, or goes on the waiting list when the team is full. The team
 * row is locked first, so concurrent enrolments queue and capacity is never exceeded.
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
  const issues = checkEnrolmentStart(input.startOn, referral.receivedOn, team.startsOn);
  if (issues.length > 0) throw AppError.validation(issues);

  const id = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockTeam(trx, teamId);
    if (!locked) throw AppError.notFound('Team');
    const status = admissionStatus(await countEnrolled(trx, teamId), locked.capacity);
    const enrolmentId = await insertEnrolment(trx, {
      teamId,
      crossReferralId: referral.id,
      status,
      startOn: status === 'enrolled' ? input.startOn : null,
      quota: input.quota ?? team.sessionQuota,
      now: ctx.clock.now(),
    });
    if (enrolmentId === null) throw new AppError('conflict', 'The citizen is already on this team', [{ field: 'crossReferralId', code: 'duplicate', message: 'is already on this team' }]);
    if (status === 'enrolled') await markReferralStarted(trx, referral.id, input.startOn);
    await audit(trx, ctx, [
      { action: 'enrolment.create', citizenId: referral.citizen.id, entityType: 'enrolment', entityId: enrolmentId, outcome: 'allowed', detail: { teamId, status, startOn: input.startOn } },
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

/** Admits a citizen from the waiting list when a seat is free (same lock as enrolment). */
export async function admitFromWaitingList(ctx: ServiceContext, enrolmentId: string, startOn: string): Promise<Enrolment> {
  const { e, team } = await requireEnrolment(ctx, enrolmentId, 'enrolment.admit');
  if (e.status !== 'waiting') throw new AppError('conflict', 'The citizen is not on the waiting list', [{ field: 'enrolmentId', code: 'invalid_value', message: 'is not waiting' }]);
  const referral = await findReferralForEnrolment(ctx.db, e.crossReferralId);
  const issues = checkEnrolmentStart(startOn, referral?.receivedOn ?? startOn, team.startsOn);
  if (issues.length > 0) throw AppError.validation(issues);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockTeam(trx, team.id);
    if (!locked) throw AppError.notFound('Team');
    if (admissionStatus(await countEnrolled(trx, team.id), locked.capacity) !== 'enrolled') {
      throw new AppError('conflict', 'The team is full', [{ field: 'enrolmentId', code: 'too_many', message: 'the team has no free seat' }]);
    }
    await admitEnrolment(trx, enrolmentId, startOn);
    await markReferralStarted(trx, e.crossReferralId, startOn);
    await audit(trx, ctx, [{ action: 'enrolment.admit', citizenId: e.citizen.id, entityType: 'enrolment', entityId: enrolmentId, outcome: 'allowed', detail: { teamId: team.id, startOn } }]);
  });
  return readBack(ctx.db, enrolmentId);
}

/** Ends an enrolment before the quota (or takes the citizen off the waiting list) with a reason. */
export async function endEnrolmentEarly(ctx: ServiceContext, enrolmentId: string, input: z.output<typeof enrolmentEnd>): Promise<Enrolment> {
  const { e } = await requireEnrolment(ctx, enrolmentId, 'enrolment.end');
  if (e.status === 'ended') throw new AppError('conflict', 'The enrolment has already ended', [{ field: 'enrolmentId', code: 'not_enrolled', message: 'has already ended' }]);
  if (e.startOn !== null && input.endedOn < e.startOn) throw AppError.validation([{ field: 'endedOn', code: 'before_start', message: "must not be before the citizen's start" }]);
  await ctx.db.transaction().execute(async (trx) => {
    await endEnrolment(trx, enrolmentId, input.endedOn, input.endReason);
    await audit(trx, ctx, [{ action: 'enrolment.end', citizenId: e.citizen.id, entityType: 'enrolment', entityId: enrolmentId, outcome: 'allowed', detail: { ...input } }]);
  });
  return readBack(ctx.db, enrolmentId);
}
