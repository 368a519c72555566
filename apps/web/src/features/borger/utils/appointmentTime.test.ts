import { describe, expect, it } from 'vitest';
import { appointmentDay, appointmentMoment, appointmentTime } from './appointmentTime.ts';

describe('appointment times in Danish time (tests run with TZ=UTC)', () => {
  it('shows winter and summer sessions at their Danish wall-clock time', () => {
    expect(appointmentTime('2026-11-25T09:00:00.000Z', 'da')).toBe('10.00');
    expect(appointmentTime('2026-06-02T08:00:00.000Z', 'da')).toBe('10.00');
    expect(appointmentTime('2026-06-02T08:00:00.000Z', 'en')).toBe('10:00');
  });

  it('names the Danish day, also when it differs from the UTC day', () => {
    expect(appointmentDay('2026-11-24T23:30:00.000Z', 'da')).toBe('onsdag 25. november');
    expect(appointmentMoment('2026-11-25T09:00:00.000Z', 'en')).toBe('Wednesday 25 November at 10:00');
  });
});
