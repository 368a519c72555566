import type { ZodType } from 'zod';
import { ApiRequestError, toApiRequestError } from './apiRequestError.ts';
import { getCsrfToken } from './csrfToken.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  /** When true a 401 is returned to the caller instead of sending the user to sign-in. */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
};

let onUnauthorized: () => void = () => undefined;

/** The app decides what "go to sign-in" means (router, cache); the client only calls it. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const stateChanging: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = getCsrfToken();
  if (stateChanging.has(method) && csrf) headers['x-csrf-token'] = csrf;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError(0, 'network', 'The server could not be reached');
  }

  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => null);
  const error = toApiRequestError(response.status, body);
  if (response.status === 401 && !options.allowUnauthorized) onUnauthorized();
  throw error;
}

/** Sends a request and validates the JSON answer against the contract schema. */
export async function requestJson<T>(path: string, schema: ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'invalid_response', `Unexpected response from ${path}`);
  }
  return parsed.data;
}

/** Sends a request whose answer has no body (204). */
export async function requestVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/** A file the server sends (a POST that answers with a download): its bytes, the name it gives, and its headers. */
export type DownloadedFile = { blob: Blob; fileName: string; headers: Headers };

export async function requestFile(path: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await send(path, options);
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), fileName, headers: response.headers };
}

/** Hands a downloaded file to the browser to save, as a link to it would. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
