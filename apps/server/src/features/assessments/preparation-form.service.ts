import type { CoursePreparationForm } from '@samkraft/contracts/preparation-forms';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCourseAccess } from '../courses/course-access.rules.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { hasInitialAssessment, listAssessmentItems, lockCourse } from './assessment.repository.ts';
import { findFormOfCourse, insertForm, recordReminder, type PreparationFormRecord } from './preparation-form.repository.ts';
import { decideRemind, decideSend, draftFromAnswers, preparationFormStatusOf } from './preparation-form.rules.ts';

/**
 * The preparation form on the course page (issue 13.3): where it is — sent, opened, answered, with
 * the reminders — the citizen's own answer once submitted ("Borgerens egen besvarelse"), and the
 * draft of the initial needs assessment the professional completes from it. Audited as a read of
 * the citizen.
 */
export async function getCoursePreparationForm(ctx: ServiceContext, courseId: string): Promise<CoursePreparationForm> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'preparation_form.read');
  const canWrite = decideCourseAccess(ctx.actor, key.homeMunicipalityCode, 'write').allowed;
  return ctx.db.transaction().execute(async (trx) => {
    const form = await findFormOfCourse(trx, courseId);
    const hasInitial = await hasInitialAssessment(trx, courseId);
    const items = form?.answeredAt ? await listAssessmentItems(trx, { activeOnly: false }) : [];
    await audit(trx, ctx, [{ action: 'preparation_form.read', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', ...(form ? { detail: { formId: form.id } } : {}) }]);
    const byCode = new Map(items.map((i) => [i.code, i]));
    return {
      form: form
        ? {
            id: form.id,
            status: preparationFormStatusOf(form),
            sentAt: form.sentAt,
            sentBy: form.sentBy,
            openedAt: form.openedAt,
            answeredAt: form.answeredAt,
            reminderCount: form.reminderCount,
            lastRemindedAt: form.lastRemindedAt,
            answer: form.answeredAt
              ? {
                  scaleScore: form.scaleScore,
                  problems: form.problems
                    .map((code) => byCode.get(code))
                    .filter((i) => i !== undefined)
                    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
                    .map((i) => ({ itemCode: i.code, area: i.area, labelDa: i.labelDa, labelEn: i.labelEn })),
                  whatMattersMost: form.whatMattersMost,
                }
              : null,
          }
        : null,
      draft: draftFromAnswers(form ?? null, hasInitial),
      cannotSend: decideSend({ canWrite, closed: key.closedOn !== null, hasForm: form !== undefined, hasInitial }),
    };
  });
}

function refuse(reason: string): never {
  throw AppError.conflict(`The preparation form cannot be sent: ${reason}`);
}

/** The contact person sends the form to the citizen's portal; audited with the citizen. */
export async function sendPreparationForm(ctx: ServiceContext, courseId: string): Promise<CoursePreparationForm> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'preparation_form.send');
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffUserId = ctx.actor.userId;
  await ctx.db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const [form, hasInitial] = [await findFormOfCourse(trx, courseId), await hasInitialAssessment(trx, courseId)];
    const cannot = decideSend({ canWrite: true, closed: key.closedOn !== null, hasForm: form !== undefined, hasInitial });
    if (cannot) refuse(cannot);
    const id = await insertForm(trx, { courseId, citizenId: key.citizenId, sentAt: ctx.clock.now(), sentBy: staffUserId });
    await audit(trx, ctx, [{ action: 'preparation_form.send', citizenId: key.citizenId, entityType: 'preparation_form', entityId: id, outcome: 'allowed', detail: { courseId } }]);
  });
  return getCoursePreparationForm(ctx, courseId);
}

/** A reminder to the citizen, recorded on the form (count and last time) and audited. */
export async function remindPreparationForm(ctx: ServiceContext, courseId: string): Promise<CoursePreparationForm> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'preparation_form.remind');
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffUserId = ctx.actor.userId;
  await ctx.db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const form: PreparationFormRecord | undefined = await findFormOfCourse(trx, courseId);
    if (!form) throw AppError.notFound('Preparation form');
    const cannot = decideRemind({ closed: key.closedOn !== null, answeredAt: form.answeredAt });
    if (cannot) throw AppError.conflict(`No reminder: ${cannot}`);
    await recordReminder(trx, form.id, ctx.clock.now(), staffUserId);
    await audit(trx, ctx, [{ action: 'preparation_form.remind', citizenId: key.citizenId, entityType: 'preparation_form', entityId: form.id, outcome: 'allowed', detail: { courseId, reminder: form.reminderCount + 1 } }]);
  });
  return getCoursePreparationForm(ctx, courseId);
}
