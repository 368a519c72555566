import type { OfferingPatch } from '@samkraft/contracts/catalogue';
import { AppError } from '../../platform/errors.ts';

/** The validity after the patch must still be a period: `validTo` on or after `validFrom`. */
export function checkOfferingValidity(current: { validFrom: string; validTo: string | null }, patch: OfferingPatch): void {
  const from = patch.validFrom ?? current.validFrom;
  const to = patch.validTo === undefined ? current.validTo : patch.validTo;
  if (to !== null && to < from) {
    throw AppError.validation([{ field: 'validTo', code: 'before_valid_from', message: `must be on or after validFrom ${from}` }]);
  }
}
