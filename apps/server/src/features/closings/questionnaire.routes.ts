import { citizenQuestionnaireAnswer, myQuestionnaire, myQuestionnaires, questionnaireIdParams } from '@samkraft/contracts/closing-questionnaire';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { answerMyQuestionnaire, getMyQuestionnaires } from './questionnaire.service.ts';

const security = [{ citizenSession: [] }];

/** The citizen's questionnaire at closing (issue 13.5), under the citizen's API. */
export function registerQuestionnaireRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/borger/questionnaires', {
    schema: {
      tags: ['borger'],
      summary: 'The signed-in citizen’s questionnaires at closing: open, answered or expired',
      security,
      response: { 200: myQuestionnaires, 401: apiError },
    },
    handler: async (request) => getMyQuestionnaires(citizenContext(request, deps)),
  });

  app.post('/api/borger/questionnaires/:questionnaireId/answer', {
    schema: {
      tags: ['borger'],
      summary: 'Answer the questionnaire (satisfaction and benefit 1–5, or null: does not want to answer); final once answered',
      security,
      params: questionnaireIdParams,
      body: citizenQuestionnaireAnswer,
      response: { 200: myQuestionnaire, 400: apiError, 401: apiError, 404: apiError, 409: apiError },
    },
    handler: async (request) => answerMyQuestionnaire(citizenContext(request, deps), request.params.questionnaireId, request.body),
  });
}
