import { describe, expect, it } from 'vitest';
import { toGoalStatusUpdates } from './goalStatusForm.ts';

describe('goal status at a conversation', () => {
  it('sends only the goals judged now', () => {
    expect(toGoalStatusUpdates({ a: 'reached', b: '', c: 'dropped' })).toEqual([
      { goalId: 'a', status: 'reached' },
      { goalId: 'c', status: 'dropped' },
    ]);
  });
});
