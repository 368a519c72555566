import { describe, expect, it } from 'vitest';
import { periodOfChoice, yearsOffered } from './periodChoices.ts';

describe('periodOfChoice', () => {
  it('gives the last two calendar years, or one year', () => {
    expect(periodOfChoice('lastTwoYears', '2026-12-06')).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    expect(periodOfChoice('2024', '2026-12-06')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(yearsOffered('2026-12-06')).toEqual([2026, 2025, 2024, 2023, 2022]);
  });
});
