import { describe, expect, it } from 'vitest';
import { nextStepOf } from './next-step.ts';

describe('nextStepOf', () => {
  it('names the next step of each course step', () => {
    expect(nextStepOf('received')).toBe('first_contact');
    expect(nextStepOf('assessed')).toBe('action_plan');
    expect(nextStepOf('closing')).toBe('closing_conversation');
    expect(nextStepOf('closed')).toBe('none');
  });
});
