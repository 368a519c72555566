import { describe, expect, it } from 'vitest';
import { errorSummaryItems, fieldElementId } from './errorSummary.ts';

describe('fieldElementId', () => {
  it('turns a field path into an id safe in a #link', () => {
    expect(fieldElementId('intake', 'citizen.givenName')).toBe('intake-citizen-givenName');
    expect(fieldElementId('team', 'schedule[0].startTime')).toBe('team-schedule-0-startTime');
  });
});

describe('errorSummaryItems', () => {
  const labels: Record<string, string> = { 'citizen.givenName': 'Fornavn', legalBasis: 'Lovgrundlag', diagnosisCode: 'Diagnose' };
  it('orders the lines as the form shows its fields, with labels, not paths', () => {
    const items = errorSummaryItems({ diagnosisCode: 'Skal udfyldes', legalBasis: 'Skal udfyldes', 'citizen.givenName': 'Skal udfyldes' }, 'intake', (f) => labels[f], [
      'citizen.givenName',
      'legalBasis',
      'diagnosisCode',
    ]);
    expect(items.map((i) => [i.label, i.id])).toEqual([
      ['Fornavn', 'intake-citizen-givenName'],
      ['Lovgrundlag', 'intake-legalBasis'],
      ['Diagnose', 'intake-diagnosisCode'],
    ]);
  });
  it('keeps a field the form does not know, by its path, after the known ones', () => {
    const items = errorSummaryItems({ colour: 'Ukendt felt', legalBasis: 'Skal udfyldes' }, 'intake', (f) => labels[f], ['legalBasis']);
    expect(items.map((i) => i.label)).toEqual(['Lovgrundlag', 'colour']);
  });
});
