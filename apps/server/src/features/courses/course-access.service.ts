import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCourseAccess, type CourseAccessMode } from './course-access.rules.ts';
import { findCourseKey, type CourseKey } from './course.repository.ts';

/**
 * Loads a course's key facts and checks the actor may read or write it. A refusal is audited
 * (under `action`) and thrown; on success the caller audits the read or write it then does, in
 * its own transaction.
 */
export async function requireCourseAccess(ctx: ServiceContext, courseId: string, mode: CourseAccessMode, action: string): Promise<CourseKey> {
  const key = await findCourseKey(ctx.db, courseId);
  if (!key) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'course', entityId: courseId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Course');
  }
  const decision = decideCourseAccess(ctx.actor, key.homeMunicipalityCode, mode, key.citizenId);
  if (!decision.allowed) {
    await audit(ctx.db, ctx, [{ action, citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'denied', detail: { reason: decision.reason, mode } }]);
    throw AppError.forbidden('You do not have access to this course');
  }
  return key;
}
