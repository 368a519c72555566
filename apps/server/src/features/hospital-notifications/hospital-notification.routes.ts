import { apiError } from '@samkraft/contracts/common';
import { courseHospitalStay, hospitalNotificationSetting, hospitalNotificationSettingParams, hospitalNotificationSettings, hospitalNotificationSettingUpdate, teamHospitalAbsences } from '@samkraft/contracts/hospital-notifications';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { getCourseHospitalStay, getHospitalNotificationSettings, getTeamHospitalAbsences, setHospitalNotificationSetting } from './hospital-notification.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerHospitalNotificationRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.get('/api/hospital-notifications/settings', {
    schema: {
      tags: ['hospital-notifications'],
      summary: "Whether each member municipality acts on MedCom's hospital notifications (off unless turned on): all to administrators, their own to municipal leads",
      response: { 200: hospitalNotificationSettings, ...errors },
    },
    handler: async (request) => getHospitalNotificationSettings(ctx(request)),
  });

  app.put('/api/hospital-notifications/settings/:municipalityCode', {
    schema: {
      tags: ['hospital-notifications'],
      summary: "Turn acting on hospital notifications on or off for a member municipality (administrators, after the municipality's own legal assessment as data controller); off removes every stay kept. Audited",
      params: hospitalNotificationSettingParams,
      body: hospitalNotificationSettingUpdate,
      response: { 200: hospitalNotificationSetting, ...errors },
    },
    handler: async (request) => setHospitalNotificationSetting(ctx(request), request.params.municipalityCode, request.body.act),
  });

  app.get('/api/courses/:courseId/hospital-stay', {
    schema: {
      tags: ['hospital-notifications'],
      summary: "The citizen's current hospital stay (admitted or acute ambulant, since when, the department, on leave), while the course is open and the municipality acts on hospital notifications (audited)",
      params: z.strictObject({ courseId: z.uuid() }),
      response: { 200: courseHospitalStay, ...errors },
    },
    handler: async (request) => getCourseHospitalStay(ctx(request), request.params.courseId),
  });

  app.get('/api/teams/:teamId/hospital-absences', {
    schema: {
      tags: ['hospital-notifications'],
      summary: "The team's participants at hospital now — only that they are away — whose referral was shared with the team's municipality (audited per citizen)",
      params: z.strictObject({ teamId: z.uuid() }),
      response: { 200: teamHospitalAbsences, ...errors },
    },
    handler: async (request) => getTeamHospitalAbsences(ctx(request), request.params.teamId),
  });
}
