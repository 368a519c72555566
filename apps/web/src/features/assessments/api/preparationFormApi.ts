import { coursePreparationForm, type CoursePreparationForm } from '@samkraft/contracts/preparation-forms';
import { requestJson } from '../../../api/client.ts';

const path = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/citizen-preparation-form`;

/** The preparation form sent to the citizen's portal: its state, the citizen's own answer, the draft assessment. */
export function fetchCoursePreparationForm(courseId: string): Promise<CoursePreparationForm> {
  return requestJson(path(courseId), coursePreparationForm);
}

export function sendCoursePreparationForm(courseId: string): Promise<CoursePreparationForm> {
  return requestJson(path(courseId), coursePreparationForm, { method: 'POST', body: {} });
}

export function remindCoursePreparationForm(courseId: string): Promise<CoursePreparationForm> {
  return requestJson(`${path(courseId)}/reminders`, coursePreparationForm, { method: 'POST', body: {} });
}
