import { closedCoursesQuery, type ClosedCourses, type ClosedCoursesQuery } from '@samkraft/contracts/worklist';
import { audit, auditEachRow } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { closedCoursesOf } from '../courses/course-list.service.ts';
import { toCourseSummaryAt } from './worklist.mapper.ts';

/**
 * The home municipality's closed courses, the most recently closed first, a page at a time: the
 * worklist shows only open courses, so this is where a closed one is found again. For the
 * worklist's roles; each course shown is audited in the read's own statement.
 */
export async function getClosedCourses(ctx: ServiceContext, query: ClosedCoursesQuery): Promise<ClosedCourses> {
  const q = closedCoursesQuery.parse(query);
  const actor = ctx.actor;
  if (actor.kind !== 'staff' || !actor.roles.some((r) => r === 'contact_person' || r === 'municipal_lead')) {
    await audit(ctx.db, ctx, [{ action: 'worklist.closed', citizenId: null, entityType: 'course', outcome: 'denied', detail: { reason: 'role' } }]);
    throw AppError.forbidden('The closed courses are for contact persons and municipal leads');
  }
  const page = await closedCoursesOf(ctx.db, actor.municipalityCode, q, auditEachRow(ctx, { action: 'worklist.closed', entityType: 'course', outcome: 'allowed' }));
  return {
    total: page.total,
    offset: q.offset,
    limit: q.limit,
    items: page.rows.map((r) => ({ ...toCourseSummaryAt(r, 'closed'), closedOn: r.closedOn, closeReason: r.closeReason })),
  };
}
