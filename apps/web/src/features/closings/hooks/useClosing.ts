import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClosingConversationSave, ClosingNoteSend, ClosingOverview } from '@samkraft/contracts/closings';
import { draftNote, fetchClosing, fetchHospitalDepartments, saveConversation, saveNote, sendNote } from '../api/closingsApi.ts';

const key = (courseId: string) => ['closing', courseId];

export function useClosing(courseId: string) {
  return useQuery({ queryKey: key(courseId), queryFn: () => fetchClosing(courseId) });
}

export function useHospitalDepartments() {
  return useQuery({ queryKey: ['organisations', 'hospital_department'], queryFn: fetchHospitalDepartments, staleTime: 300_000 });
}

/** A write answers with the new overview; the course and its deadlines change with it. */
function useOnSaved(courseId: string) {
  const client = useQueryClient();
  return (overview: ClosingOverview) => {
    client.setQueryData(key(courseId), overview);
    // ['course', id] also covers the course's deadlines.
    void client.invalidateQueries({ queryKey: ['course', courseId] });
    void client.invalidateQueries({ queryKey: ['worklist'] });
    // The conversation may judge the plan's goals: the plan shows their latest status.
    void client.invalidateQueries({ queryKey: ['action-plans', courseId] });
  };
}

export function useSaveConversation(courseId: string) {
  const onSuccess = useOnSaved(courseId);
  return useMutation({ mutationFn: (body: ClosingConversationSave) => saveConversation(courseId, body), onSuccess });
}

export function useDraftNote(courseId: string) {
  return useMutation({ mutationFn: () => draftNote(courseId) });
}

export function useSaveNote(courseId: string) {
  const onSuccess = useOnSaved(courseId);
  return useMutation({ mutationFn: (body: string) => saveNote(courseId, body), onSuccess });
}

export function useSendNote(courseId: string) {
  const onSuccess = useOnSaved(courseId);
  return useMutation({ mutationFn: (body: ClosingNoteSend) => sendNote(courseId, body), onSuccess });
}
