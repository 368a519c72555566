import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/apiRequestError.ts';
import { resources } from '../../i18n/resources.ts';
import { fieldErrorText, fieldErrorTexts } from './fieldErrorText.ts';

let da: TFunction;
let en: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: 'da', fallbackLng: 'da', interpolation: { escapeValue: false }, showSupportNotice: false });
  da = instance.getFixedT('da');
  en = instance.getFixedT('en');
});

describe('fieldErrorText', () => {
  it('gives the text of the code in the current language', () => {
    expect(fieldErrorText({ code: 'future_date' }, da)).toBe('Datoen må ikke ligge i fremtiden');
    expect(fieldErrorText({ code: 'future_date' }, en)).toBe('The date must not be in the future');
    expect(fieldErrorText({ code: 'required' }, da)).toBe('Skal udfyldes');
  });

  it('interpolates params', () => {
    expect(fieldErrorText({ code: 'too_short', params: { minimum: 12 } }, da)).toBe('Skal være mindst 12 tegn');
    expect(fieldErrorText({ code: 'too_long', params: { maximum: 200 } }, en)).toBe('Must be at most 200 characters');
  });

  it('falls back to a generic text for a code it does not know', () => {
    expect(fieldErrorText({ code: 'from_a_newer_server' }, da)).toBe('Ugyldig værdi');
    expect(fieldErrorText({ code: 'from_a_newer_server' }, en)).toBe('Invalid value');
  });
});

describe('fieldErrorTexts', () => {
  it('maps by field, splits unknown-key lists and joins distinct texts of one field', () => {
    const error = new ApiRequestError(400, 'validation', 'x', [
      { field: 'receivedOn', code: 'future_date', message: 'must not be in the future' },
      { field: 'receivedOn', code: 'before_birth', message: 'must not be before the citizen was born' },
      { field: 'receivedOn', code: 'future_date', message: 'must not be in the future' },
      { field: 'x, y', code: 'unknown_field', message: 'is not a known field' },
    ]);
    expect(fieldErrorTexts(error, da)).toEqual({
      receivedOn: 'Datoen må ikke ligge i fremtiden; Datoen må ikke ligge før borgerens fødsel',
      x: 'Feltet kendes ikke',
      y: 'Feltet kendes ikke',
    });
  });

  it('has nothing for an error that is not from the API', () => {
    expect(fieldErrorTexts(new Error('x'), da)).toEqual({});
    expect(fieldErrorTexts(null, da)).toEqual({});
  });
});
