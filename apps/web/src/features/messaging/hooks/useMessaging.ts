import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CourseMessageWrite, MessageListQuery } from '@samkraft/contracts/messaging';
import { fetchCourseMessages, fetchMessageRecipients, fetchMessages, fetchUnmatchedCount, fetchUnmatchedMessages, placeMessage, writeCourseMessage } from '../api/messagingApi.ts';

export function useCourseMessages(courseId: string) {
  return useQuery({ queryKey: ['messages', 'course', courseId], queryFn: () => fetchCourseMessages(courseId) });
}

export function useMessageRecipients(courseId: string, enabled: boolean) {
  return useQuery({ queryKey: ['messages', 'recipients', courseId], queryFn: () => fetchMessageRecipients(courseId), enabled });
}

/** A message written from the course shows there at once (the list is read again). */
export function useWriteMessage(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseMessageWrite) => writeCourseMessage(courseId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['messages', 'course', courseId] }),
  });
}

export function useUnmatchedMessages() {
  return useQuery({ queryKey: ['messages', 'unmatched', 'list'], queryFn: fetchUnmatchedMessages });
}

export function useUnmatchedCount(enabled: boolean) {
  return useQuery({ queryKey: ['messages', 'unmatched', 'count'], queryFn: fetchUnmatchedCount, enabled, refetchInterval: 60_000 });
}

export function usePlaceMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, courseId }: { messageId: string; courseId: string }) => placeMessage(messageId, courseId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['messages'] }),
  });
}

export function useMessages(q: Partial<MessageListQuery>) {
  return useQuery({ queryKey: ['messages', 'all', q], queryFn: () => fetchMessages(q), placeholderData: keepPreviousData });
}
