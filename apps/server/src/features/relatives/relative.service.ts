import type { CourseRelative, CourseRelatives, RelativeCreate, RelativeEnd, RelativeUpdate } from '@samkraft/contracts/relatives';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCourseAccess } from '../courses/course-access.rules.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { endRelative as endRelativeRow, findRelativeForUpdate, insertRelative, listRelativesOfCitizen, listRelativesOfCourse, updateRelative as updateRelativeRow, type RelativeRecord, type RelativeValues } from './relative.repository.ts';
import { checkEnd, checkRelative } from './relative.rules.ts';

const actorId = (ctx: ServiceContext) => (ctx.actor.kind === 'staff' ? ctx.actor.userId : null);

export function toCourseRelative(r: RelativeRecord): CourseRelative {
  return {
    id: r.id,
    name: r.name,
    relation: r.relation,
    phone: r.phone,
    consentToParticipate: r.consentToParticipate,
    consentToShareWithProvider: r.consentToShareWithProvider,
    consentGivenOn: r.consentGivenOn,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
  };
}

const valuesOf = (input: RelativeCreate): RelativeValues => ({
  name: input.name,
  relation: input.relation,
  phone: input.phone ?? null,
  consentToParticipate: input.consentToParticipate,
  consentToShareWithProvider: input.consentToShareWithProvider,
  consentGivenOn: input.consentGivenOn,
  startsOn: input.startsOn,
});

/** What the audit keeps of a change: which fields changed and the consents, never the relative's phone. */
function changedFields(before: RelativeRecord, after: RelativeRecord): string[] {
  const keys = ['name', 'relation', 'phone', 'consentToParticipate', 'consentToShareWithProvider', 'consentGivenOn', 'startsOn', 'endsOn'] as const;
  return keys.filter((k) => before[k] !== after[k]);
}

/** The course's relatives, for its home municipality's staff (audited as a read of the citizen). */
export async function getCourseRelatives(ctx: ServiceContext, courseId: string): Promise<CourseRelatives> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'relative.list');
  return ctx.db.transaction().execute(async (trx) => {
    const relatives = await listRelativesOfCourse(trx, courseId);
    await audit(trx, ctx, [{ action: 'relative.list', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', detail: { count: relatives.length } }]);
    return { relatives: relatives.map(toCourseRelative), canWrite: decideCourseAccess(ctx.actor, key.homeMunicipalityCode, 'write').allowed };
  });
}

/** Registers a relative on an open course with the citizen's consent; checked before anything is written. */
export async function createRelative(ctx: ServiceContext, courseId: string, input: RelativeCreate): Promise<CourseRelative> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'relative.create');
  const issues = checkRelative(input, { today: danishDate(ctx.clock.now()), courseClosedOn: key.closedOn });
  if (issues.length > 0) throw AppError.validation(issues);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await insertRelative(trx, courseId, valuesOf(input), actorId(ctx));
    await audit(trx, ctx, [
      {
        action: 'relative.create',
        citizenId: key.citizenId,
        entityType: 'course_relative',
        entityId: r.id,
        outcome: 'allowed',
        detail: { courseId, relation: r.relation, consentToShareWithProvider: r.consentToShareWithProvider, consentGivenOn: r.consentGivenOn, startsOn: r.startsOn },
      },
    ]);
    return toCourseRelative(r);
  });
}

/**
 * That the relative is on the course, checked before the write's transaction: a refusal is audited
 * on its own (ctx.db), which inside the transaction would wait for it — on PGlite's one connection
 * for ever.
 */
async function requireRelative(ctx: ServiceContext, courseId: string, citizenId: string, relativeId: string, action: string): Promise<void> {
  if (await findRelativeForUpdate(ctx.db, courseId, relativeId)) return;
  await audit(ctx.db, ctx, [{ action, citizenId, entityType: 'course_relative', entityId: relativeId, outcome: 'denied', detail: { reason: 'not_found', courseId } }]);
  throw AppError.notFound('Relative');
}

/** The relative, locked for the write (gone meanwhile: not found). */
async function lockedRelative(trx: Db, courseId: string, relativeId: string): Promise<RelativeRecord> {
  const r = await findRelativeForUpdate(trx, courseId, relativeId);
  if (!r) throw AppError.notFound('Relative');
  return r;
}

/** Changes a relative's details or consents (e.g. the citizen withdraws the consent to share the name). */
export async function updateRelative(ctx: ServiceContext, courseId: string, relativeId: string, input: RelativeUpdate): Promise<CourseRelative> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'relative.update');
  await requireRelative(ctx, courseId, key.citizenId, relativeId, 'relative.update');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await lockedRelative(trx, courseId, relativeId);
    const issues = checkRelative(input, { today: danishDate(ctx.clock.now()), courseClosedOn: key.closedOn, endsOn: before.endsOn });
    if (issues.length > 0) throw AppError.validation(issues);
    const after = await updateRelativeRow(trx, relativeId, valuesOf(input), actorId(ctx), ctx.clock.now());
    await audit(trx, ctx, [
      {
        action: 'relative.update',
        citizenId: key.citizenId,
        entityType: 'course_relative',
        entityId: relativeId,
        outcome: 'allowed',
        detail: { courseId, changed: changedFields(before, after), consentToShareWithProvider: after.consentToShareWithProvider },
      },
    ]);
    return toCourseRelative(after);
  });
}

/** Ends a relative's registration: from the day after `endsOn` they take part no more. */
export async function endRelative(ctx: ServiceContext, courseId: string, relativeId: string, input: RelativeEnd): Promise<CourseRelative> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'relative.end');
  await requireRelative(ctx, courseId, key.citizenId, relativeId, 'relative.end');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await lockedRelative(trx, courseId, relativeId);
    const issues = checkEnd(before, input.endsOn);
    if (issues.length > 0) throw AppError.validation(issues);
    const after = await endRelativeRow(trx, relativeId, input.endsOn, actorId(ctx), ctx.clock.now());
    await audit(trx, ctx, [{ action: 'relative.end', citizenId: key.citizenId, entityType: 'course_relative', entityId: relativeId, outcome: 'allowed', detail: { courseId, endsOn: input.endsOn } }]);
    return toCourseRelative(after);
  });
}

/**
 * The relatives on a citizen's open courses, for the citizen's own view (the caller — the citizen
 * portal — passes the session's citizen and audits the read in its transaction).
 */
export async function listRelativesOfCitizenIn(db: Db, citizenId: string): Promise<RelativeRecord[]> {
  return listRelativesOfCitizen(db, citizenId);
}
