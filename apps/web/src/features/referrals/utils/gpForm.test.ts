import { describe, expect, it } from 'vitest';
import { emptyGpForm, gpClinicLabel, toGpInput } from './gpForm.ts';

describe('the GP part of a form', () => {
  it('sends nothing when not known, the id of a known clinic, or a new clinic without its empty fields', () => {
    expect(toGpInput(emptyGpForm())).toBeUndefined();
    expect(toGpInput({ ...emptyGpForm(), mode: 'known', organisationId: 'a' })).toEqual({ organisationId: 'a' });
    expect(toGpInput({ ...emptyGpForm(), mode: 'new', name: ' Lægehuset ', ydernummer: '079741' })).toEqual({ name: 'Lægehuset', ydernummer: '079741', sorCode: undefined, address: undefined, phone: undefined });
  });

  it('labels a clinic with its numbers', () => {
    expect(gpClinicLabel({ name: 'Lægehuset', ydernummer: '079741', sorCode: null })).toBe('Lægehuset · ydernr. 079741');
  });
});
