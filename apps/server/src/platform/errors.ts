import type { ErrorCode, FieldErrorCode, FieldErrorParams } from '@samkraft/contracts/common';

export type { ErrorCode };

/** One refused field: `code` for the web to translate, `message` (English) for logs and API clients. */
export type FieldIssue = { field: string; code: FieldErrorCode; message: string; params?: FieldErrorParams };

/** A field issue written before codes existed; it is sent with the generic code `invalid`. */
export type UncodedFieldIssue = { field: string; message: string; code?: undefined };

/** The one error type of Samkraft. Rules and services throw it; the HTTP edge maps it once. Its codes: `errorCodes` (contracts). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];

  constructor(code: ErrorCode, message: string, fields: FieldIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  static validation(fields: FieldIssue[], message?: string): AppError;
  /** @deprecated Give every field issue its `code` (see `fieldErrorCodes` in contracts/common.ts). */
  static validation(fields: UncodedFieldIssue[], message?: string): AppError;
  static validation(fields: (FieldIssue | UncodedFieldIssue)[], message?: string): AppError {
    const coded = fields.map((f): FieldIssue => (f.code === undefined ? { field: f.field, code: 'invalid', message: f.message } : f));
    return new AppError('validation', message ?? coded.map((f) => `${f.field}: ${f.message}`).join('; '), coded);
  }
  static forbidden(message = 'Access denied'): AppError {
    return new AppError('forbidden', message);
  }
  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }
  static conflict(message: string): AppError {
    return new AppError('conflict', message);
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  /** A staff sign-in below the NSIS level person data asks (platform/http/person-data-gate.ts). */
  assurance_level: 403,
  not_found: 404,
  conflict: 409,
  csrf: 403,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** FHIR OperationOutcome issue codes for the same errors (for the FHIR endpoints to come). */
export const fhirIssueCodeOf: Record<ErrorCode, string> = {
  validation: 'invalid',
  unauthenticated: 'login',
  invalid_credentials: 'login',
  forbidden: 'forbidden',
  assurance_level: 'forbidden',
  not_found: 'not-found',
  conflict: 'conflict',
  csrf: 'security',
  rate_limited: 'throttled',
  unavailable: 'transient',
  internal: 'exception',
};
