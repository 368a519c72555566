import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { buildSnapshot, readSnapshot, requireSomethingShared } from './cross-referral.rules.ts';

const plan = {
  version: 2,
  agreedOn: '2026-11-16',
  difficultiesAndNeeds: 'Træthed',
  purposeAndContent: 'Styrke',
  location: 'Gentofte',
  otherAdministrations: 'Jobcenter',
  returnToWork: null,
  goals: [{ description: 'Gå 2 km', targetOn: null }],
  responsibilities: [{ part: 'Træning', responsible: 'Gentofte' }],
};
const assessment = { assessedOn: '2026-11-12', problems: [{ itemCode: 'a', area: 'physical', label: 'Træthed', note: null }, { itemCode: 'b', area: 'social', label: 'Økonomi', note: 'Gæld' }] };
const base = { intervention: { code: 'x', name: 'X' }, placeName: 'Center', plan, assessment, diagnosis: { code: 'DC50', title: 'Brystkræft' } };

describe('buildSnapshot', () => {
  it('holds exactly the chosen plan fields and problems', () => {
    const s = buildSnapshot({ ...base, share: { planFields: ['location', 'responsibilities'], assessmentItems: ['b'] } });
    expect(s.plan).toEqual({ version: 2, agreedOn: '2026-11-16', location: 'Gentofte', responsibilities: [{ part: 'Træning', responsible: 'Gentofte' }] });
    expect(s.assessment?.problems.map((p) => p.itemCode)).toEqual(['b']);
  });

  it('shares no plan or assessment when none is chosen, and refuses an empty share', () => {
    const s = buildSnapshot({ ...base, share: { planFields: [], assessmentItems: [] } });
    expect(s.plan).toBeNull();
    expect(s.assessment).toBeNull();
    expect(() => requireSomethingShared(s)).toThrow(AppError);
  });

  it('holds the diagnosis only when chosen, which alone is something to share (issue 10.16)', () => {
    const without = buildSnapshot({ ...base, share: { planFields: ['location'], assessmentItems: [] } });
    expect(without).not.toHaveProperty('diagnosis');
    expect(JSON.stringify(without)).not.toContain('DC50');
    const chosen = buildSnapshot({ ...base, share: { planFields: [], assessmentItems: [], diagnosis: true } });
    expect(chosen.diagnosis).toEqual({ code: 'DC50', title: 'Brystkræft' });
    expect(() => requireSomethingShared(chosen)).not.toThrow();
    expect(() => buildSnapshot({ ...base, diagnosis: null, share: { planFields: [], assessmentItems: [], diagnosis: true } })).toThrow(/no diagnosis/);
  });

  it('refuses plan fields without a plan and problems not in the latest assessment', () => {
    expect(() => buildSnapshot({ ...base, plan: null, share: { planFields: ['goals'], assessmentItems: [] } })).toThrow(/no action plan/);
    expect(() => buildSnapshot({ ...base, share: { planFields: [], assessmentItems: ['zzz'] } })).toThrow(/zzz/);
  });
});

describe('readSnapshot', () => {
  it('shows an older flat snapshot as labels and values', () => {
    const s = readSnapshot({ mål: ['a', 'b'], plan: 'tekst' }, () => null);
    expect(s.other).toEqual([{ label: 'mål', value: 'a; b' }, { label: 'plan', value: 'tekst' }]);
  });
});
