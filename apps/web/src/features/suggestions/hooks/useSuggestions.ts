import { useQuery } from '@tanstack/react-query';
import { fetchCourseSuggestions } from '../api/suggestionsApi.ts';

export function useCourseSuggestions(courseId: string) {
  return useQuery({ queryKey: ['courses', courseId, 'suggestions'], queryFn: () => fetchCourseSuggestions(courseId) });
}
