import type { DeadlineState } from '@samkraft/contracts/deadlines';
import type { TagTone } from '../../../ui/Tag.tsx';

/** Tints for a deadline's state as the API gave it; the badge's text names the state too. */
export function deadlineTone(state: DeadlineState): TagTone {
  switch (state) {
    case 'overdue':
      return 'red';
    case 'due_soon':
      return 'orange';
    case 'open':
      return 'blue';
    case 'paused':
      return 'violet';
    case 'met':
      return 'green';
    case 'met_late':
      return 'yellow';
  }
}
