import {
  courseMessage,
  courseMessageList,
  messagePage,
  messageRecipients,
  messageSummary,
  unmatchedMessageCount,
  unmatchedMessageList,
  type CourseMessage,
  type CourseMessageList,
  type CourseMessageWrite,
  type MessageListQuery,
  type MessagePage,
  type MessageRecipients,
  type MessageSummary,
  type UnmatchedMessageCount,
  type UnmatchedMessageList,
} from '@samkraft/contracts/messaging';
import { requestJson } from '../../../api/client.ts';

const courseBase = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/messages`;

export function fetchCourseMessages(courseId: string): Promise<CourseMessageList> {
  return requestJson(courseBase(courseId), courseMessageList);
}

export function fetchMessageRecipients(courseId: string): Promise<MessageRecipients> {
  return requestJson(`${courseBase(courseId)}/recipients`, messageRecipients);
}

export function writeCourseMessage(courseId: string, body: CourseMessageWrite): Promise<CourseMessage> {
  return requestJson(courseBase(courseId), courseMessage, { method: 'POST', body });
}

export function attachmentUrl(courseId: string, messageId: string, index: number): string {
  return `${courseBase(courseId)}/${encodeURIComponent(messageId)}/attachments/${index}`;
}

export function fetchUnmatchedMessages(): Promise<UnmatchedMessageList> {
  return requestJson('/api/messages/unmatched', unmatchedMessageList);
}

export function fetchUnmatchedCount(): Promise<UnmatchedMessageCount> {
  return requestJson('/api/messages/unmatched/count', unmatchedMessageCount);
}

export function placeMessage(messageId: string, courseId: string): Promise<MessageSummary> {
  return requestJson(`/api/messages/${encodeURIComponent(messageId)}/place`, messageSummary, { method: 'POST', body: { courseId } });
}

/** The administrators' list; only the filters given go into the query. */
export function fetchMessages(q: Partial<MessageListQuery>): Promise<MessagePage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value !== undefined && value !== '') params.set(key, String(value));
  return requestJson(`/api/messages?${params.toString()}`, messagePage);
}
