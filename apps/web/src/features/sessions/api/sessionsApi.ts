import { endedSessions, staffSessionList, staffUserOverviewList, type EndedSessions, type StaffSessionList, type StaffUserOverviewList } from '@samkraft/contracts/auth';
import { requestJson } from '../../../api/client.ts';

export const fetchMySessions = (): Promise<StaffSessionList> => requestJson('/api/me/sessions', staffSessionList);

export const endMySession = (id: string): Promise<EndedSessions> => requestJson(`/api/me/sessions/${encodeURIComponent(id)}/end`, endedSessions, { method: 'POST', body: {} });

export const endMyOtherSessions = (): Promise<EndedSessions> => requestJson('/api/me/sessions/end-others', endedSessions, { method: 'POST', body: {} });

export const fetchStaffUsers = (): Promise<StaffUserOverviewList> => requestJson('/api/admin/staff-users', staffUserOverviewList);

export const fetchSessionsOfStaff = (userId: string): Promise<StaffSessionList> => requestJson(`/api/admin/staff-users/${encodeURIComponent(userId)}/sessions`, staffSessionList);

export const endSessionsOfStaff = (userId: string): Promise<EndedSessions> =>
  requestJson(`/api/admin/staff-users/${encodeURIComponent(userId)}/sessions/end`, endedSessions, { method: 'POST', body: {} });
