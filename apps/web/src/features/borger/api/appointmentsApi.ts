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
import { borgerJson } from './borgerApi.ts';

export const fetchMyAppointments = (): Promise<MyAppointments> => borgerJson('/api/borger/appointments', myAppointments, { method: 'GET' });

export const cancelMyAppointment = (sessionId: string, body: AppointmentCancel, csrfToken: string): Promise<MyAppointment> =>
  borgerJson(`/api/borger/appointments/${sessionId}/cancel`, myAppointment, { method: 'POST', csrfToken, body });

export const fetchCalendarFeed = (): Promise<CalendarFeedStatus> => borgerJson('/api/borger/calendar-feed', calendarFeedStatus, { method: 'GET' });

export const createCalendarFeed = (csrfToken: string): Promise<CalendarFeedCreated> => borgerJson('/api/borger/calendar-feed', calendarFeedCreated, { method: 'POST', csrfToken });

export const revokeCalendarFeed = (csrfToken: string): Promise<CalendarFeedStatus> => borgerJson('/api/borger/calendar-feed', calendarFeedStatus, { method: 'DELETE', csrfToken });

/** The one-off download behind the sign-in (a plain link: the cookie goes with it). */
export const calendarFileUrl = '/api/borger/appointments/calendar.ics';
