import { myCourses } from '@samkraft/contracts/borger';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { getMyCourses } from './my-course.service.ts';

export function registerMyCourseRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/borger/my-course', {
    schema: { tags: ['borger'], summary: 'The signed-in citizen’s open courses: contact person, plan with goals, interventions and their providers', security: [{ citizenSession: [] }], response: { 200: myCourses } },
    handler: async (request) => getMyCourses(citizenContext(request, deps)),
  });
}
