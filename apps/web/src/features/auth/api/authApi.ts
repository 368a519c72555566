import { type DemoUsers, demoUsers, type LoginBody, type MyContactBody, type MyContactDetails, myContactDetails, type SessionInfo, sessionInfo } from '@samkraft/contracts/auth';
import { isApiRequestError } from '../../../api/apiRequestError.ts';
import { requestJson, requestVoid } from '../../../api/client.ts';
import { setCsrfToken } from '../../../api/csrfToken.ts';

function remember(session: SessionInfo): SessionInfo {
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when nobody is signed in (401). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return remember(await requestJson('/api/auth/session', sessionInfo, { allowUnauthorized: true }));
  } catch (error) {
    if (isApiRequestError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function fetchDemoUsers(): Promise<DemoUsers> {
  return requestJson('/api/auth/demo-users', demoUsers, { allowUnauthorized: true });
}

export async function demoLogin(userId: string): Promise<SessionInfo> {
  return remember(await requestJson('/api/auth/demo-login', sessionInfo, { method: 'POST', body: { userId }, allowUnauthorized: true }));
}

export async function passwordLogin(body: LoginBody): Promise<SessionInfo> {
  return remember(await requestJson('/api/auth/login', sessionInfo, { method: 'POST', body, allowUnauthorized: true }));
}

export async function logout(): Promise<void> {
  try {
    await requestVoid('/api/auth/logout', { method: 'POST', allowUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

export function fetchMyContact(): Promise<MyContactDetails> {
  return requestJson('/api/me/contact', myContactDetails);
}

export function saveMyContact(body: MyContactBody): Promise<MyContactDetails> {
  return requestJson('/api/me/contact', myContactDetails, { method: 'PUT', body });
}

export function saveUnitPhone(unitPhone: string | null): Promise<MyContactDetails> {
  return requestJson('/api/me/municipality/unit-phone', myContactDetails, { method: 'PUT', body: { unitPhone } });
}
