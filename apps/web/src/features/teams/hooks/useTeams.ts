import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttendanceRecord, EnrolmentCreate, EnrolmentEnd, SessionCancel, SessionGenerate, TeamCreate, TeamUpdate } from '@samkraft/contracts/teams';
import {
  admitEnrolment,
  cancelSession,
  createTeam,
  endEnrolment,
  enrolCitizen,
  fetchSession,
  fetchTeam,
  fetchTeams,
  generateSessions,
  recordAttendance,
  reinstateSession,
  updateTeam,
} from '../api/teamApi.ts';

const teamsKey = ['teams'] as const;

export const useTeams = () => useQuery({ queryKey: teamsKey, queryFn: fetchTeams });
export const useTeam = (teamId: string) => useQuery({ queryKey: [...teamsKey, teamId], queryFn: () => fetchTeam(teamId) });
export const useSession = (sessionId: string) => useQuery({ queryKey: ['team-session', sessionId], queryFn: () => fetchSession(sessionId) });

/** Any change to a team refetches the team lists and pages (seats, counts, sessions). */
function useTeamChange<T, R>(fn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: teamsKey }) });
}

export const useCreateTeam = () => useTeamChange((b: TeamCreate) => createTeam(b));
export const useGenerateSessions = (teamId: string) => useTeamChange((b: SessionGenerate) => generateSessions(teamId, b));
export const useEnrol = (teamId: string) => useTeamChange((b: EnrolmentCreate) => enrolCitizen(teamId, b));
export const useAdmit = () => useTeamChange((v: { enrolmentId: string; startOn: string }) => admitEnrolment(v.enrolmentId, v.startOn));
export const useEndEnrolment = () => useTeamChange((v: { enrolmentId: string; body: EnrolmentEnd }) => endEnrolment(v.enrolmentId, v.body));
export const useUpdateTeam = (teamId: string) => useTeamChange((b: TeamUpdate) => updateTeam(teamId, b));

/** Cancelling or reinstating a session changes its attendance screen and the team's lists. */
function useSessionChange<T>(sessionId: string, fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['team-session', sessionId] }), client.invalidateQueries({ queryKey: teamsKey })]);
    },
  });
}

export const useCancelSession = (sessionId: string) => useSessionChange(sessionId, (b: SessionCancel) => cancelSession(sessionId, b));
export const useReinstateSession = (sessionId: string) => useSessionChange(sessionId, () => reinstateSession(sessionId));

export function useRecordAttendance(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (b: AttendanceRecord) => recordAttendance(sessionId, b),
    onSuccess: async (detail) => {
      client.setQueryData(['team-session', sessionId], detail);
      await client.invalidateQueries({ queryKey: teamsKey });
    },
  });
}
