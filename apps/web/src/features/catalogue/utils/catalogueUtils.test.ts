import { describe, expect, it } from 'vitest';
import type { InterventionListItem } from '@samkraft/contracts/catalogue';
import { filterInterventions } from './filterInterventions.ts';
import { dosePartName, formatDose, formatDosePart } from './formatDose.ts';

function anIntervention(over: Partial<InterventionListItem>): InterventionListItem {
  return {
    code: 'mixed_training',
    nameDa: 'Fysisk aktivitet, blandede diagnoser',
    nameEn: 'Physical activity, mixed diagnoses',
    category: 'physical_training',
    form: 'team',
    targetTextDa: 'Mænd og kvinder, alle diagnoser',
    dose: [{ part: 'main', sessions: 29, upTo: false, perWeek: 2, minutes: 60 }],
    hosts: [{ code: '0151', name: 'Ballerup' }],
    active: true,
    ...over,
  };
}

describe('formatDosePart', () => {
  it('writes a team dose in Danish and English', () => {
    const dose = { part: 'main', sessions: 29, upTo: false, perWeek: 2, minutes: 60 };
    expect(formatDosePart(dose, 'da')).toBe('29 gange, 2 pr. uge à 60 min.');
    expect(formatDosePart(dose, 'en')).toBe('29 sessions, 2 per week, 60 min each');
  });
  it('writes "op til" and leaves out a missing weekly rate', () => {
    expect(formatDosePart({ part: 'occupational_therapy', sessions: 30, upTo: true, perWeek: null, minutes: 60 }, 'da')).toBe(
      'op til 30 gange à 60 min.',
    );
  });
  it('uses a Danish decimal comma', () => {
    expect(formatDosePart({ part: 'x', sessions: 1, upTo: false, perWeek: 1.5, minutes: 150 }, 'da')).toBe('1 gang, 1,5 pr. uge à 150 min.');
  });
});

describe('formatDose', () => {
  it('names the parts only when there are several', () => {
    expect(formatDose(anIntervention({}).dose, 'da')).toEqual(['29 gange, 2 pr. uge à 60 min.']);
    const hhk = [
      { part: 'occupational_therapy', sessions: 30, upTo: true, perWeek: null, minutes: 60 },
      { part: 'diet', sessions: 5, upTo: true, perWeek: null, minutes: 60 },
    ];
    expect(formatDose(hhk, 'da')).toEqual(['Ergoterapi: op til 30 gange à 60 min.', 'Kostvejledning: op til 5 gange à 60 min.']);
  });
  it('makes unknown part codes readable', () => {
    expect(dosePartName('breathing_technique', 'da')).toBe('Breathing technique');
  });
});

describe('filterInterventions', () => {
  const items = [
    anIntervention({}),
    anIntervention({ code: 'men', nameDa: 'Fysisk aktivitet for mænd', nameEn: 'Physical activity for men', targetTextDa: 'Mænd', hosts: [{ code: '0240', name: 'Egedal' }] }),
  ];
  it('matches every word, case-insensitively, in names and target group', () => {
    expect(filterInterventions(items, { text: 'MÆND aktivitet', hostCode: null }).map((i) => i.code)).toEqual(['mixed_training', 'men']);
    expect(filterInterventions(items, { text: 'for men', hostCode: null }).map((i) => i.code)).toEqual(['men']);
  });
  it('filters by host municipality', () => {
    expect(filterInterventions(items, { text: '', hostCode: '0240' }).map((i) => i.code)).toEqual(['men']);
  });
});
