import type { AppointmentCancel } from '@samkraft/contracts/appointments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelMyAppointment, createCalendarFeed, fetchCalendarFeed, fetchMyAppointments, revokeCalendarFeed } from '../api/appointmentsApi.ts';

const appointmentsKey = ['borger', 'appointments'] as const;
const feedKey = ['borger', 'calendar-feed'] as const;

export const useMyAppointments = () => useQuery({ queryKey: appointmentsKey, queryFn: fetchMyAppointments });

export function useCancelAppointment(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, csrfToken }: { body: AppointmentCancel; csrfToken: string }) => cancelMyAppointment(sessionId, body, csrfToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentsKey }),
  });
}

export const useCalendarFeed = () => useQuery({ queryKey: feedKey, queryFn: fetchCalendarFeed });

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCalendarFeed, onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }) });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeCalendarFeed, onSuccess: (status) => queryClient.setQueryData(feedKey, status) });
}
