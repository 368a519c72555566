import { courseIdParams } from '@samkraft/contracts/assessments';
import { apiError } from '@samkraft/contracts/common';
import { coursePreparationForm, myPreparationForm, myPreparationForms, preparationAnswersBody, preparationFormIdParams, preparationFormSendBody } from '@samkraft/contracts/preparation-forms';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenContext, staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { listMyPreparationForms, openMyPreparationForm, saveMyPreparationForm } from './preparation-form-citizen.service.ts';
import { getCoursePreparationForm, remindPreparationForm, sendPreparationForm } from './preparation-form.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };
const citizen = [{ citizenSession: [] }];

/** The preparation form "Støtte til livet med kræft" in the citizen portal (issue 13.3): the staff's and the citizen's routes. */
export function registerPreparationFormRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const path = '/api/courses/:courseId/citizen-preparation-form';
  app.get(path, {
    schema: { tags: ['assessments'], summary: 'The preparation form sent to the citizen: sent, opened, answered, the citizen’s own answer and the draft needs assessment', params: courseIdParams, response: { 200: coursePreparationForm, ...errors } },
    handler: async (request) => getCoursePreparationForm(staffContext(request, deps), request.params.courseId),
  });
  app.post(path, {
    schema: { tags: ['assessments'], summary: 'Send the preparation form to the citizen’s portal (the contact person)', params: courseIdParams, body: preparationFormSendBody, response: { 201: coursePreparationForm, ...errors, 409: apiError } },
    handler: async (request, reply) => reply.status(201).send(await sendPreparationForm(staffContext(request, deps), request.params.courseId)),
  });
  app.post(`${path}/reminders`, {
    schema: { tags: ['assessments'], summary: 'Record a reminder to the citizen about the preparation form', params: courseIdParams, body: preparationFormSendBody, response: { 201: coursePreparationForm, ...errors, 409: apiError } },
    handler: async (request, reply) => reply.status(201).send(await remindPreparationForm(staffContext(request, deps), request.params.courseId)),
  });

  app.get('/api/borger/preparation-forms', {
    schema: { tags: ['borger'], summary: 'The signed-in citizen’s preparation forms (open courses)', security: citizen, response: { 200: myPreparationForms, 401: apiError } },
    handler: async (request) => listMyPreparationForms(citizenContext(request, deps)),
  });
  app.get('/api/borger/preparation-forms/:formId', {
    schema: { tags: ['borger'], summary: 'Open one of the citizen’s own preparation forms (the first opening is recorded)', security: citizen, params: preparationFormIdParams, response: { 200: myPreparationForm, ...errors } },
    handler: async (request) => openMyPreparationForm(citizenContext(request, deps), request.params.formId),
  });
  app.put('/api/borger/preparation-forms/:formId', {
    schema: { tags: ['borger'], summary: 'Save the citizen’s answers to come back to (before submitting)', security: citizen, params: preparationFormIdParams, body: preparationAnswersBody, response: { 200: myPreparationForm, ...errors, 409: apiError } },
    handler: async (request) => saveMyPreparationForm(citizenContext(request, deps), request.params.formId, request.body, { final: false }),
  });
  app.post('/api/borger/preparation-forms/:formId/submit', {
    schema: { tags: ['borger'], summary: 'Submit the citizen’s answers: final for the citizen', security: citizen, params: preparationFormIdParams, body: preparationAnswersBody, response: { 200: myPreparationForm, ...errors, 409: apiError } },
    handler: async (request) => saveMyPreparationForm(citizenContext(request, deps), request.params.formId, request.body, { final: true }),
  });
}
