import {
  calendarFeedCreated,
  calendarFeedStatus,
  myAppointment,
  myAppointments,
  type AppointmentCancel,
  type CalendarFeedCreated,
  type CalendarFeedStatus,
  type MyAppointment,
  type MyAppointments,
} from '@samkraft/contracts/appointments';
import type { ZodType } from 'zod';
import { ApiRequestError, toApiRequestError } from '../../../api/apiRequestError.ts';

/** A request of the citizen's API with a JSON body (the citizen cookie and CSRF token, as borgerApi.ts). */
async function borgerSend<T>(path: string, schema: ZodType<T>, init: { method: 'GET' | 'POST' | 'DELETE'; csrfToken?: string; body?: unknown }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.csrfToken) headers['x-csrf-token'] = init.csrfToken;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method: init.method, headers, credentials: 'same-origin', ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  } catch {
    throw new ApiRequestError(0, 'network', 'The server could not be reached');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiRequestError(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiRequestError(response.status, 'invalid_response', `Unexpected response from ${path}`);
  return parsed.data;
}

export const fetchMyAppointments = (): Promise<MyAppointments> => borgerSend('/api/borger/appointments', myAppointments, { method: 'GET' });

export const cancelMyAppointment = (sessionId: string, body: AppointmentCancel, csrfToken: string): Promise<MyAppointment> =>
  borgerSend(`/api/borger/appointments/${sessionId}/cancel`, myAppointment, { method: 'POST', csrfToken, body });

export const fetchCalendarFeed = (): Promise<CalendarFeedStatus> => borgerSend('/api/borger/calendar-feed', calendarFeedStatus, { method: 'GET' });

export const createCalendarFeed = (csrfToken: string): Promise<CalendarFeedCreated> => borgerSend('/api/borger/calendar-feed', calendarFeedCreated, { method: 'POST', csrfToken });

export const revokeCalendarFeed = (csrfToken: string): Promise<CalendarFeedStatus> => borgerSend('/api/borger/calendar-feed', calendarFeedStatus, { method: 'DELETE', csrfToken });

/** The one-off download behind the sign-in (a plain link: the cookie goes with it). */
export const calendarFileUrl = '/api/borger/appointments/calendar.ics';
