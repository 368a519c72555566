import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StatusNoteCreate } from '@samkraft/contracts/status-notes';
import { fetchCourseStatusNotes, fetchInbox, fetchProviderStatusNotes, fetchUnreadCount, openStatusNote, writeStatusNote, type InboxFilter } from '../api/statusNotesApi.ts';

export function useStatusNoteInbox(filter: InboxFilter) {
  return useQuery({ queryKey: ['status-notes', 'inbox', filter], queryFn: () => fetchInbox(filter) });
}

export function useUnreadStatusNotes(enabled: boolean) {
  return useQuery({ queryKey: ['status-notes', 'unread-count'], queryFn: fetchUnreadCount, enabled, refetchInterval: 60_000 });
}

/** Opening marks the note read, so the inbox, the badge and course lists are refreshed after. */
export function useOpenStatusNote(id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['status-notes', 'note', id],
    queryFn: async () => {
      const note = await openStatusNote(id);
      void client.invalidateQueries({ queryKey: ['status-notes'], predicate: (q) => q.queryKey[1] !== 'note' });
      return note;
    },
  });
}

export function useCourseStatusNotes(courseId: string) {
  return useQuery({ queryKey: ['status-notes', 'course', courseId], queryFn: () => fetchCourseStatusNotes(courseId) });
}

export function useProviderStatusNotes(crossReferralId: string, enabled: boolean) {
  return useQuery({ queryKey: ['status-notes', 'provider', crossReferralId], queryFn: () => fetchProviderStatusNotes(crossReferralId), enabled });
}

export function useWriteStatusNote(crossReferralId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusNoteCreate) => writeStatusNote(crossReferralId, body),
    // Not awaited: the caller's onSuccess must run before the refetched list remounts its form.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['status-notes', 'provider', crossReferralId] });
      void client.invalidateQueries({ queryKey: ['provider-inbox'] });
    },
  });
}
