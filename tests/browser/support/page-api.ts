import type { Page } from 'playwright-core';

/** GET an API path from inside the page, with the signed-in user's session cookie. */
export async function getJson<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path) as Promise<T>;
}
