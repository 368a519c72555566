import { type ContactPersonBody, type CourseDetail, courseDetail, idResult, type NewContactBody } from '@samkraft/contracts/courses';
import { requestJson, requestVoid } from '../../../api/client.ts';

export function fetchCourse(courseId: string): Promise<CourseDetail> {
  return requestJson(`/api/courses/${courseId}`, courseDetail);
}

export function setContactPerson(courseId: string, body: ContactPersonBody): Promise<void> {
  return requestVoid(`/api/courses/${courseId}/contact-person`, { method: 'PUT', body });
}

export function addContact(courseId: string, body: NewContactBody): Promise<{ id: string }> {
  return requestJson(`/api/courses/${courseId}/contacts`, idResult, { method: 'POST', body });
}

export function markPreparationFormSent(courseId: string, sentOn: string): Promise<void> {
  return requestVoid(`/api/courses/${courseId}/preparation-form`, { method: 'POST', body: { sentOn } });
}

export const preparationLetterUrl = (courseId: string) => `/api/courses/${courseId}/preparation-letter.pdf`;
