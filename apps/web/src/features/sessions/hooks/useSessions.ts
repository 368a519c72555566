import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endMyOtherSessions, endMySession, endSessionsOfStaff, fetchMySessions, fetchSessionsOfStaff, fetchStaffUsers } from '../api/sessionsApi.ts';

const mine = ['me', 'sessions'] as const;
const staff = ['admin', 'staff-users'] as const;

export const useMySessions = () => useQuery({ queryKey: mine, queryFn: fetchMySessions });
export const useStaffUsers = () => useQuery({ queryKey: staff, queryFn: fetchStaffUsers });
export const useSessionsOfStaff = (userId: string | null) =>
  useQuery({ queryKey: [...staff, userId, 'sessions'], queryFn: () => fetchSessionsOfStaff(userId ?? ''), enabled: userId !== null });

export function useEndMySession() {
  const client = useQueryClient();
  return useMutation({ mutationFn: endMySession, onSuccess: () => client.invalidateQueries({ queryKey: mine }) });
}

export function useEndMyOtherSessions() {
  const client = useQueryClient();
  return useMutation({ mutationFn: endMyOtherSessions, onSuccess: () => client.invalidateQueries({ queryKey: mine }) });
}

export function useEndSessionsOfStaff() {
  const client = useQueryClient();
  return useMutation({ mutationFn: endSessionsOfStaff, onSuccess: () => client.invalidateQueries({ queryKey: staff }) });
}
