import type { z } from 'zod';
import type { citizenQuestionnaireAnswer, MyQuestionnaire, MyQuestionnaires } from '@samkraft/contracts/closing-questionnaire';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { listCitizenQuestionnaires, lockCitizenQuestionnaire, recordCitizenAnswer, type CitizenQuestionnaireRecord } from './questionnaire.repository.ts';
import { checkCitizenAnswer, citizenAnswerValues, citizenQuestionnaireStateOf } from './questionnaire.rules.ts';

/**
 * The questionnaire at closing as the citizen answers it on their own phone (issue 13.5). The
 * citizen is the session's, never one the request names: a questionnaire of another citizen is
 * not found (404). Every read and answer is audited with the citizen as the actor, a refusal too.
 */

type AnswerInput = z.output<typeof citizenQuestionnaireAnswer>;

function toMine(r: CitizenQuestionnaireRecord, today: string): MyQuestionnaire {
  return {
    id: r.id,
    state: citizenQuestionnaireStateOf(r, today),
    municipalityName: r.municipalityName,
    requestedOn: danishDate(new Date(r.requestedAt)),
    dueOn: r.dueOn,
    answeredAt: r.answeredAt,
    satisfaction: r.satisfaction,
    benefit: r.benefit,
  };
}

export async function getMyQuestionnaires(ctx: CitizenContext): Promise<MyQuestionnaires> {
  const citizenId = ctx.actor.citizenId;
  const today = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const list = await listCitizenQuestionnaires(trx, citizenId);
    await audit(
      trx,
      ctx,
      list.length > 0
        ? list.map((q) => ({ action: 'closing.questionnaire_read', citizenId, entityType: 'closing_conversation', entityId: q.id, outcome: 'allowed' as const }))
        : [{ action: 'closing.questionnaire_read', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed' }],
    );
    return { questionnaires: list.map((q) => toMine(q, today)) };
  });
}

/** Takes the citizen's answers once, while the questionnaire is open; final from then on. */
export async function answerMyQuestionnaire(ctx: CitizenContext, id: string, input: AnswerInput): Promise<MyQuestionnaire> {
  const citizenId = ctx.actor.citizenId;
  const today = danishDate(ctx.clock.now());
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const found = await lockCitizenQuestionnaire(trx, citizenId, id);
      if (!found) throw AppError.notFound('Questionnaire');
      const issues = checkCitizenAnswer(citizenQuestionnaireStateOf(found, today));
      if (issues.length > 0) throw new AppError('conflict', 'The questionnaire cannot be answered', issues);
      const values = citizenAnswerValues(input);
      const at = ctx.clock.now();
      if (!(await recordCitizenAnswer(trx, id, { ...values, at }))) throw new AppError('conflict', 'The questionnaire cannot be answered', checkCitizenAnswer('answered'));
      await audit(trx, ctx, [
        {
          action: 'closing.questionnaire_answer',
          citizenId,
          entityType: 'closing_conversation',
          entityId: id,
          outcome: 'allowed',
          detail: { courseId: found.courseId, satisfactionAnswered: values.satisfaction !== null, benefitAnswered: values.benefit !== null },
        },
      ]);
      return toMine({ ...found, ...values, answeredAt: at.toISOString() }, today);
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'conflict')) {
      await audit(ctx.db, ctx, [
        { action: 'closing.questionnaire_answer', citizenId, entityType: 'closing_conversation', entityId: id, outcome: 'denied', detail: { reason: error.code, fields: error.fields.map((f) => `${f.field}:${f.code}`) } },
      ]);
    }
    throw error;
  }
}
