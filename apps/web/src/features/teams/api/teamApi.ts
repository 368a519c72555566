import {
  enrolment,
  type Enrolment,
  type EnrolmentCreate,
  type EnrolmentEnd,
  type AttendanceRecord,
  type SessionCancel,
  sessionDetail,
  type SessionDetail,
  sessionGenerateResult,
  type SessionGenerate,
  type SessionGenerateResult,
  type TeamCreate,
  teamDetail,
  type TeamDetail,
  teamList,
  type TeamList,
  teamSession,
  type TeamSession,
  teamSummary,
  type TeamSummary,
  type TeamUpdate,
} from '@samkraft/contracts/teams';
import { requestJson } from '../../../api/client.ts';

export const fetchTeams = (): Promise<TeamList> => requestJson('/api/teams', teamList);
export const createTeam = (body: TeamCreate): Promise<TeamSummary> => requestJson('/api/teams', teamSummary, { method: 'POST', body });
export const fetchTeam = (teamId: string): Promise<TeamDetail> => requestJson(`/api/teams/${teamId}`, teamDetail);
export const generateSessions = (teamId: string, body: SessionGenerate): Promise<SessionGenerateResult> =>
  requestJson(`/api/teams/${teamId}/sessions/generate`, sessionGenerateResult, { method: 'POST', body });
export const enrolCitizen = (teamId: string, body: EnrolmentCreate): Promise<Enrolment> => requestJson(`/api/teams/${teamId}/enrolments`, enrolment, { method: 'POST', body });
export const admitEnrolment = (enrolmentId: string, startOn: string): Promise<Enrolment> =>
  requestJson(`/api/enrolments/${enrolmentId}/admit`, enrolment, { method: 'POST', body: { startOn } });
export const endEnrolment = (enrolmentId: string, body: EnrolmentEnd): Promise<Enrolment> => requestJson(`/api/enrolments/${enrolmentId}/end`, enrolment, { method: 'POST', body });
export const fetchSession = (sessionId: string): Promise<SessionDetail> => requestJson(`/api/team-sessions/${sessionId}`, sessionDetail);
export const recordAttendance = (sessionId: string, body: AttendanceRecord): Promise<SessionDetail> =>
  requestJson(`/api/team-sessions/${sessionId}/attendance`, sessionDetail, { method: 'PUT', body });
export const updateTeam = (teamId: string, body: TeamUpdate): Promise<TeamSummary> => requestJson(`/api/teams/${teamId}`, teamSummary, { method: 'PATCH', body });
export const cancelSession = (sessionId: string, body: SessionCancel): Promise<TeamSession> =>
  requestJson(`/api/team-sessions/${sessionId}/cancel`, teamSession, { method: 'POST', body });
export const reinstateSession = (sessionId: string): Promise<TeamSession> => requestJson(`/api/team-sessions/${sessionId}/reinstate`, teamSession, { method: 'POST' });
/** The printable team list of a session (PDF), opened by the browser. */
export const teamListUrl = (sessionId: string): string => `/api/team-sessions/${sessionId}/team-list.pdf`;
