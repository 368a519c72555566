import { citizenSessionInfo, citizenSignInMethods, citizenSignOutResult, myCourses, type CitizenSessionInfo, type CitizenSignInMethods, type MyCourses } from '@samkraft/contracts/borger';
import { myDocuments, type MyDocuments } from '@samkraft/contracts/my-documents';
import { myRelatives, type MyRelatives } from '@samkraft/contracts/relatives';
import { myQuestionnaire, myQuestionnaires, type CitizenQuestionnaireAnswer, type MyQuestionnaire, type MyQuestionnaires } from '@samkraft/contracts/closing-questionnaire';
import type { ZodType } from 'zod';
import { accessLogPage, type AccessLogPage } from '@samkraft/contracts/access-log';
import { ApiRequestError, toApiRequestError } from '../../../api/apiRequestError.ts';

/**
 * The citizen's API (/api/borger/). Its own small client: the citizen session has its own cookie
 * and CSRF token, and a 401 here means "sign in as a citizen", never the staff sign-in page.
 */
export async function borgerJson<T>(path: string, schema: ZodType<T>, init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; csrfToken?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.csrfToken) headers['x-csrf-token'] = init.csrfToken;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, credentials: 'same-origin', ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  } catch {
    throw new ApiRequestError(0, 'network', 'The server could not be reached');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiRequestError(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiRequestError(response.status, 'invalid_response', `Unexpected response from ${path}`);
  return parsed.data;
}

/** The signed-in citizen, or null when no citizen is signed in. */
export async function fetchCitizenSession(): Promise<CitizenSessionInfo | null> {
  try {
    return await borgerJson('/api/borger/session', citizenSessionInfo);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) return null;
    throw err;
  }
}

export function fetchMyCourses(): Promise<MyCourses> {
  return borgerJson('/api/borger/my-course', myCourses);
}

/** One page of "who has seen my information", newest first; `before` is the previous page's `next`. */
export function fetchMyAccessLog(before: string | null): Promise<AccessLogPage> {
  return borgerJson(`/api/borger/access-log${before ? `?before=${encodeURIComponent(before)}` : ''}`, accessLogPage);
}

/** Where the browser downloads the citizen's own data (aktindsigt): the session cookie goes with the link. */
export const myDataUrl = (format: 'pdf' | 'json'): string => `/api/borger/my-data?format=${format}`;

export function fetchMyRelatives(): Promise<MyRelatives> {
  return borgerJson('/api/borger/relatives', myRelatives);
}

export function fetchMyDocuments(): Promise<MyDocuments> {
  return borgerJson('/api/borger/documents', myDocuments);
}

/** Where the browser downloads one of the citizen's documents (a plain link: the citizen cookie goes along, no CSRF for a GET). */
export const myDocumentUrl = (documentId: string) => `/api/borger/documents/${encodeURIComponent(documentId)}`;

/** The citizen's questionnaires at closing (open, answered, expired). */
export function fetchMyQuestionnaires(): Promise<MyQuestionnaires> {
  return borgerJson('/api/borger/questionnaires', myQuestionnaires);
}

/** Sends the citizen's answers (final once sent). */
export function answerQuestionnaire(id: string, answer: CitizenQuestionnaireAnswer, csrfToken: string): Promise<MyQuestionnaire> {
  return borgerJson(`/api/borger/questionnaires/${encodeURIComponent(id)}/answer`, myQuestionnaire, { method: 'POST', csrfToken, body: answer });
}

/** Ends the citizen session; the identity provider's end-session URL to go to next, or null. */
export async function signOutCitizen(csrfToken: string): Promise<string | null> {
  return (await borgerJson('/api/borger/auth/sign-out', citizenSignOutResult, { method: 'POST', csrfToken })).logoutUrl;
}

/** Where the browser goes to sign in: the server sends it on to the identity provider. */
export const citizenSignInUrl = '/borger/auth/log-ind';

/** Where the browser goes to sign in through NemLog-in (SAML): the server sends it on with a signed AuthnRequest. */
export const citizenNemLogInSignInUrl = '/api/auth/saml/nemlog-in/login';

/** The ways in this installation offers (the broker, NemLog-in). */
export function fetchCitizenSignInMethods(): Promise<CitizenSignInMethods> {
  return borgerJson('/api/auth/citizen-sign-in-methods', citizenSignInMethods);
}
