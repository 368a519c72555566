import type {
  CourseStatusNotes,
  HomeStatusNote,
  ProviderStatusNotes,
  StatusNote,
  StatusNoteCreate,
  StatusNoteInbox,
  StatusNoteInboxQuery,
  StatusNoteUnreadCount,
} from '@samkraft/contracts/status-notes';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { citizenIdentifier, citizenName } from '../citizens/citizen.mapper.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { endReferralByNote } from '../cross-referrals/cross-referral-progress.service.ts';
import { mayActAsProvider } from '../cross-referrals/cross-referral.rules.ts';
import {
  countUnread,
  findEnrolmentFacts,
  findNote,
  findNoteReferral,
  insertNote,
  listCourseNotes,
  listGoals,
  listInboxNotes,
  listReferralNotes,
  listWrittenKinds,
  lockReferral,
  markRead,
  type NoteRecord,
  type NoteReferralRecord,
} from './status-note.repository.ts';
import { checkNewNote, endReasonFromEnrolment, mayReadAsHome, mayUseHomeInbox, requireNotYetWritten } from './status-note.rules.ts';

/** The inbox shows at most this many notes; the unread filter narrows it to what needs reading. */
const INBOX_LIMIT = 500;

function toStatusNote(r: NoteRecord): StatusNote {
  return {
    id: r.id,
    crossReferralId: r.crossReferralId,
    kind: r.kind,
    writtenOn: r.writtenOn,
    body: r.body,
    courseEndOn: r.courseEndOn,
    attendanceCount: r.attendanceCount,
    goalsReached: r.goalsReached,
    endReason: r.endReason,
    authorName: r.authorName,
    providerMunicipalityName: r.providerMunicipalityName,
    interventionName: r.interventionName,
    sentAt: r.sentAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
    readByName: r.readByName,
  };
}

function toHomeStatusNote(r: NoteRecord): HomeStatusNote {
  return { ...toStatusNote(r), courseId: r.courseId, citizenName: citizenName(r), citizenIdentifier: citizenIdentifier(r), contactPersonName: r.contactPersonName };
}

/**
 * The provider writes on a cross-municipal referral sent to its municipality and not declined by
 * it; nobody else does. Refusals are audited on their own.
 */
async function requireProviderReferral(ctx: ServiceContext, crossReferralId: string, action: string): Promise<NoteReferralRecord> {
  const x = await findNoteReferral(ctx.db, crossReferralId);
  if (!x) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'cross_referral', entityId: crossReferralId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Referral');
  }
  const reason =
    x.kind !== 'cross_municipal' || x.sentAt === null || !mayActAsProvider(ctx.actor, x.providerMunicipalityCode) ? 'not_provider' : x.providerDecision === 'declined' ? 'declined' : null;
  if (reason) {
    await audit(ctx.db, ctx, [{ action, citizenId: x.citizenId, entityType: 'cross_referral', entityId: crossReferralId, outcome: 'denied', detail: { reason } }]);
    throw AppError.forbidden(reason === 'declined' ? 'Your municipality declined this referral' : 'This referral was not sent to your municipality');
  }
  return x;
}

/** The provider's notes on one referral, with the facts its form prefills. */
export async function getProviderStatusNotes(ctx: ServiceContext, crossReferralId: string): Promise<ProviderStatusNotes> {
  const x = await requireProviderReferral(ctx, crossReferralId, 'status_note.provider_list');
  return ctx.db.transaction().execute(async (trx) => {
    const [notes, enrolment, goals] = await Promise.all([listReferralNotes(trx, crossReferralId), findEnrolmentFacts(trx, crossReferralId), listGoals(trx, crossReferralId)]);
    await audit(trx, ctx, [{ action: 'status_note.provider_list', citizenId: x.citizenId, entityType: 'cross_referral', entityId: crossReferralId, outcome: 'allowed' }]);
    return {
      crossReferralId,
      receivedOn: x.receivedOn,
      startedOn: x.startedOn,
      endedOn: x.endedOn,
      providerDecision: x.providerDecision,
      prefill: {
        // Sessions attended by the one definition (`sessions_attended`, owned by cross-referrals).
        attendanceCount: enrolment.attended,
        enrolmentStartOn: enrolment.startOn,
        enrolmentEndOn: enrolment.endOn,
        endReason: endReasonFromEnrolment(enrolment.endReason),
        goals,
      },
      writtenKinds: [...new Set(notes.map((n) => n.kind))],
      notes: notes.map(toStatusNote),
    };
  });
}

/**
 * Writes a note to the home municipality. The end note also ends the referral when nothing has
 * ended it yet (never overwriting an end set from the team), and its course-end date starts the
 * closing-conversation clock (the deadline engine reads it).
 */
export async function writeStatusNote(ctx: ServiceContext, crossReferralId: string, input: StatusNoteCreate): Promise<StatusNote> {
  const x = await requireProviderReferral(ctx, crossReferralId, 'status_note.write');
  if (x.providerDecision !== 'accepted') throw AppError.conflict('Accept the referral before writing status notes');
  const now = ctx.clock.now();
  const today = danishDate(now);
  const issues = checkNewNote(input, { receivedOn: x.receivedOn, startedOn: x.startedOn, today });
  if (issues.length > 0) throw AppError.validation(issues);
  return ctx.db.transaction().execute(async (trx) => {
    await lockReferral(trx, crossReferralId);
    requireNotYetWritten(input.kind, await listWrittenKinds(trx, crossReferralId));
    const end = input.kind === 'end' && input.courseEndOn !== undefined && input.endReason !== undefined ? { on: input.courseEndOn, reason: input.endReason } : null;
    const id = await insertNote(trx, {
      crossReferralId,
      kind: input.kind,
      writtenOn: today,
      body: input.body,
      courseEndOn: end?.on ?? null,
      attendanceCount: input.attendanceCount ?? null,
      goalsReached: input.goalsReached ? input.goalsReached : null,
      endReason: end?.reason ?? null,
      authorId: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      sentAt: now,
    });
    const referralEnded = end ? await endReferralByNote(trx, crossReferralId, end.on, end.reason) : false;
    await audit(trx, ctx, [
      {
        action: 'status_note.write',
        citizenId: x.citizenId,
        entityType: 'status_note',
        entityId: id,
        outcome: 'allowed',
        detail: { crossReferralId, kind: input.kind, courseEndOn: end?.on ?? null, referralEnded },
      },
    ]);
    const saved = await findNote(trx, id);
    if (!saved) throw new AppError('internal', 'The status note could not be read back');
    return toStatusNote(saved);
  });
}

async function requireHomeInbox(ctx: ServiceContext, action: string) {
  const actor = ctx.actor;
  if (!mayUseHomeInbox(actor)) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, outcome: 'denied', detail: { reason: 'role' } }]);
    throw AppError.forbidden('Status notes are read by the contact persons and leads of the home municipality');
  }
  return actor;
}

/** The home municipality's inbox of status notes, newest first; one audit event per note shown. */
export async function getStatusNoteInbox(ctx: ServiceContext, query: StatusNoteInboxQuery): Promise<StatusNoteInbox> {
  const actor = await requireHomeInbox(ctx, 'status_note.inbox');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listInboxNotes(trx, {
      homeMunicipalityCode: actor.municipalityCode,
      unreadOnly: query.unread === 'true',
      contactPersonId: query.mine === 'true' ? actor.userId : null,
      limit: INBOX_LIMIT,
    });
    if (rows.length > 0) {
      await audit(
        trx,
        ctx,
        rows.map((r) => ({ action: 'status_note.inbox', citizenId: r.citizenId, entityType: 'status_note', entityId: r.id, outcome: 'allowed' as const })),
      );
    }
    return { items: rows.map(toHomeStatusNote) };
  });
}

/** Counts only, for the navigation badge: no citizen is shown, so nothing to audit when allowed. */
export async function getUnreadCount(ctx: ServiceContext): Promise<StatusNoteUnreadCount> {
  const actor = await requireHomeInbox(ctx, 'status_note.unread_count');
  return countUnread(ctx.db, actor.municipalityCode, actor.userId);
}

/** Opens one note for the home municipality; the first opening marks it read, by whom and when. */
export async function openStatusNote(ctx: ServiceContext, id: string): Promise<HomeStatusNote> {
  const note = await findNote(ctx.db, id);
  if (!note) {
    await audit(ctx.db, ctx, [{ action: 'status_note.read', citizenId: null, entityType: 'status_note', entityId: id, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Status note');
  }
  const actor = ctx.actor;
  if (actor.kind !== 'staff' || !mayReadAsHome(actor, note.homeMunicipalityCode)) {
    await audit(ctx.db, ctx, [{ action: 'status_note.read', citizenId: note.citizenId, entityType: 'status_note', entityId: id, outcome: 'denied', detail: { reason: 'not_home' } }]);
    throw AppError.forbidden('This status note was not sent to your municipality');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const markedRead = await markRead(trx, id, actor.userId, ctx.clock.now());
    await audit(trx, ctx, [{ action: 'status_note.read', citizenId: note.citizenId, entityType: 'status_note', entityId: id, outcome: 'allowed', detail: { markedRead } }]);
    const after = await findNote(trx, id);
    if (!after) throw new AppError('internal', 'The status note could not be read back');
    return toHomeStatusNote(after);
  });
}

/** The status notes of one course, for its course page (reading the list does not mark them read). */
export async function getCourseStatusNotes(ctx: ServiceContext, courseId: string): Promise<CourseStatusNotes> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'status_note.course_list');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listCourseNotes(trx, courseId);
    await audit(trx, ctx, [{ action: 'status_note.course_list', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', detail: { notes: rows.length } }]);
    return { items: rows.map(toHomeStatusNote) };
  });
}
