import { describe, expect, it } from 'vitest';
import { demandFromCounts } from './planning-demand.rules.ts';
import { expectedDemand, expectedNewCases, interventionRows, sixNewCases } from './planning-setup.rules.ts';

describe('demand', () => {
  it('scales the records of a period to a year, per home municipality and intervention', () => {
    const counts = [
      { home: '0151', interventionCode: 'lung', count: 5 },
      { home: '0151', interventionCode: 'lung', count: 1 },
      { home: '0159', interventionCode: 'brain', count: 2 },
    ];
    // Half a year (2025-01-01 … 2025-07-02, 183 days): twice the count.
    expect(demandFromCounts(['0151', '0159'], ['lung', 'brain'], counts, '2025-01-01', '2025-07-02')).toEqual([
      [12, 0],
      [0, 4],
    ]);
  });

  it('shares note Table 4 out by report Table 1: the six original municipalities add up to the figure', () => {
    expect(sixNewCases()).toBe(1810);
    const six = ['0151', '0159', '0163', '0175', '0190', '0240'];
    const [men] = interventionRows(['men_training']);
    const total = expectedDemand(six, men ? [men] : []).reduce((s, row) => s + (row[0] ?? 0), 0);
    expect(Math.abs(total - 344)).toBeLessThanOrEqual(0.3);
  });

  it('gives a municipality outside the nine new cases from its population at the nine’s incidence', () => {
    const nine = ['0151', '0240', '0190', '0157', '0159', '0163', '0173', '0230', '0175'];
    expect(nine.reduce((s, c) => s + expectedNewCases(c), 0)).toBe(3158);
    // Aarhus (≈ 350,000 inhabitants) at the nine's ≈ 0.65 % a year.
    expect(expectedNewCases('0751')).toBeGreaterThan(1500);
    expect(expectedNewCases('0751')).toBeLessThan(3500);
  });
});
