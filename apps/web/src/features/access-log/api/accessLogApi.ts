import { accessLogPage, type AccessLogPage } from '@samkraft/contracts/access-log';
import type { DataAccessRequestBody } from '@samkraft/contracts/my-data';
import { requestFile, requestJson, saveFile } from '../../../api/client.ts';

/** One page of who has read the course's citizen's data, newest first. */
export function fetchCourseAccessLog(courseId: string, before: string | null): Promise<AccessLogPage> {
  return requestJson(`/api/courses/${courseId}/access-log${before ? `?before=${encodeURIComponent(before)}` : ''}`, accessLogPage);
}

/** Aktindsigt for a written request: the file is saved by the browser. */
export async function produceDataAccessResponse(courseId: string, body: DataAccessRequestBody): Promise<void> {
  saveFile(await requestFile(`/api/courses/${courseId}/data-access-request`, { method: 'POST', body }));
}
