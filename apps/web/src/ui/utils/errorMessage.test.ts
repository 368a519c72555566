import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/apiRequestError.ts';
import { errorMessageKey } from './errorMessage.ts';

describe('errorMessageKey', () => {
  it('maps known codes, then statuses, then falls back', () => {
    expect(errorMessageKey(new ApiRequestError(0, 'network', 'x'))).toBe('errors.network');
    expect(errorMessageKey(new ApiRequestError(401, 'invalid_credentials', 'x'))).toBe('errors.invalid_credentials');
    expect(errorMessageKey(new ApiRequestError(429, 'too_many', 'x'))).toBe('errors.rate_limited');
    expect(errorMessageKey(new ApiRequestError(503, 'unavailable', 'x'))).toBe('errors.unavailable');
    expect(errorMessageKey(new ApiRequestError(503, 'other', 'x'))).toBe('errors.unavailable');
    expect(errorMessageKey(new ApiRequestError(500, 'boom', 'x'))).toBe('errors.generic');
    expect(errorMessageKey(new Error('x'))).toBe('errors.generic');
  });
});
