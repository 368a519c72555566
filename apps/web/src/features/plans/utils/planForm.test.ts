import { describe, expect, it } from 'vitest';
import { emptyPlanForm, toPlanBody } from './planForm.ts';

describe('the plan form', () => {
  it('sends empty optional fields as null and keeps required ones for the server to name', () => {
    const body = toPlanBody(emptyPlanForm('2026-11-22'), false);
    expect(body.returnToWork).toBeNull();
    expect(body.revisionReason).toBeNull();
    expect(body.location).toBe('');
    expect(body.goals).toEqual([{ description: '', targetOn: null, status: 'open' }]);
  });
});
