import { type CourseDeadlines, courseDeadlines, deadlinePause, type DeadlinePause, type DeadlinePauseBody, deadlinePolicies, type DeadlinePolicies, deadlinePolicy, type DeadlinePolicy, type DeadlinePolicyBody } from '@samkraft/contracts/deadlines';
import { deceasedResult, type DeceasedResult } from '@samkraft/contracts/referrals';
import { requestJson } from '../../../api/client.ts';

export function fetchCourseDeadlines(courseId: string): Promise<CourseDeadlines> {
  return requestJson(`/api/courses/${courseId}/deadlines`, courseDeadlines);
}

export function pauseDeadline(courseId: string, body: DeadlinePauseBody): Promise<DeadlinePause> {
  return requestJson(`/api/courses/${courseId}/deadline-pauses`, deadlinePause, { method: 'POST', body });
}

export function resumeDeadline(pauseId: string, resumedOn: string): Promise<DeadlinePause> {
  return requestJson(`/api/deadline-pauses/${pauseId}/resume`, deadlinePause, { method: 'POST', body: { resumedOn } });
}

export function fetchDeadlinePolicies(): Promise<DeadlinePolicies> {
  return requestJson('/api/deadline-policies', deadlinePolicies);
}

export function createDeadlinePolicy(body: DeadlinePolicyBody): Promise<DeadlinePolicy> {
  return requestJson('/api/deadline-policies', deadlinePolicy, { method: 'POST', body });
}

export function markDeceased(citizenId: string, deceasedOn: string): Promise<DeceasedResult> {
  return requestJson(`/api/citizens/${citizenId}/deceased`, deceasedResult, { method: 'POST', body: { deceasedOn } });
}
