import { nextStepOf } from '@samkraft/contracts/next-step';
import type { Worklist, WorklistItem, WorklistQuery } from '@samkraft/contracts/worklist';
import { worklistQuery, worklistStates } from '@samkraft/contracts/worklist';
import { audit, auditEachRow } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { courseStep } from '../courses/course-step.rules.ts';
import { toCourseSummaryAt } from '../courses/course-list.mapper.ts';
import { coursesByIds } from '../courses/course-list.service.ts';
import { nextDeadline } from '../deadlines/deadline.rules.ts';
import { listedCourseDeadlines, type CourseDeadlineFacts, type CourseSelection } from '../deadlines/deadline.service.ts';
import { compareUrgency, worklistStateOf } from './worklist.rules.ts';
import { recordOf } from '@samkraft/contracts/typed';

/** Where a course stands, from the events its deadlines were derived from. */
function stepOf(f: CourseDeadlineFacts) {
  const live = f.crossReferrals.filter((x) => !x.providerDeclined);
  return courseStep({
    closedOn: f.course.closedOn,
    firstContactOn: f.course.firstContactOn,
    initialAssessmentOn: f.course.initialAssessmentOn,
    planAgreedOn: f.course.planAgreedOn,
    interventions: live.length,
    interventionsStarted: f.crossReferrals.filter((x) => x.startedOn !== null).length,
    interventionsOpen: live.filter((x) => x.endedOn === null).length,
    closingConversationOn: f.course.closingConversationOn,
  });
}

/**
 * The contact person's daily list: open courses with the next step and the next deadline, most
 * urgent first, with counts per state. Contact persons see their own and the unassigned
 * courses; a municipal lead sees the whole municipality, or one contact person's.
 *
 * Built for a municipality with 10,000 open courses: the scope is filtered in SQL, the deadline
 * facts of the scope are read set-based in one statement, and only the requested page is shown
 * and audited. A scope that fits on one page (a contact person's 30–80 courses) comes with its
 * list columns in that same statement, and when that page is shown whole (the first page, no
 * filter) it is audited there too: the list is one statement, its read and its audit one
 * transaction. A larger scope reads the list columns of its page, and audits it, after ranking.
 */
export async function getWorklist(ctx: ServiceContext, query: WorklistQuery): Promise<Worklist> {
  const actor = ctx.actor;
  const q = worklistQuery.parse(query);
  const scope = q.scope;
  // A refusal is audited on its own, like every refused read of citizens' data.
  const refuse = async (reason: 'role' | 'not_lead', message: string): Promise<never> => {
    await audit(ctx.db, ctx, [{ action: 'worklist.list', citizenId: null, entityType: 'course', outcome: 'denied', purpose: scope, detail: { reason, ...(q.contactPersonId ? { contactPersonId: q.contactPersonId } : {}) } }]);
    throw AppError.forbidden(message);
  };
  if (actor.kind !== 'staff' || !actor.roles.some((r) => r === 'contact_person' || r === 'municipal_lead')) {
    return refuse('role', 'The worklist is for contact persons and municipal leads');
  }
  const isLead = actor.roles.includes('municipal_lead');
  if ((scope === 'municipality' || q.contactPersonId) && !isLead) {
    return refuse('not_lead', 'Only a municipal lead sees the whole municipality');
  }
  const contactPersons = q.contactPersonId ? [q.contactPersonId] : scope === 'mine' ? [actor.userId] : scope === 'unassigned' ? [null] : undefined;
  const selection: CourseSelection = { kind: 'open', home: actor.municipalityCode, ...(contactPersons ? { contactPersons } : {}) };
  const today = danishDate(ctx.clock.now());
  const entry = { action: 'worklist.list', entityType: 'course', outcome: 'allowed' as const, purpose: scope };
  // The first page without filters shows every course of a scope that fits on it.
  const showsWholeScope = q.offset === 0 && !q.state && !q.step;
  // No transaction: nothing here writes but the audit, which must succeed before anything is shown.
  const db = ctx.db;
  const read = await listedCourseDeadlines(db, selection, today, q.limit, showsWholeScope ? auditEachRow(ctx, entry) : undefined);
  const ranked = read.courses.map((f) => {
    const next = nextDeadline(f.deadlines);
    return { courseId: f.course.courseId, receivedOn: f.course.receivedOn, step: stepOf(f), next, state: worklistStateOf(next), list: f.list };
  });
  const counts = recordOf(worklistStates, () => 0);
  for (const r of ranked) counts[r.state] += 1;
  const matching = ranked
    .filter((r) => (q.state ? r.state === q.state : true) && (q.step ? r.step === q.step : true))
    .sort((a, b) => compareUrgency({ next: a.next, receivedOn: a.receivedOn }, { next: b.next, receivedOn: b.receivedOn }) || (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : 0));
  const page = matching.slice(q.offset, q.offset + q.limit);
  const unread = page.filter((p) => p.list === null).map((p) => p.courseId);
  const rows = new Map(unread.length > 0 ? (await coursesByIds(db, actor.municipalityCode, unread)).map((r) => [r.courseId, r]) : []);
  const items: WorklistItem[] = page.flatMap((p) => {
    const row = p.list ?? rows.get(p.courseId);
    if (!row) return [];
    return [{ ...toCourseSummaryAt(row, p.step), nextStep: nextStepOf(p.step), nextDeadline: p.next, state: p.state }];
  });
  if (read.audited) {
    // Audited in the read: every course of the scope, which is this page.
    if (items.length !== read.courses.length) throw new Error(`the worklist audited ${read.courses.length} courses in its read but shows ${items.length}`);
  } else {
    await audit(db, ctx, items.map((i) => ({ ...entry, citizenId: i.citizen.id, entityId: i.courseId })));
  }
  return { scope, asOf: today, counts, total: matching.length, offset: q.offset, limit: q.limit, items };
}
