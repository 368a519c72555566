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

/** The query string for the API from the page's filters; empty values are left out. */
export function worklistSearch(filters: { scope: string; state?: string; step?: string }): string {
  const params = new URLSearchParams({ scope: filters.scope });
  if (filters.state) params.set('state', filters.state);
  if (filters.step) params.set('step', filters.step);
  return `?${params.toString()}`;
}
