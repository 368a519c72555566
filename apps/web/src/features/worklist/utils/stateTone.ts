import type { WorklistState } from '@samkraft/contracts/worklist';
import type { TagTone } from '../../../ui/Tag.tsx';

/** Tints for a deadline state; the text always says the state too (colour is never the only cue). */
export function stateTone(state: WorklistState): TagTone {
  switch (state) {
    case 'overdue':
      return 'red';
    case 'due_soon':
      return 'orange';
    case 'open':
      return 'blue';
    case 'paused':
      return 'violet';
    case 'none':
      return 'gray';
  }
}

export type WorklistFilters = { scope: string; state?: string; step?: string; offset?: number; limit?: number };

/** The query string for the API from the page's filters; empty values are left out. */
export function worklistSearch(filters: WorklistFilters): string {
  const params = new URLSearchParams({ scope: filters.scope });
  if (filters.state) params.set('state', filters.state);
  if (filters.step) params.set('step', filters.step);
  if (filters.offset) params.set('offset', String(filters.offset));
  if (filters.limit) params.set('limit', String(filters.limit));
  return `?${params.toString()}`;
}
