import { describe, expect, it } from 'vitest';
import { computeAssessmentChange, type AssessmentForChange } from './assessment-change.rules.ts';
import { checkAssessmentInput } from './assessment.rules.ts';

const a = (id: string, occasion: AssessmentForChange['occasion'], assessedOn: string, score: number | null, codes: string[]): AssessmentForChange => ({
  id,
  occasion,
  assessedOn,
  recordedAt: `${assessedOn}T10:00:00.000Z`,
  scaleScore: score,
  problems: codes.map((c) => ({ itemCode: c, area: c.split('.')[0] as 'physical' })),
});

describe('the change view', () => {
  it('is null until there is an initial and a later assessment', () => {
    expect(computeAssessmentChange([])).toBeNull();
    expect(computeAssessmentChange([a('1', 'initial', '2026-01-01', 5, ['physical.pain'])])).toBeNull();
  });

  it('compares the initial with the latest later assessment, per area', () => {
    const change = computeAssessmentChange([
      a('3', 'end', '2026-03-01', 2, ['physical.pain', 'social.loneliness']),
      a('1', 'initial', '2026-01-01', 8, ['physical.pain', 'physical.fatigue']),
      a('2', 'change', '2026-02-01', 6, ['physical.fatigue']),
    ]);
    expect(change?.from.id).toBe('1');
    expect(change?.to).toEqual({ id: '3', occasion: 'end', assessedOn: '2026-03-01' });
    expect(change?.scoreChange).toBe(-6);
    expect(change?.areas).toEqual([
      { area: 'physical', added: [], resolved: ['physical.fatigue'], continuing: ['physical.pain'] },
      { area: 'social', added: ['social.loneliness'], resolved: [], continuing: [] },
    ]);
  });

  it('has no score change when a score is missing', () => {
    expect(computeAssessmentChange([a('1', 'initial', '2026-01-01', null, []), a('2', 'change', '2026-02-01', 3, [])])?.scoreChange).toBeNull();
  });
});

describe('assessment input', () => {
  const base = { occasion: 'initial' as const, assessedOn: '2026-01-10', itemCodes: ['physical.pain'], today: '2026-01-10', activeItemCodes: new Set(['physical.pain']), hasInitial: false };
  it('accepts today and known items', () => expect(checkAssessmentInput(base)).toEqual([]));
  it('names a future date, unknown and repeated items, and a change without an initial', () => {
    expect(checkAssessmentInput({ ...base, occasion: 'change', assessedOn: '2026-01-11', itemCodes: ['x', 'physical.pain', 'physical.pain'] }).map((i) => i.field)).toEqual([
      'assessedOn',
      'problems[0].itemCode',
      'problems[2].itemCode',
      'occasion',
    ]);
  });
});
