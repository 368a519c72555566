import { describe, expect, it } from 'vitest';
import { ApiRequestError, isApiRequestError, toApiRequestError } from './apiRequestError.ts';

describe('toApiRequestError', () => {
  it('reads code, message and fields (with their code and params) from the error body', () => {
    const fields = [
      { field: 'username', code: 'required', message: 'is required' },
      { field: 'password', code: 'too_short', message: 'Too small', params: { minimum: 12 } },
    ];
    const error = toApiRequestError(400, { error: { code: 'validation_failed', message: 'Invalid input', fields } });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Invalid input');
    expect(error.fields).toEqual(fields);
  });

  it('falls back to a status code when the body is not the API error shape', () => {
    const error = toApiRequestError(502, '<html>Bad gateway</html>');
    expect(error.code).toBe('http_502');
    expect(error.fields).toEqual([]);
  });

  it('is recognised by the type guard', () => {
    expect(isApiRequestError(toApiRequestError(500, null))).toBe(true);
    expect(isApiRequestError(new Error('x'))).toBe(false);
  });
});
