import type { Worklist, WorklistItem, WorklistQuery } from '@samkraft/contracts/worklist';
import { worklistStates } from '@samkraft/contracts/worklist';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { nextDeadline } from '../deadlines/deadline.rules.ts';
import { deadlinesForCourses } from '../deadlines/deadline.service.ts';
import { toCourseSummary } from './worklist.mapper.ts';
import { openCoursesOf } from '../courses/course-list.service.ts';
import { compareUrgency, nextStepOf, worklistStateOf } from './worklist.rules.ts';

/**
 * The contact person's daily list: open courses with the next step and the next deadline, most
 * urgent first, with counts per state. Contact persons see their own and the unassigned
 * courses; a municipal lead sees the whole municipality, or one contact person's.
 */
export async function getWorklist(ctx: ServiceContext, query: WorklistQuery): Promise<Worklist> {
  const actor = ctx.actor;
  if (actor.kind !== 'staff' || !actor.roles.some((r) => r === 'contact_person' || r === 'municipal_lead')) {
    throw AppError.forbidden('The worklist is for contact persons and municipal leads');
  }
  const isLead = actor.roles.includes('municipal_lead');
  const scope = query.scope ?? 'mine';
  if ((scope === 'municipality' || query.contactPersonId) && !isLead) {
    throw AppError.forbidden('Only a municipal lead sees the whole municipality');
  }
  const today = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const open = await openCoursesOf(trx, actor.municipalityCode);
    const inScope = open.filter((r) => {
      if (query.contactPersonId) return r.contactPersonId === query.contactPersonId;
      if (scope === 'mine') return r.contactPersonId === actor.userId;
      if (scope === 'unassigned') return r.contactPersonId === null;
      return true;
    });
    const deadlines = await deadlinesForCourses(trx, inScope.map((r) => r.courseId), today);
    const all: WorklistItem[] = inScope.map((r) => {
      const summary = toCourseSummary(r);
      const next = nextDeadline(deadlines.get(r.courseId) ?? []);
      return { ...summary, nextStep: nextStepOf(summary.step), nextDeadline: next, state: worklistStateOf(next) };
    });
    const counts = Object.fromEntries(worklistStates.map((s) => [s, all.filter((i) => i.state === s).length])) as Worklist['counts'];
    const items = all
      .filter((i) => (query.state ? i.state === query.state : true) && (query.step ? i.step === query.step : true))
      .sort((a, b) => compareUrgency({ next: a.nextDeadline, receivedOn: a.receivedOn }, { next: b.nextDeadline, receivedOn: b.receivedOn }));
    await audit(
      trx,
      ctx,
      items.map((i) => ({ action: 'worklist.list', citizenId: i.citizen.id, entityType: 'course', entityId: i.courseId, outcome: 'allowed' as const, purpose: scope })),
    );
    return { scope, asOf: today, counts, items };
  });
}
