import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { contactPersonBody, courseDetail, courseParams, idResult, newContactBody, preparationFormBody } from '@samkraft/contracts/courses';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getCourseOverview } from './course-overview.service.ts';
import { addContact, markPreparationFormSent, preparationLetter, setContactPerson } from './course.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

export function registerCourseRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.get('/api/courses/:courseId', {
    schema: { tags: ['courses'], summary: 'The course overview (audited read)', params: courseParams, response: { 200: courseDetail, ...errors } },
    handler: async (request) => getCourseOverview(ctx(request), request.params.courseId),
  });

  app.put('/api/courses/:courseId/contact-person', {
    schema: {
      tags: ['courses'],
      summary: 'Take, assign or reassign the contact person (history kept)',
      params: courseParams,
      body: contactPersonBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await setContactPerson(ctx(request), request.params.courseId, request.body);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/courses/:courseId/contacts', {
    schema: { tags: ['courses'], summary: 'Record a contact with the citizen (first contact)', params: courseParams, body: newContactBody, response: { 201: idResult, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await addContact(ctx(request), request.params.courseId, request.body)),
  });

  app.post('/api/courses/:courseId/preparation-form', {
    schema: {
      tags: ['courses'],
      summary: 'Mark "Støtte til livet med kræft" as sent to the citizen',
      params: courseParams,
      body: preparationFormBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await markPreparationFormSent(ctx(request), request.params.courseId, request.body.sentOn);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/courses/:courseId/preparation-letter.pdf', {
    schema: {
      tags: ['courses'],
      summary: 'The Danish letter to send with the preparation form, as PDF (audited)',
      params: courseParams,
      produces: ['application/pdf'],
      response: { 200: z.unknown().describe('The letter as application/pdf'), ...errors },
    },
    handler: async (request, reply) => {
      const pdf = await preparationLetter(ctx(request), request.params.courseId);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="brev-stoette-til-livet-med-kraeft.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });
}
