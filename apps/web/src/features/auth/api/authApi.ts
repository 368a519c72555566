import { type SignInProvidersView, signInProvidersView, type SignInMethods, signInMethods, signOutResult, type DemoUsers, demoUsers, type LoginBody, type MyContactBody, type MyContactDetails, myContactDetails, type SessionInfo, sessionInfo } from '@samkraft/contracts/auth';
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

export function fetchSignInMethods(): Promise<SignInMethods> {
  return requestJson('/api/auth/sign-in-methods', signInMethods, { allowUnauthorized: true });
}

/** Signs out; the identity provider's logout URL (single logout) when the session came from one. */
export async function logout(): Promise<string | null> {
  try {
    return (await requestJson('/api/auth/sign-out', signOutResult, { method: 'POST', body: {}, allowUnauthorized: true })).logoutUrl;
  } catch (error) {
    // Not signed in any more (or the server unreachable): the old route, as before.
    await requestVoid('/api/auth/logout', { method: 'POST', allowUnauthorized: true }).catch(() => undefined);
    if (isApiRequestError(error) && error.status === 401) return null;
    throw error;
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

export function fetchSignInProviders(): Promise<SignInProvidersView> {
  return requestJson('/api/admin/sign-in-providers', signInProvidersView);
}
