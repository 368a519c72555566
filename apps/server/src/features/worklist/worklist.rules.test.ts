import { describe, expect, it } from 'vitest';
import { compareUrgency, type NextDeadlineLike } from './worklist.rules.ts';

const item = (next: NextDeadlineLike, receivedOn = '2026-11-01') => ({ next, receivedOn });

describe('worklist rules', () => {
  it('sorts overdue before due soon before open, then by due date, no deadline last', () => {
    const list = [
      item(null, '2026-10-01'),
      item({ state: 'open', dueOn: '2026-11-30' }),
      item({ state: 'overdue', dueOn: '2026-11-20' }),
      item({ state: 'due_soon', dueOn: '2026-11-24' }),
      item({ state: 'overdue', dueOn: '2026-11-10' }),
      item({ state: 'paused', dueOn: '2026-11-23' }),
      item({ state: 'open', dueOn: '2026-11-26' }),
    ];
    const sorted = [...list].sort(compareUrgency).map((i) => `${i.next?.state ?? 'none'}:${i.next?.dueOn ?? ''}`);
    expect(sorted).toEqual(['overdue:2026-11-10', 'overdue:2026-11-20', 'due_soon:2026-11-24', 'open:2026-11-26', 'open:2026-11-30', 'paused:2026-11-23', 'none:']);
  });
});
