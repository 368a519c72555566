import type { MyPreparationForm, MyPreparationFormSummary, MyPreparationForms, PreparationAnswersBody } from '@samkraft/contracts/preparation-forms';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { getAssessmentItems } from './assessment.service.ts';
import { listAssessmentItems } from './assessment.repository.ts';
import { findFormOfCitizen, listFormsOfCitizen, markOpened, saveAnswers, type CitizenPreparationFormRecord } from './preparation-form.repository.ts';
import { checkCitizenAnswers, normaliseAnswers, preparationFormStatusOf } from './preparation-form.rules.ts';

/*
 * The citizen's side of the preparation form (issue 13.3). The citizen is the session's, never one
 * the request names: a form id of another citizen is not found. Every read and write is audited in
 * its transaction with the citizen as the actor.
 */

function summary(f: CitizenPreparationFormRecord): MyPreparationFormSummary {
  return { id: f.id, homeMunicipality: f.homeMunicipality, sentAt: f.sentAt, status: preparationFormStatusOf(f), lastRemindedAt: f.lastRemindedAt, answeredAt: f.answeredAt };
}

export async function listMyPreparationForms(ctx: CitizenContext): Promise<MyPreparationForms> {
  const citizenId = ctx.actor.citizenId;
  return ctx.db.transaction().execute(async (trx) => {
    const forms = await listFormsOfCitizen(trx, citizenId);
    await audit(
      trx,
      ctx,
      forms.length > 0
        ? forms.map((f) => ({ action: 'preparation_form.list', citizenId, entityType: 'preparation_form', entityId: f.id, outcome: 'allowed' as const }))
        : [{ action: 'preparation_form.list', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed' }],
    );
    return { forms: forms.map(summary) };
  });
}

/** The form of this citizen, or a 404 (audited as refused by the caller) when it is not theirs or its course is closed. */
async function ownForm(trx: Db, ctx: CitizenContext, formId: string): Promise<CitizenPreparationFormRecord> {
  const form = await findFormOfCitizen(trx, ctx.actor.citizenId, formId, { forUpdate: true });
  if (!form || form.courseClosed) throw AppError.notFound('Preparation form');
  return form;
}

async function refusedNotFound(ctx: CitizenContext, formId: string, action: string, err: unknown): Promise<never> {
  if (err instanceof AppError && err.code === 'not_found') {
    await audit(ctx.db, ctx, [{ action, citizenId: ctx.actor.citizenId, entityType: 'preparation_form', entityId: formId, outcome: 'denied', detail: { reason: 'not_found' } }]);
  }
  throw err;
}

async function toForm(trx: Db, f: CitizenPreparationFormRecord): Promise<MyPreparationForm> {
  return {
    ...summary(f),
    contactPersonName: f.sentBy,
    items: await getAssessmentItems({ db: trx }),
    answers: { scaleScore: f.scaleScore, problems: f.problems, whatMattersMost: f.whatMattersMost },
    savedAt: f.savedAt,
    editable: f.answeredAt === null,
  };
}

/** Opening the form: the first time is recorded for the contact person to see (opened at). */
export async function openMyPreparationForm(ctx: CitizenContext, formId: string): Promise<MyPreparationForm> {
  const citizenId = ctx.actor.citizenId;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const form = await ownForm(trx, ctx, formId);
      const first = form.openedAt === null;
      const at = ctx.clock.now();
      if (first) await markOpened(trx, form.id, at);
      await audit(trx, ctx, [{ action: 'preparation_form.open', citizenId, entityType: 'preparation_form', entityId: form.id, outcome: 'allowed', detail: { first } }]);
      // The locked row is the form as it is: opening changes only the first opening's time, so nothing is read back.
      return toForm(trx, first ? { ...form, openedAt: at.toISOString() } : form);
    });
  } catch (err) {
    return refusedNotFound(ctx, formId, 'preparation_form.open', err);
  }
}

/**
 * Saves the citizen's answers (to come back to), or submits them (`final`): then they are the
 * citizen's final answer, which neither the citizen nor the professional's assessment changes.
 */
export async function saveMyPreparationForm(ctx: CitizenContext, formId: string, body: PreparationAnswersBody, o: { final: boolean }): Promise<MyPreparationForm> {
  const citizenId = ctx.actor.citizenId;
  const action = o.final ? 'preparation_form.submit' : 'preparation_form.save';
  const answers = normaliseAnswers({ scaleScore: body.scaleScore, problems: body.problems, whatMattersMost: body.whatMattersMost });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const form = await ownForm(trx, ctx, formId);
      if (form.answeredAt) throw AppError.conflict('The preparation form is already submitted and cannot be changed');
      const active = await listAssessmentItems(trx, { activeOnly: true });
      const issues = checkCitizenAnswers(answers, new Set(active.map((i) => i.code)), o);
      if (issues.length > 0) throw AppError.validation(issues);
      await saveAnswers(trx, form.id, { ...answers, at: ctx.clock.now(), final: o.final });
      await audit(trx, ctx, [
        { action, citizenId, entityType: 'preparation_form', entityId: form.id, outcome: 'allowed', detail: { problems: answers.problems.length, scale: answers.scaleScore !== null, whatMattersMost: answers.whatMattersMost !== null } },
      ]);
      const saved = await findFormOfCitizen(trx, citizenId, form.id, { forUpdate: false });
      if (!saved) throw new AppError('internal', 'The saved form could not be read back');
      return toForm(trx, saved);
    });
  } catch (err) {
    return refusedNotFound(ctx, formId, action, err);
  }
}
