import type { Role } from '@samkraft/contracts/common';
import { buildApp, type AppDeps } from '../app.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import type { CitizenSamlConfig, CitizenSignInConfig } from '../platform/config.ts';
import type { Database } from '../platform/database/database.ts';
import type { App } from '../platform/http/types.ts';

export type TestApp = { app: App; clock: Clock };

export async function createTestApp(
  database: Database,
  o: { now?: string; demo?: boolean; replica?: Database; messaging?: AppDeps['messaging']; /** The citizen's door (test-support/citizen-sign-in.ts); off when absent. */ citizenSignIn?: CitizenSignInConfig; /** Citizens through NemLog-in (SAML); off when absent. */ citizenSaml?: CitizenSamlConfig; clock?: Clock; /** Staff sign-in through identity providers (test-support/staff-sign-in.ts); passwords and demo users when absent. */ staffSignIn?: AppDeps['staffSignIn'] } = {},
): Promise<App> {
  return buildApp({
    database,
    ...(o.messaging ? { messaging: o.messaging } : {}),
    ...(o.replica ? { replica: o.replica } : {}),
    ...(o.staffSignIn ? { staffSignIn: o.staffSignIn } : {}),
    clock: o.clock ?? fixedClock(o.now ?? '2026-11-22T10:00:00Z'),
    config: {
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      cookieSecure: true,
      demo: o.demo ?? true,
      webDistDir: '/nonexistent-web-dist',
      logLevel: 'silent',
      ...(o.citizenSignIn ? { citizenSignIn: o.citizenSignIn } : {}),
      ...(o.citizenSaml ? { citizenSaml: o.citizenSaml } : {}),
    },
    logger: false,
  });
}

export type SignedInClient = { cookie: string; csrf: string; headers: Record<string, string> };

/** Signs a demo-flagged user in through the real route and returns what a browser would hold. */
export async function signIn(app: App, userId: string): Promise<SignedInClient> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/demo-login', payload: { userId } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export type { Role };
