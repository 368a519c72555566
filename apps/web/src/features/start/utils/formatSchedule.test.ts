import { describe, expect, it } from 'vitest';
import { addMinutes, formatSchedule, formatSlot } from './formatSchedule.ts';

describe('addMinutes', () => {
  it('adds and wraps', () => {
    expect(addMinutes('10:00', 60)).toBe('11:00');
    expect(addMinutes('09:30:00', 150)).toBe('12:00');
    expect(addMinutes('23:30', 60)).toBe('00:30');
    expect(addMinutes('late', 60)).toBeNull();
  });
});

describe('formatSlot / formatSchedule', () => {
  it('writes Danish weekday and time span', () => {
    expect(formatSlot({ weekday: 1, startTime: '10:00', durationMinutes: 60 }, 'da')).toBe('man. 10:00–11:00');
    expect(formatSlot({ weekday: 4, startTime: '13:15:00', durationMinutes: 45 }, 'en')).toBe('Thu 13:15–14:00');
  });
  it('orders slots by day and time', () => {
    expect(
      formatSchedule(
        [
          { weekday: 4, startTime: '10:00', durationMinutes: 60 },
          { weekday: 1, startTime: '10:00', durationMinutes: 60 },
        ],
        'da',
      ),
    ).toEqual(['man. 10:00–11:00', 'tors. 10:00–11:00']);
  });
});
