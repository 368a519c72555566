import type { z } from 'zod';
import { sharedSnapshot, type citizenDeclineBody, type CourseCrossReferrals, type CrossReferralSummary, type crossReferralSendBody, type homeOfferBody, type shareSelection, type SharedSnapshot } from '@samkraft/contracts/cross-referrals';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { decideCourseAccess } from '../courses/course-access.rules.ts';
import { checkMustUse, type MustUseDecision } from '../must-use/must-use.rules.ts';
import { isCitizenEligibleFor } from '../suggestions/suggestions.service.ts';
import {
  findCrossReferralKey,
  findCurrentPlan,
  findInterventionForMustUse,
  findLatestAssessment,
  findOffering,
  findReferralDiagnosis,
  insertCrossReferral,
  insertDecline,
  insertUpdate,
  interventionExists,
  listCourseCrossReferrals,
  listCourseUpdates,
  listDeclines,
  listHomeOfferings,
  listRoutedOfferings,
  municipalityExists,
  type CrossReferralKey,
  type RoutedOfferingRecord,
} from './cross-referral.repository.ts';
import { buildSnapshot, mayActAsProvider, readSnapshot, requireSomethingShared } from './cross-referral.rules.ts';

type Share = z.infer<typeof shareSelection>;

export function parseSnapshot(raw: unknown): SharedSnapshot | null {
  const r = sharedSnapshot.safeParse(raw);
  return r.success ? r.data : null;
}

/** The course's routed offerings, what could be shared, and its cross-referrals so far. */
export async function getCourseCrossReferrals(ctx: ServiceContext, courseId: string): Promise<CourseCrossReferrals> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'cross_referral.list');
  const today = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const [offerings, homeOfferings, plan, assessment, diagnosis, list, declines, updates] = await Promise.all([
      listRoutedOfferings(trx, key.homeMunicipalityCode, today),
      listHomeOfferings(trx, key.homeMunicipalityCode, today),
      findCurrentPlan(trx, courseId),
      findLatestAssessment(trx, courseId),
      findReferralDiagnosis(trx, courseId),
      listCourseCrossReferrals(trx, courseId),
      listDeclines(trx, courseId),
      listCourseUpdates(trx, courseId),
    ]);
    await audit(trx, ctx, [{ action: 'cross_referral.list', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    return {
      courseId,
      homeMunicipalityCode: key.homeMunicipalityCode,
      routedOfferings: offerings,
      homeOfferings: homeOfferings.map((o) => ({
        offeringId: o.offeringId,
        interventionCode: o.interventionCode,
        interventionName: o.interventionName,
        placeName: o.placeName,
        parallelHomeReasonRequired: !mustUseFor(o, offerings, key.homeMunicipalityCode, null).allowed,
      })),
      shareOptions: {
        diagnosis,
        plan: plan && { version: plan.version, agreedOn: plan.agreedOn },
        assessment: assessment && { assessedOn: assessment.assessedOn, problems: assessment.problems.map((p) => ({ itemCode: p.itemCode, label: p.label })) },
      },
      crossReferrals: list.map(({ snapshot, ...x }) => ({
        ...x,
        kind: x.kind,
        sentAt: x.sentAt?.toISOString() ?? null,
        providerDecision: x.providerDecision,
        citizenDeclines: declines
          .filter((d) => d.crossReferralId === x.id)
          .map((d) => ({ declinedOn: d.declinedOn, reason: d.reason, note: d.note })),
        snapshot: snapshot === null ? null : readSnapshot(snapshot, parseSnapshot),
        updateHistory: updates.filter((u) => u.crossReferralId === x.id).map((u) => ({ sentAt: u.sentAt.toISOString(), snapshot: readSnapshot(u.snapshot, parseSnapshot) })),
      })),
    };
  });
}

/**
 * Between whom a cross-referral runs (its course, home and providing municipality), or undefined:
 * no citizen data, only what tells a caller whether to read it as the home municipality
 * (`getCourseCrossReferral`) or as the provider (`provider-inbox`), which decide access and audit.
 */
export async function crossReferralParties(db: Db, id: string): Promise<{ courseId: string; homeMunicipalityCode: string; providerMunicipalityCode: string } | undefined> {
  const x = await findCrossReferralKey(db, id);
  return x && { courseId: x.courseId, homeMunicipalityCode: x.homeMunicipalityCode, providerMunicipalityCode: x.providerMunicipalityCode };
}

/**
 * One cross-referral as the home municipality sees it: its course's list (`getCourseCrossReferrals`,
 * the same access and audit), narrowed to it. An unknown id is refused and audited as such.
 */
export async function getCourseCrossReferral(ctx: ServiceContext, id: string): Promise<{ courseId: string; citizenId: string; crossReferral: CrossReferralSummary }> {
  const key = await findCrossReferralKey(ctx.db, id);
  if (!key) {
    await audit(ctx.db, ctx, [{ action: 'cross_referral.list', citizenId: null, entityType: 'cross_referral', entityId: id, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Cross-municipal referral');
  }
  const list = await getCourseCrossReferrals(ctx, key.courseId);
  const crossReferral = list.crossReferrals.find((x) => x.id === id);
  if (!crossReferral) throw AppError.notFound('Cross-municipal referral');
  return { courseId: key.courseId, citizenId: key.citizenId, crossReferral };
}

/** The must-use rule (§8.13) for a home offering, given what is routed to the home municipality. */
function mustUseFor(o: { interventionCode: string; category: string; mixedDiagnoses: boolean }, routed: readonly RoutedOfferingRecord[], homeCode: string, reason: string | null | undefined): MustUseDecision {
  const routedCrossMunicipal = routed.some((r) => r.interventionCode === o.interventionCode && r.hostMunicipalityCode !== homeCode);
  return checkMustUse({ intervention: { code: o.interventionCode, category: o.category, mixedDiagnoses: o.mixedDiagnoses }, routedCrossMunicipal, reason });
}

/**
 * A cross-municipal referral goes only to an offering routed to the home municipality today, for
 * an intervention whose target group the citizen is in (a free choice outside the collaboration is
 * recorded as a home offer, not sent).
 */
async function referableOfferingOrThrow(ctx: ServiceContext, courseId: string, homeCode: string, offeringId: string) {
  const today = danishDate(ctx.clock.now());
  const routed = await listRoutedOfferings(ctx.db, homeCode, today);
  const offering = routed.find((o) => o.offeringId === offeringId);
  if (!offering) throw AppError.validation([{ field: 'offeringId', code: 'not_routed', message: "not an offering routed to the citizen's home municipality today" }]);
  if (!(await isCitizenEligibleFor(ctx.db, courseId, offering.interventionCode, today))) {
    throw AppError.validation([{ field: 'offeringId', code: 'not_eligible', message: `the citizen is not in the target group of ${offering.interventionCode}` }]);
  }
  return offering;
}

async function snapshotFor(ctx: ServiceContext, courseId: string, intervention: { code: string; name: string }, placeName: string | null, share: Share): Promise<SharedSnapshot> {
  const [plan, assessment, diagnosis] = await Promise.all([findCurrentPlan(ctx.db, courseId), findLatestAssessment(ctx.db, courseId), share.diagnosis ? findReferralDiagnosis(ctx.db, courseId) : null]);
  const snapshot = buildSnapshot({ intervention, placeName, plan, assessment, diagnosis, share });
  requireSomethingShared(snapshot);
  return snapshot;
}

/** Exactly what `send` would share, computed by the same function; the read is audited. */
export async function previewCrossReferral(ctx: ServiceContext, courseId: string, body: { offeringId: string; share: Share }): Promise<SharedSnapshot> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'cross_referral.preview');
  const offering = await referableOfferingOrThrow(ctx, courseId, key.homeMunicipalityCode, body.offeringId);
  const snapshot = await snapshotFor(ctx, courseId, { code: offering.interventionCode, name: offering.interventionName }, offering.placeName, body.share);
  await audit(ctx.db, ctx, [{ action: 'cross_referral.preview', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
  return snapshot;
}

export async function sendCrossReferral(ctx: ServiceContext, courseId: string, body: z.infer<typeof crossReferralSendBody>): Promise<{ id: string }> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'cross_referral.send');
  if (key.closedOn) throw AppError.conflict('The course is closed');
  const now = ctx.clock.now();
  const today = danishDate(now);
  if (body.consentOn > today) throw AppError.validation([{ field: 'consentOn', code: 'future_date', message: 'consent cannot be dated in the future' }]);
  const offering = await referableOfferingOrThrow(ctx, courseId, key.homeMunicipalityCode, body.offeringId);
  if (offering.hostMunicipalityCode === key.homeMunicipalityCode) {
    throw AppError.validation([{ field: 'offeringId', code: 'not_routed', message: 'the offering is at home; record it as a home offer' }]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const t = { ...ctx, db: trx };
    const snapshot = await snapshotFor(t, courseId, { code: offering.interventionCode, name: offering.interventionName }, offering.placeName, body.share);
    const id = await insertCrossReferral(trx, {
      courseId,
      kind: 'cross_municipal',
      interventionCode: offering.interventionCode,
      offeringId: offering.offeringId,
      providerMunicipalityCode: offering.hostMunicipalityCode,
      consentOn: body.consentOn,
      snapshot,
      sentAt: now,
      sentBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      receivedOn: today,
    });
    await audit(trx, ctx, [
      { action: 'cross_referral.send', citizenId: key.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed', detail: { provider: offering.hostMunicipalityCode, share: body.share } },
    ]);
    return { id };
  });
}

/** A home or temporary home offer, or a §140 free choice outside the collaboration, recorded as such. */
export async function recordHomeOffer(ctx: ServiceContext, courseId: string, body: z.infer<typeof homeOfferBody>): Promise<{ id: string }> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'cross_referral.record');
  if (body.decidedOn > danishDate(ctx.clock.now())) throw AppError.validation([{ field: 'decidedOn', code: 'future_date', message: 'cannot be in the future' }]);
  let values: { interventionCode: string; offeringId: string | null; providerMunicipalityCode: string; parallelHomeReason?: string | null };
  if (body.kind === 'home' || body.kind === 'temporary_home') {
    const o = await findOffering(ctx.db, body.offeringId);
    if (!o || o.hostMunicipalityCode !== key.homeMunicipalityCode) {
      throw AppError.validation([{ field: 'offeringId', code: 'unknown_offering', message: "a home offer is one of the home municipality's own offerings" }]);
    }
    const intervention = await findInterventionForMustUse(ctx.db, o.interventionCode);
    const routed = await listRoutedOfferings(ctx.db, key.homeMunicipalityCode, danishDate(ctx.clock.now()));
    const mustUse = intervention ? mustUseFor({ interventionCode: o.interventionCode, category: intervention.category, mixedDiagnoses: intervention.mixedDiagnoses }, routed, key.homeMunicipalityCode, body.parallelHomeReason) : { allowed: true as const };
    if (!mustUse.allowed) {
      throw AppError.validation([{ field: 'parallelHomeReason', code: 'parallel_home_reason_required', message: 'is required: a cross-municipal offering covers this intervention (note §8.13)' }]);
    }
    values = { interventionCode: o.interventionCode, offeringId: o.id, providerMunicipalityCode: o.hostMunicipalityCode, parallelHomeReason: body.parallelHomeReason ?? null };
  } else {
    if (!(await interventionExists(ctx.db, body.interventionCode))) throw AppError.validation([{ field: 'interventionCode', code: 'invalid_value', message: 'unknown intervention' }]);
    if (!(await municipalityExists(ctx.db, body.providerMunicipalityCode))) throw AppError.validation([{ field: 'providerMunicipalityCode', code: 'unknown_municipality', message: 'unknown municipality' }]);
    values = { interventionCode: body.interventionCode, offeringId: null, providerMunicipalityCode: body.providerMunicipalityCode };
  }
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertCrossReferral(trx, { courseId, kind: body.kind, ...values, consentOn: null, snapshot: null, sentAt: null, sentBy: null, receivedOn: body.decidedOn });
    await audit(trx, ctx, [{ action: 'cross_referral.record', citizenId: key.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed', detail: { kind: body.kind } }]);
    return { id };
  });
}

async function requireHomeWrite(ctx: ServiceContext, id: string, action: string): Promise<CrossReferralKey> {
  const x = await findCrossReferralKey(ctx.db, id);
  if (!x) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'cross_referral', entityId: id, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Cross-municipal referral');
  }
  await requireCourseAccess(ctx, x.courseId, 'write', action);
  return x;
}

/** Exactly what `sendCrossReferralUpdate` would send, computed by the same function; the read is audited. */
export async function previewCrossReferralUpdate(ctx: ServiceContext, id: string, share: Share): Promise<SharedSnapshot> {
  const x = await requireHomeWrite(ctx, id, 'cross_referral.update_preview');
  if (x.kind !== 'cross_municipal' || !x.sent) throw AppError.conflict('Only a sent cross-municipal referral takes updates');
  const snapshot = await snapshotFor(ctx, x.courseId, { code: x.interventionCode, name: x.interventionName }, x.placeName, share);
  await audit(ctx.db, ctx, [{ action: 'cross_referral.update_preview', citizenId: x.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed' }]);
  return snapshot;
}

/** A later revision reaches the provider only this way: the contact person sends a new snapshot. */
export async function sendCrossReferralUpdate(ctx: ServiceContext, id: string, share: Share): Promise<void> {
  const x = await requireHomeWrite(ctx, id, 'cross_referral.update');
  if (x.kind !== 'cross_municipal' || !x.sent) throw AppError.conflict('Only a sent cross-municipal referral takes updates');
  await ctx.db.transaction().execute(async (trx) => {
    const snapshot = await snapshotFor({ ...ctx, db: trx }, x.courseId, { code: x.interventionCode, name: x.interventionName }, x.placeName, share);
    await insertUpdate(trx, { crossReferralId: id, snapshot, sentAt: ctx.clock.now(), sentBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null });
    await audit(trx, ctx, [{ action: 'cross_referral.update', citizenId: x.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed', detail: { share } }]);
  });
}

/** The citizen declines an offer; either the home municipality or the provider records it. */
export async function recordCitizenDecline(ctx: ServiceContext, id: string, body: z.infer<typeof citizenDeclineBody>): Promise<void> {
  const action = 'cross_referral.citizen_decline';
  const x = await findCrossReferralKey(ctx.db, id);
  const home = x && decideCourseAccess(ctx.actor, x.homeMunicipalityCode, 'write').allowed;
  const provider = x && x.kind === 'cross_municipal' && x.sent && mayActAsProvider(ctx.actor, x.providerMunicipalityCode);
  if (!x || (!home && !provider)) {
    await audit(ctx.db, ctx, [{ action, citizenId: x?.citizenId ?? null, entityType: 'cross_referral', entityId: id, outcome: 'denied', detail: { reason: x ? 'no_access' : 'not_found' } }]);
    throw x ? AppError.forbidden() : AppError.notFound('Cross-municipal referral');
  }
  if (body.declinedOn > danishDate(ctx.clock.now())) throw AppError.validation([{ field: 'declinedOn', code: 'future_date', message: 'cannot be in the future' }]);
  if (body.declinedOn < x.receivedOn) throw AppError.validation([{ field: 'declinedOn', code: 'before_received', message: 'before the referral was received' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await insertDecline(trx, { courseId: x.courseId, crossReferralId: id, declinedOn: body.declinedOn, reason: body.reason, note: body.note || null, recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null });
    await audit(trx, ctx, [{ action, citizenId: x.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed', detail: { reason: body.reason, side: home ? 'home' : 'provider' } }]);
  });
}
