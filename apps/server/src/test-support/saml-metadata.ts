import { expect } from 'vitest';
import type { App } from '../platform/http/types.ts';

/** Samkraft's SP metadata for one SAML provider id, as an IdP reads it: signed requests, signed and encrypted assertions wanted, the ACS and single logout over both bindings. */
export async function expectServiceProviderMetadata(app: App, id: string): Promise<void> {
  const res = await app.inject({ method: 'GET', url: `/api/auth/saml/${id}/metadata` });
  expect(res.statusCode).toBe(200);
  for (const part of ['AuthnRequestsSigned="true"', 'WantAssertionsSigned="true"', 'use="encryption"', `/api/auth/saml/${id}/acs`, 'SingleLogoutService', 'bindings:HTTP-Redirect', 'bindings:HTTP-POST']) expect(res.body).toContain(part);
}
