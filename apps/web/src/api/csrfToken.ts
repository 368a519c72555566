/**
 * The CSRF token of the current session. It lives in memory only (never in storage), is set
 * whenever a SessionInfo arrives and is sent as `x-csrf-token` on state-changing requests.
 */
let current: string | null = null;

export function setCsrfToken(token: string | null): void {
  current = token;
}

export function getCsrfToken(): string | null {
  return current;
}
