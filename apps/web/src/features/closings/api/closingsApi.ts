import { z } from 'zod';
import {
  closingNoteDraft,
  closingOverview,
  type ClosingConversationSave,
  type ClosingNoteDraft,
  type ClosingNoteSend,
  type ClosingOverview,
} from '@samkraft/contracts/closings';
import { organisationItem, type OrganisationItem } from '@samkraft/contracts/organisations';
import { requestJson } from '../../../api/client.ts';

const base = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/closing`;

export function fetchClosing(courseId: string): Promise<ClosingOverview> {
  return requestJson(base(courseId), closingOverview);
}

export function saveConversation(courseId: string, body: ClosingConversationSave): Promise<ClosingOverview> {
  return requestJson(`${base(courseId)}/conversation`, closingOverview, { method: 'PUT', body });
}

export function draftNote(courseId: string): Promise<ClosingNoteDraft> {
  return requestJson(`${base(courseId)}/note/draft`, closingNoteDraft, { method: 'POST' });
}

export function saveNote(courseId: string, body: string): Promise<ClosingOverview> {
  return requestJson(`${base(courseId)}/note`, closingOverview, { method: 'PUT', body: { body } });
}

export function sendNote(courseId: string, body: ClosingNoteSend): Promise<ClosingOverview> {
  return requestJson(`${base(courseId)}/note/send`, closingOverview, { method: 'POST', body });
}

export function closingNotePdfUrl(courseId: string): string {
  return `${base(courseId)}/note/pdf`;
}

export function fetchHospitalDepartments(): Promise<OrganisationItem[]> {
  return requestJson('/api/organisations?kind=hospital_department', z.array(organisationItem));
}
