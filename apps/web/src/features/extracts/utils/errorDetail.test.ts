import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractError } from '@samkraft/contracts/extracts';
import { da, en } from '../i18n.ts';
import { errorDetail, type DetailText } from './errorDetail.ts';

let danish: DetailText;
let english: DetailText;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'da', resources: { da: { extracts: da }, en: { extracts: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  danish = (key, values) => i18n.t(`extracts:detail.${key}`, { ...values, lng: 'da' });
  english = (key, values) => i18n.t(`extracts:detail.${key}`, { ...values, lng: 'en' });
});

const error = (e: Partial<ExtractError> & Pick<ExtractError, 'reason' | 'detail'>): ExtractError => ({ file: 'henvisninger.csv', row: 4, column: 'received', ...e });

describe('errorDetail', () => {
  it('words the detail in Danish from the facts, not from the English detail', () => {
    expect(errorDetail(error({ reason: 'invalid_date', detail: '"2017-02-30" is not a real date YYYY-MM-DD or DD-MM-YYYY', value: '2017-02-30' }), danish)).toBe('Angivet: »2017-02-30«');
    expect(errorDetail(error({ reason: 'invalid_value', detail: '"X" is not one of F, M', value: 'X', allowed: ['F', 'M'] }), danish)).toBe('Angivet: »X«. Tilladt: F, M');
    expect(errorDetail(error({ reason: 'out_of_order', detail: 'first_contact 2020-01-01 is before received 2020-02-01', value: '2020-01-01', other: { column: 'received', value: '2020-02-01' } }), danish)).toBe(
      'Angivet: »2020-01-01«. Ligger før kolonnen received (2020-02-01)',
    );
    expect(errorDetail(error({ reason: 'duplicate_referral_id', detail: 'referral_id "R1" is already on row 2', value: 'R1', other: { row: 2 } }), danish)).toBe('Angivet: »R1«. Se række 2');
    expect(errorDetail(error({ reason: 'column_count', detail: 'the row has 3 values, the header 15 columns', value: '3', other: { row: 1, value: '15' } }), danish)).toBe('Rækken har 3 værdier, overskriften 15 kolonner');
    expect(errorDetail(error({ reason: 'sex_mismatch', detail: 'sex F does not agree with the CPR number (M)', value: 'F', other: { column: 'citizen', value: 'M' } }), danish)).toBe('Angivet: »F«. CPR-nummeret giver M');
    expect(errorDetail(error({ reason: 'required', detail: 'end_reason is required with end', other: { column: 'end' } }), danish)).toBe('Hører sammen med kolonnen end');
  });

  it('has no English word in a Danish detail, and says the same in English', () => {
    const e = error({ reason: 'orphan_referral_id', detail: 'referral_id "R9" is not in the referrals table', value: 'R9', other: { file: 'henvisninger.csv' } });
    expect(errorDetail(e, danish)).toBe('Angivet: »R9«. Findes ikke i henvisninger.csv');
    expect(errorDetail(e, english)).toBe('Given: “R9”. Not in henvisninger.csv');
  });
});
