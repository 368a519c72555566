import { courseSuggestions, type CourseSuggestions } from '@samkraft/contracts/suggestions';
import { requestJson } from '../../../api/client.ts';

export function fetchCourseSuggestions(courseId: string): Promise<CourseSuggestions> {
  return requestJson(`/api/courses/${encodeURIComponent(courseId)}/suggestions`, courseSuggestions);
}
