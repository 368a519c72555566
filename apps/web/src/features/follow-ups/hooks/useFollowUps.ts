import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowUpHeld, VulnerableUpdate } from '@samkraft/contracts/follow-ups';
import { fetchFollowUps, recordFollowUpHeld, scheduleFollowUp, setVulnerable } from '../api/followUpsApi.ts';

export function useFollowUps(courseId: string) {
  return useQuery({ queryKey: ['follow-ups', courseId], queryFn: () => fetchFollowUps(courseId) });
}

function useInvalidate(courseId: string) {
  const client = useQueryClient();
  // A held follow-up may judge the plan's goals: the plan shows their latest status.
  return () => Promise.all([client.invalidateQueries({ queryKey: ['follow-ups', courseId] }), client.invalidateQueries({ queryKey: ['action-plans', courseId] })]);
}

export function useScheduleFollowUp(courseId: string) {
  const onSuccess = useInvalidate(courseId);
  return useMutation({ mutationFn: (plannedOn: string) => scheduleFollowUp(courseId, plannedOn), onSuccess });
}

export function useRecordHeld(courseId: string) {
  const onSuccess = useInvalidate(courseId);
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: FollowUpHeld }) => recordFollowUpHeld(id, body), onSuccess });
}

export function useSetVulnerable(courseId: string) {
  const onSuccess = useInvalidate(courseId);
  return useMutation({ mutationFn: ({ citizenId, body }: { citizenId: string; body: VulnerableUpdate }) => setVulnerable(citizenId, body), onSuccess });
}
