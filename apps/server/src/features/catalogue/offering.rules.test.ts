import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { checkOfferingValidity } from './offering.rules.ts';

describe('checkOfferingValidity', () => {
  const current = { validFrom: '2017-10-01', validTo: null };
  it('accepts an open or later end', () => {
    expect(() => checkOfferingValidity(current, { capacity: 3 })).not.toThrow();
    expect(() => checkOfferingValidity(current, { validTo: '2017-10-01' })).not.toThrow();
  });
  it('names validTo when it ends before the start, also a moved start', () => {
    for (const patch of [{ validTo: '2017-09-30' }, { validFrom: '2027-01-01', validTo: '2026-12-31' }]) {
      try {
        checkOfferingValidity(current, patch);
        expect.unreachable();
      } catch (e) {
        expect((e as AppError).fields).toMatchObject([{ field: 'validTo', code: 'before_valid_from' }]);
      }
    }
    expect(() => checkOfferingValidity({ validFrom: '2017-10-01', validTo: '2018-01-01' }, { validFrom: '2019-01-01' })).toThrow(AppError);
  });
});
