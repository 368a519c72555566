import { describe, expect, it } from 'vitest';
import { categoryLabel, categoryOptions, organisationLabel } from './messageText.ts';

describe('message texts', () => {
  it("names MedCom's categories in the UI language, case-insensitively, and keeps an unknown code", () => {
    expect(categoryLabel('carecoordination', 'da')).toBe('Forløbskoordinering');
    expect(categoryLabel('CareCoordination', 'en')).toBe('Care Coordination');
    expect(categoryLabel('gossip', 'da')).toBe('gossip');
    expect(categoryLabel(null, 'da')).toBeNull();
  });
  it('offers all 18 categories sorted by their name', () => {
    const options = categoryOptions('da');
    expect(options).toHaveLength(18);
    expect(options[0]?.label).toBe('Akut ambulant');
  });
  it('names a department under its hospital', () => {
    expect(organisationLabel({ name: 'Onkologisk afdeling', parentName: 'Herlev Hospital' })).toBe('Herlev Hospital – Onkologisk afdeling');
    expect(organisationLabel({ name: 'Lægehuset', parentName: null })).toBe('Lægehuset');
  });
});
