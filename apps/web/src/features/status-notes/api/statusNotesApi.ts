import {
  courseStatusNotes,
  homeStatusNote,
  providerStatusNotes,
  statusNote,
  statusNoteInbox,
  statusNoteUnreadCount,
  type CourseStatusNotes,
  type HomeStatusNote,
  type ProviderStatusNotes,
  type StatusNote,
  type StatusNoteCreate,
  type StatusNoteInbox,
  type StatusNoteUnreadCount,
} from '@samkraft/contracts/status-notes';
import { requestJson } from '../../../api/client.ts';

export type InboxFilter = { unread: boolean; mine: boolean };

export function fetchInbox(filter: InboxFilter): Promise<StatusNoteInbox> {
  const query = new URLSearchParams();
  if (filter.unread) query.set('unread', 'true');
  if (filter.mine) query.set('mine', 'true');
  const qs = query.toString();
  return requestJson(`/api/status-notes${qs ? `?${qs}` : ''}`, statusNoteInbox);
}

export function fetchUnreadCount(): Promise<StatusNoteUnreadCount> {
  return requestJson('/api/status-notes/unread-count', statusNoteUnreadCount);
}

export function openStatusNote(id: string): Promise<HomeStatusNote> {
  return requestJson(`/api/status-notes/${encodeURIComponent(id)}`, homeStatusNote);
}

export function fetchCourseStatusNotes(courseId: string): Promise<CourseStatusNotes> {
  return requestJson(`/api/courses/${encodeURIComponent(courseId)}/status-notes`, courseStatusNotes);
}

export function fetchProviderStatusNotes(crossReferralId: string): Promise<ProviderStatusNotes> {
  return requestJson(`/api/provider-inbox/${encodeURIComponent(crossReferralId)}/status-notes`, providerStatusNotes);
}

export function writeStatusNote(crossReferralId: string, body: StatusNoteCreate): Promise<StatusNote> {
  return requestJson(`/api/provider-inbox/${encodeURIComponent(crossReferralId)}/status-notes`, statusNote, { method: 'POST', body });
}
