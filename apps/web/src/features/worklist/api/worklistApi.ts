import { closedCourses, type ClosedCourses, type Worklist, worklist } from '@samkraft/contracts/worklist';
import { requestJson } from '../../../api/client.ts';
import { type WorklistFilters, worklistSearch } from '../utils/stateTone.ts';

export function fetchWorklist(filters: WorklistFilters): Promise<Worklist> {
  return requestJson(`/api/worklist${worklistSearch(filters)}`, worklist);
}

export function fetchClosedCourses(page: { offset: number; limit: number }): Promise<ClosedCourses> {
  return requestJson(`/api/worklist/closed?offset=${page.offset}&limit=${page.limit}`, closedCourses);
}
