import type { MyRelatives } from '@samkraft/contracts/relatives';
import { audit } from '../../platform/audit/audit.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { listRelativesOfCitizenIn } from '../relatives/relative.service.ts';

/**
 * The relatives registered on the signed-in citizen's open courses (read-only: the home
 * municipality registers them). Audited with the citizen as the actor, one event per course.
 */
export async function getMyRelatives(ctx: CitizenContext): Promise<MyRelatives> {
  const citizenId = ctx.actor.citizenId;
  return ctx.db.transaction().execute(async (trx) => {
    const relatives = await listRelativesOfCitizenIn(trx, citizenId);
    const courseIds = [...new Set(relatives.map((r) => r.courseId))];
    await audit(
      trx,
      ctx,
      courseIds.length > 0
        ? courseIds.map((id) => ({ action: 'citizen_portal.relatives', citizenId, entityType: 'course', entityId: id, outcome: 'allowed' as const }))
        : [{ action: 'citizen_portal.relatives', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed' }],
    );
    return {
      relatives: relatives.map((r) => ({ courseId: r.courseId, name: r.name, relation: r.relation, phone: r.phone, consentToShareWithProvider: r.consentToShareWithProvider, startsOn: r.startsOn, endsOn: r.endsOn })),
    };
  });
}
