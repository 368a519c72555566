import { isApiRequestError } from '../../api/apiRequestError.ts';

export type KnownErrorKey =
  | 'errors.network'
  | 'errors.invalid_credentials'
  | 'errors.rate_limited'
  | 'errors.forbidden'
  | 'errors.assurance_level'
  | 'errors.invalid_response'
  | 'errors.unavailable'
  | 'errors.generic';

const byCode: Record<string, KnownErrorKey> = {
  network: 'errors.network',
  invalid_credentials: 'errors.invalid_credentials',
  rate_limited: 'errors.rate_limited',
  forbidden: 'errors.forbidden',
  assurance_level: 'errors.assurance_level',
  invalid_response: 'errors.invalid_response',
  unavailable: 'errors.unavailable',
};

const byStatus: Record<number, KnownErrorKey> = { 403: 'errors.forbidden', 429: 'errors.rate_limited', 503: 'errors.unavailable' };

/** The translation key of a user-facing message for any error a request can throw. */
export function errorMessageKey(error: unknown): KnownErrorKey {
  if (!isApiRequestError(error)) return 'errors.generic';
  return byCode[error.code] ?? byStatus[error.status] ?? 'errors.generic';
}
