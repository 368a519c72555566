import type {
  AcceptDraftReferralResult,
  DraftReferralCount,
  DraftReferralDetail,
  DraftReferralList,
  DraftReferralState,
  DraftReferralSummary,
} from '@samkraft/contracts/hospital-referrals';
import type { NewReferralBody } from '@samkraft/contracts/referrals';
import { parseCpr } from '@samkraft/contracts/cpr';
import { audit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { createReferral } from '../referrals/referral.service.ts';
import { decideDraft, countPendingDrafts, findCourseOfReferral, findDraft, listDrafts, type DraftReferralRecord } from './draft-referral.repository.ts';
import { decideDraftAccess, patientIdentifierOf, patientNameOf, prefillOf, senderNameOf } from './hospital-referral.rules.ts';
import { findSenderOrganisation } from './receiving-unit.repository.ts';

/**
 * Review of draft referrals by the receiving municipality's contact persons and leads: the list,
 * one draft, accepting it into the normal intake (the referrals feature's own service, so a draft
 * meets every check a typed referral meets) or rejecting it with the reason. Every read and
 * write audited; a refusal on its own.
 */

/** Staff who review their own municipality's drafts; a refusal is audited. */
async function requireReviewer(ctx: ServiceContext, action: string, draft?: DraftReferralRecord): Promise<StaffActor> {
  const actor = ctx.actor;
  const municipalityCode = draft?.municipalityCode ?? (actor.kind === 'staff' ? actor.municipalityCode : '');
  const decision = decideDraftAccess(actor, municipalityCode);
  if (actor.kind !== 'staff' || !decision.allowed) {
    await audit(ctx.db, ctx, [
      { action, citizenId: null, ...(draft ? { entityType: 'draft_referral', entityId: draft.id } : {}), outcome: 'denied', detail: { reason: decision.allowed ? 'not_staff' : decision.reason } },
    ]);
    throw AppError.forbidden(draft ? 'This referral was sent to another municipality' : 'Only contact persons and leads review hospital referrals');
  }
  return actor;
}

/** The draft, or 404; then the access check (a draft of another municipality is refused, audited). */
async function loadDraft(ctx: ServiceContext, draftId: string, action: string): Promise<{ actor: StaffActor; draft: DraftReferralRecord }> {
  const draft = await findDraft(ctx.db, draftId);
  if (!draft) throw AppError.notFound('Draft referral');
  const actor = await requireReviewer(ctx, action, draft);
  return { actor, draft };
}

function summaryOf(d: DraftReferralRecord): DraftReferralSummary {
  const r = d.referral;
  return {
    id: d.id,
    receivedAt: d.receivedAt.toISOString(),
    state: d.state,
    senderName: senderNameOf(r.sender),
    referrerName: r.sender.referrerName,
    patientName: patientNameOf(r.patient),
    patientIdentifier: patientIdentifierOf(r.patient),
    diagnosisText: r.diagnosis ? [r.diagnosis.code, r.diagnosis.text].filter(Boolean).join(' ') : null,
  };
}

export async function listDraftReferrals(ctx: ServiceContext, state: DraftReferralState): Promise<DraftReferralList> {
  const actor = await requireReviewer(ctx, 'draft_referral.list');
  return ctx.db.transaction().execute(async (trx) => {
    const drafts = await listDrafts(trx, actor.municipalityCode, state);
    // One event per draft shown: each names a person.
    if (drafts.length > 0) await audit(trx, ctx, drafts.map((d) => ({ action: 'draft_referral.list', citizenId: null, entityType: 'draft_referral', entityId: d.id, outcome: 'allowed' as const, detail: { state } })));
    return { drafts: drafts.map(summaryOf) };
  });
}

/** How many drafts wait in the actor's municipality (the navigation's badge): a number, no person. */
export async function countPendingDraftReferrals(ctx: ServiceContext): Promise<DraftReferralCount> {
  const actor = await requireReviewer(ctx, 'draft_referral.count');
  return { pending: await countPendingDrafts(ctx.db, actor.municipalityCode) };
}

export async function getDraftReferral(ctx: ServiceContext, draftId: string): Promise<DraftReferralDetail> {
  const { draft } = await loadDraft(ctx, draftId, 'draft_referral.read');
  return ctx.db.transaction().execute(async (trx) => {
    const r = draft.referral;
    const referringOrganisationId = (await findSenderOrganisation(trx, r.sender)) ?? null;
    const courseId = draft.referralId ? ((await findCourseOfReferral(trx, draft.referralId)) ?? null) : null;
    await audit(trx, ctx, [{ action: 'draft_referral.read', citizenId: null, entityType: 'draft_referral', entityId: draft.id, outcome: 'allowed' }]);
    return {
      id: draft.id,
      format: r.format,
      receivedAt: draft.receivedAt.toISOString(),
      state: draft.state,
      message: { envelopeId: r.message.envelopeId, letterId: r.message.letterId, statusCode: r.message.statusCode, sentAt: r.message.sentAt, episodeOfCareId: r.message.episodeOfCareId },
      sender: r.sender,
      receiver: { ean: r.receiver.ean, organisationName: r.receiver.organisationName, departmentName: r.receiver.departmentName },
      patient: r.patient,
      diagnosis: r.diagnosis,
      additionalDiagnoses: r.additionalDiagnoses,
      priority: r.priority,
      texts: r.texts,
      decision: draft.decidedAt
        ? { at: draft.decidedAt.toISOString(), byName: draft.decidedByName, reason: draft.rejectionReason, referralId: draft.referralId, courseId }
        : null,
      prefill: prefillOf(r, { receivedOn: danishDate(draft.receivedAt), referringOrganisationId }),
    };
  });
}

function requirePending(draft: DraftReferralRecord): void {
  if (draft.state !== 'pending') throw AppError.conflict(`The referral was ${draft.state} already${draft.decidedAt ? ` (${draft.decidedAt.toISOString()})` : ''}`);
}

/**
 * Accepts a draft into the intake: the body is a typed referral's, prefilled from the draft and
 * completed by the user, and goes through the referrals feature's intake with every check it
 * makes (field errors, the open-course confirmation). The draft is marked accepted in the
 * intake's own transaction — both or neither.
 */
export async function acceptDraftReferral(ctx: ServiceContext, draftId: string, body: NewReferralBody): Promise<AcceptDraftReferralResult> {
  const { actor, draft } = await loadDraft(ctx, draftId, 'draft_referral.accept');
  requirePending(draft);
  const letterCpr = draft.referral.patient.cpr;
  const given = parseCpr(body.citizen.cpr);
  if (letterCpr && given.ok && given.cpr.value !== letterCpr) {
    throw AppError.validation([{ field: 'citizen.cpr', code: 'draft_cpr_mismatch', message: 'must be the CPR number the hospital referral was sent for' }]);
  }
  const created = await createReferral(ctx, body, {
    origin: 'medcom',
    within: async (trx, result) => {
      const decided = await decideDraft(trx, draft.id, { state: 'accepted', referralId: result.referralId, by: actor.userId, at: ctx.clock.now() });
      if (!decided) throw AppError.conflict('The referral was accepted or rejected by someone else meanwhile');
      await audit(trx, ctx, [
        { action: 'draft_referral.accept', citizenId: result.citizenId, entityType: 'draft_referral', entityId: draft.id, outcome: 'allowed', detail: { referralId: result.referralId, courseId: result.courseId } },
      ]);
    },
  });
  return { ...created, draftId: draft.id };
}

/** Rejects a draft with the reason (kept, shown on the draft); nothing is registered. */
export async function rejectDraftReferral(ctx: ServiceContext, draftId: string, reason: string): Promise<{ draftId: string; state: 'rejected' }> {
  const { actor, draft } = await loadDraft(ctx, draftId, 'draft_referral.reject');
  requirePending(draft);
  await ctx.db.transaction().execute(async (trx) => {
    const decided = await decideDraft(trx, draft.id, { state: 'rejected', reason, by: actor.userId, at: ctx.clock.now() });
    if (!decided) throw AppError.conflict('The referral was accepted or rejected by someone else meanwhile');
    await audit(trx, ctx, [{ action: 'draft_referral.reject', citizenId: null, entityType: 'draft_referral', entityId: draft.id, outcome: 'allowed' }]);
  });
  return { draftId: draft.id, state: 'rejected' };
}
