import { describe, expect, it } from 'vitest';
import { courseSteps } from '@samkraft/contracts/start';
import { courseStepLabel, courseStepTone, orderStepCounts } from './courseStep.ts';

describe('courseStepLabel', () => {
  it('gives the Danish labels by default', () => {
    expect(courseSteps.map((s) => courseStepLabel(s))).toEqual([
      'Modtaget',
      'Første kontakt',
      'Behovsvurderet',
      'Handleplan',
      'Henvist videre',
      'I forløb',
      'Afslutning',
      'Afsluttet',
    ]);
  });
  it('gives English labels when asked', () => {
    expect(courseStepLabel('assessed', 'en')).toBe('Needs assessed');
  });
  it('has a tone for every step', () => {
    for (const step of courseSteps) expect(courseStepTone(step)).toBeTruthy();
  });
});

describe('orderStepCounts', () => {
  it('orders along the pathway and fills missing steps with zero', () => {
    const ordered = orderStepCounts([
      { step: 'closed', count: 4 },
      { step: 'received', count: 2 },
    ]);
    expect(ordered).toHaveLength(8);
    expect(ordered[0]).toEqual({ step: 'received', count: 2 });
    expect(ordered[1]).toEqual({ step: 'first_contact', count: 0 });
    expect(ordered[7]).toEqual({ step: 'closed', count: 4 });
  });
});
