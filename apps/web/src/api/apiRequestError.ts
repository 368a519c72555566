import { apiErrorAsRead, type FieldError as ApiFieldError } from '@samkraft/contracts/common';

/** One refused field: `code` (and `params`) for the UI's text, `message` is the server's English. */
export type FieldError = ApiFieldError;

/** The one error type of the web app's API calls; mirrors the server's error body. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Turns a failed response's status and (possibly non-JSON) body into an ApiRequestError. */
export function toApiRequestError(status: number, body: unknown): ApiRequestError {
  const parsed = apiErrorAsRead.safeParse(body);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiRequestError(status, code, message, fields);
  }
  return new ApiRequestError(status, `http_${status}`, `Request failed with status ${status}`);
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}
