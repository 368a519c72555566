import type { MyCourses } from '@samkraft/contracts/borger';
import { audit } from '../../platform/audit/audit.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { listCurrentPlans, listInterventions, listOpenCoursesOf } from './my-course.repository.ts';
import { toMyCourses } from './my-course.rules.ts';

/**
 * "Mit forløb": the signed-in citizen's open courses. The citizen is the session's, never one the
 * request names, so a citizen reaches only their own data; the read is audited in its transaction
 * with the citizen as the actor (one event per course, or one that the citizen found none).
 */
export async function getMyCourses(ctx: CitizenContext): Promise<MyCourses> {
  const citizenId = ctx.actor.citizenId;
  return ctx.db.transaction().execute(async (trx) => {
    const courses = await listOpenCoursesOf(trx, citizenId);
    const ids = courses.map((c) => c.id);
    const [plans, interventions] = [await listCurrentPlans(trx, ids), await listInterventions(trx, ids)];
    await audit(
      trx,
      ctx,
      courses.length > 0
        ? courses.map((c) => ({ action: 'citizen_portal.my_course', citizenId, entityType: 'course', entityId: c.id, outcome: 'allowed' as const }))
        : [{ action: 'citizen_portal.my_course', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed' }],
    );
    return { courses: toMyCourses(courses, plans, interventions) };
  });
}
