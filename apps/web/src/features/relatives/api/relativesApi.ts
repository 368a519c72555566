import { courseRelative, courseRelatives, sessionRelatives, type CourseRelative, type CourseRelatives, type RelativeCreate, type SessionRelatives } from '@samkraft/contracts/relatives';
import { requestJson } from '../../../api/client.ts';

const course = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/relatives`;

export function fetchCourseRelatives(courseId: string): Promise<CourseRelatives> {
  return requestJson(course(courseId), courseRelatives);
}

export function createRelative(courseId: string, body: RelativeCreate): Promise<CourseRelative> {
  return requestJson(course(courseId), courseRelative, { method: 'POST', body });
}

export function updateRelative(courseId: string, relativeId: string, body: RelativeCreate): Promise<CourseRelative> {
  return requestJson(`${course(courseId)}/${encodeURIComponent(relativeId)}`, courseRelative, { method: 'PUT', body });
}

export function endRelative(courseId: string, relativeId: string, endsOn: string): Promise<CourseRelative> {
  return requestJson(`${course(courseId)}/${encodeURIComponent(relativeId)}/end`, courseRelative, { method: 'POST', body: { endsOn } });
}

const session = (sessionId: string) => `/api/team-sessions/${encodeURIComponent(sessionId)}/relatives`;

export function fetchSessionRelatives(sessionId: string): Promise<SessionRelatives> {
  return requestJson(session(sessionId), sessionRelatives);
}

export function recordRelativeAttendance(sessionId: string, relativeId: string, attended: boolean): Promise<SessionRelatives> {
  return requestJson(`${session(sessionId)}/${encodeURIComponent(relativeId)}`, sessionRelatives, { method: 'PUT', body: { attended } });
}
