import { describe, expect, it } from 'vitest';
import { checkSessionCancel, checkSessionReinstate } from './session.rules.ts';

describe('session cancellation rules', () => {
  it('cancels a session that nobody has attended or missed', () => {
    expect(checkSessionCancel({ cancelled: false, heldMarks: 0 })).toEqual([]);
  });

  it('refuses to cancel twice or to cancel a session that was held', () => {
    expect(checkSessionCancel({ cancelled: true, heldMarks: 0 })[0]).toMatchObject({ field: 'sessionId', code: 'session_cancelled' });
    expect(checkSessionCancel({ cancelled: false, heldMarks: 2 })[0]).toMatchObject({ field: 'sessionId', code: 'attendance_recorded' });
  });

  it('reinstates only a cancelled session without attendance', () => {
    expect(checkSessionReinstate({ cancelled: true, heldMarks: 0 })).toEqual([]);
    expect(checkSessionReinstate({ cancelled: false, heldMarks: 0 })[0]).toMatchObject({ code: 'session_not_cancelled' });
    expect(checkSessionReinstate({ cancelled: true, heldMarks: 1 })[0]).toMatchObject({ code: 'attendance_recorded' });
  });
});
