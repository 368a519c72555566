import type { z } from 'zod';
import type { acceptBody, deeperAssessmentBody, IncomingReferral, ProviderInbox } from '@samkraft/contracts/cross-referrals';
import { standardTestUnits, type measurementCorrectionBody, type StandardTest } from '@samkraft/contracts/measurements';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { citizenIdentifier, citizenName } from '../citizens/citizen.mapper.ts';
import { courseContactDetails } from '../courses/course-contact-details.service.ts';
import { markAcceptedByProvider, markDeclinedByProvider, markDeeperAssessed } from '../cross-referrals/cross-referral-progress.service.ts';
import { mayActAsProvider, readSnapshot } from '../cross-referrals/cross-referral.rules.ts';
import { parseSnapshot } from '../cross-referrals/cross-referral.service.ts';
import { deadlinesForCourses } from '../deadlines/deadline.service.ts';
import {
  findIncoming,
  insertDeeperAssessment,
  insertMeasurementVersion,
  listDeeperAssessments,
  listInbox,
  listIncomingIdsOfCitizen,
  listProviderGoals,
  listReferralDeclines,
  listUpdates,
  lockDeeperAssessment,
  type InboxRecord,
  type IncomingRecord,
} from './provider-inbox.repository.ts';
import { measurementIssues } from './measurement.rules.ts';
import { providerReferralState } from './provider-referral-state.rules.ts';

/**
 * Every referral sent to a providing municipality (ended ones too, newest 200), for the therapist's
 * start page; the caller audits the citizens it shows.
 */
export type IncomingListRecord = InboxRecord;

export async function incomingReferralsOf(db: Db, providerMunicipalityCode: string): Promise<InboxRecord[]> {
  return listInbox(db, providerMunicipalityCode, { openOnly: false, limit: 200 });
}

/** The referrals sent to the actor's municipality, with the provider's deadlines; one audit event per citizen shown. */
export async function getProviderInbox(ctx: ServiceContext): Promise<ProviderInbox> {
  const actor = ctx.actor;
  if (actor.kind !== 'staff' || !mayActAsProvider(actor, actor.municipalityCode)) {
    await audit(ctx.db, ctx, [{ action: 'provider_inbox.list', citizenId: null, outcome: 'denied', detail: { reason: 'role' } }]);
    throw AppError.forbidden('The inbox is for therapists and leads of a providing municipality');
  }
  const asOf = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listInbox(trx, actor.municipalityCode, { openOnly: true });
    const deadlines = await deadlinesForCourses(trx, rows.map((r) => r.courseId), asOf);
    if (rows.length > 0) {
      await audit(
        trx,
        ctx,
        rows.map((r) => ({ action: 'provider_inbox.list', citizenId: r.citizen.id, entityType: 'cross_referral', entityId: r.id, outcome: 'allowed' as const })),
      );
    }
    return {
      asOf,
      items: rows.map((r) => ({
        id: r.id,
        citizenName: citizenName(r.citizen),
        citizenIdentifier: citizenIdentifier(r.citizen),
        homeMunicipalityName: r.homeMunicipalityName,
        interventionName: r.interventionName,
        receivedOn: r.receivedOn,
        state: providerReferralState(r),
        deadlines: (deadlines.get(r.courseId) ?? []).filter((d) => d.crossReferralId === r.id && d.actor === 'provider'),
      })),
    };
  });
}

/**
 * The referrals sent to the actor's municipality for one citizen by another municipality, oldest first: their ids only,
 * for a caller that then reads each with `getIncomingReferral` (which decides and audits). Empty
 * for anyone who does not act for a providing municipality.
 */
export async function incomingReferralIdsOfCitizen(ctx: ServiceContext, citizenId: string): Promise<string[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'staff' || !mayActAsProvider(actor, actor.municipalityCode)) return [];
  return listIncomingIdsOfCitizen(ctx.db, actor.municipalityCode, citizenId);
}

/** Only a sent cross-municipal referral, and only for the municipality it was sent to. Refusals are audited. */
async function requireIncoming(ctx: ServiceContext, id: string, action: string): Promise<IncomingRecord> {
  const x = await findIncoming(ctx.db, id);
  if (!x) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'cross_referral', entityId: id, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Referral');
  }
  if (x.kind !== 'cross_municipal' || x.sentAt === null || !mayActAsProvider(ctx.actor, x.providerMunicipalityCode)) {
    await audit(ctx.db, ctx, [{ action, citizenId: x.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'denied', detail: { reason: 'not_provider' } }]);
    throw AppError.forbidden('This referral was not sent to your municipality');
  }
  return x;
}

export async function getIncomingReferral(ctx: ServiceContext, id: string): Promise<IncomingReferral> {
  const x = await requireIncoming(ctx, id, 'provider_inbox.read');
  const asOf = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const [updates, declines, assessments, goals, deadlines, contact] = await Promise.all([
      listUpdates(trx, id),
      listReferralDeclines(trx, id),
      listDeeperAssessments(trx, id),
      listProviderGoals(trx, id),
      deadlinesForCourses(trx, [x.courseId], asOf),
      courseContactDetails(trx, x.courseId),
    ]);
    await audit(trx, ctx, [{ action: 'provider_inbox.read', citizenId: x.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed' }]);
    return {
      id: x.id,
      kind: 'cross_municipal',
      // Only what is needed to make contact: name, identifier, phone — never the address or the home course.
      citizen: { id: x.citizenId, name: `${x.givenName} ${x.familyName}`, identifier: citizenIdentifier(x), phone: x.phone },
      homeMunicipalityCode: x.homeMunicipalityCode,
      homeMunicipalityName: x.homeMunicipalityName,
      // The home contact person's work details (staff data, not the citizen's), to coordinate with.
      homeContact: {
        name: contact?.contactPerson?.name ?? null,
        profession: contact?.contactPerson?.profession ?? null,
        phone: contact?.contactPerson?.phone ?? null,
        email: contact?.contactPerson?.email ?? null,
        unitPhone: contact?.unitPhone ?? null,
      },
      interventionName: x.interventionName,
      sentAt: x.sentAt?.toISOString() ?? null,
      receivedOn: x.receivedOn,
      snapshot: readSnapshot(x.snapshot, parseSnapshot),
      updates: updates.map((u) => ({ sentAt: u.sentAt.toISOString(), snapshot: readSnapshot(u.snapshot, parseSnapshot) })),
      providerDecision: x.providerDecision,
      providerDecisionReason: x.providerDecisionReason,
      providerContactOn: x.providerContactOn,
      startedOn: x.startedOn,
      endedOn: x.endedOn,
      citizenDeclines: declines,
      deadlines: (deadlines.get(x.courseId) ?? []).filter((d) => d.crossReferralId === id && d.actor === 'provider'),
      deeperAssessments: assessments.map((a) => ({
        ...a,
        tests: a.tests.map((m) => ({ ...m, testCode: m.testCode as StandardTest, versions: m.versions.map((v) => ({ ...v, recordedAt: v.recordedAt.toISOString() })) })),
      })),
      goals,
    };
  });
}

function requireDateInRange(field: string, date: string, receivedOn: string, today: string): void {
  if (date > today) throw AppError.validation([{ field, code: 'future_date', message: 'cannot be in the future' }]);
  if (date < receivedOn) throw AppError.validation([{ field, code: 'before_received', message: 'before the referral was received' }]);
}

export async function acceptReferral(ctx: ServiceContext, id: string, body: z.infer<typeof acceptBody>): Promise<void> {
  const x = await requireIncoming(ctx, id, 'provider_inbox.accept');
  requireDateInRange('contactOn', body.contactOn, x.receivedOn, danishDate(ctx.clock.now()));
  await ctx.db.transaction().execute(async (trx) => {
    await markAcceptedByProvider(trx, id, body.contactOn);
    await audit(trx, ctx, [{ action: 'provider_inbox.accept', citizenId: x.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed', detail: { contactOn: body.contactOn } }]);
  });
}

/** The reason goes back to the home municipality: its course page shows it. */
export async function declineReferral(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  const x = await requireIncoming(ctx, id, 'provider_inbox.decline');
  if (x.providerDecision === 'accepted' && x.providerContactOn) throw AppError.conflict('The referral was accepted and the citizen contacted');
  await ctx.db.transaction().execute(async (trx) => {
    await markDeclinedByProvider(trx, id, reason);
    await audit(trx, ctx, [{ action: 'provider_inbox.decline', citizenId: x.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed', detail: { reason } }]);
  });
}

export async function recordDeeperAssessment(ctx: ServiceContext, id: string, body: z.infer<typeof deeperAssessmentBody>): Promise<{ id: string }> {
  const x = await requireIncoming(ctx, id, 'provider_inbox.deeper_assessment');
  if (x.providerDecision !== 'accepted') throw AppError.conflict('Accept the referral first');
  requireDateInRange('assessedOn', body.assessedOn, x.receivedOn, danishDate(ctx.clock.now()));
  const codes = body.tests.map((t) => t.testCode);
  const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
  if (dup >= 0) throw AppError.validation([{ field: `tests[${dup}].testCode`, code: 'duplicate', message: 'each test once per assessment' }]);
  const implausible = measurementIssues(body.tests, (i) => `tests[${i}].value`);
  if (implausible.length > 0) throw AppError.validation(implausible);
  return ctx.db.transaction().execute(async (trx) => {
    const assessmentId = await insertDeeperAssessment(trx, {
      crossReferralId: id,
      assessedOn: body.assessedOn,
      profession: body.profession,
      findings: body.findings,
      tests: body.tests.map((t) => ({ ...t, unit: standardTestUnits[t.testCode] })),
      goals: body.goals,
      recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      recordedAt: ctx.clock.now(),
    });
    await markDeeperAssessed(trx, id, body.assessedOn);
    await audit(trx, ctx, [{ action: 'provider_inbox.deeper_assessment', citizenId: x.citizenId, entityType: 'deeper_assessment', entityId: assessmentId, outcome: 'allowed' }]);
    return { id: assessmentId };
  });
}

/**
 * Corrects a recorded measurement of a deeper assessment (a lost decimal comma, a misread scale):
 * the new value is its next version, with who, when and why; the earlier versions are kept and
 * shown. A measurement never recorded is not made here: it belongs to a new assessment.
 */
export async function correctMeasurement(ctx: ServiceContext, id: string, assessmentId: string, body: z.infer<typeof measurementCorrectionBody>): Promise<{ version: number }> {
  const action = 'provider_inbox.measurement_correction';
  const x = await requireIncoming(ctx, id, action);
  const implausible = measurementIssues([body], () => 'value');
  if (implausible.length > 0) throw AppError.validation(implausible);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await lockDeeperAssessment(trx, id, assessmentId))) throw AppError.notFound('Deeper assessment');
    const version = await insertMeasurementVersion(trx, {
      assessmentId,
      testCode: body.testCode,
      value: body.value,
      unit: standardTestUnits[body.testCode],
      reason: body.reason,
      recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      recordedAt: ctx.clock.now(),
    });
    if (version === undefined) throw AppError.validation([{ field: 'testCode', code: 'invalid_value', message: 'the test was not recorded in this assessment' }]);
    await audit(trx, ctx, [
      { action, citizenId: x.citizenId, entityType: 'deeper_assessment', entityId: assessmentId, outcome: 'allowed', detail: { testCode: body.testCode, version } },
    ]);
    return { version };
  });
}
