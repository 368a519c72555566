import type { WorklistState } from '@samkraft/contracts/worklist';

export type UrgencyState = 'overdue' | 'due_soon' | 'open' | 'paused' | 'met' | 'met_late';
export type NextDeadlineLike = { state: UrgencyState; dueOn: string } | null;

const rank: Record<UrgencyState | 'none', number> = { overdue: 0, due_soon: 1, open: 2, paused: 3, met_late: 4, met: 4, none: 5 };

/**
 * Most urgent first: overdue, then due soon, then open, by due date (oldest first); paused
 * clocks and courses without an open deadline last, oldest referral first.
 */
export function compareUrgency(a: { next: NextDeadlineLike; receivedOn: string }, b: { next: NextDeadlineLike; receivedOn: string }): number {
  const ra = rank[a.next?.state ?? 'none'];
  const rb = rank[b.next?.state ?? 'none'];
  if (ra !== rb) return ra - rb;
  const da = a.next?.dueOn ?? '9999-12-31';
  const db = b.next?.dueOn ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0;
}

/** The worklist state of a course: its next deadline's state, or `none`. */
export function worklistStateOf(next: { state: UrgencyState } | null): WorklistState {
  if (!next) return 'none';
  switch (next.state) {
    case 'overdue':
    case 'due_soon':
    case 'open':
    case 'paused':
      return next.state;
    case 'met':
    case 'met_late':
      return 'none';
  }
}
