import type { Role } from '@samkraft/contracts/common';

/*
 * The declared access policy over every route (ARCHITECTURE.md "Access policy over every route"):
 * what `access-policy.table.ts` says, how the test expands it into one expectation per
 * route × caller × relation, and the coverage check that fails on a route without a row.
 */

/** Whose record a request names, seen from a staff member of municipality A. */
export type Relation = 'own' | 'referred' | 'other' | 'none';
/**
 * own: a citizen of A (A's course); referred: a citizen of B with a cross-municipal referral to an
 * offering A hosts; other: a citizen of B not referred to A; none: the route names no citizen.
 */
export const personRelations = ['own', 'referred', 'other'] as const satisfies readonly Relation[];

export type Outcome = 'allowed' | 'denied' | 'unauthenticated';

/** Path, query and body of one request, from the fixture's ids of one relation. */
export type Example = {
  /** Values for path parameters by name (beside the fixture's ids by name). */
  path?: Record<string, string>;
  query?: Record<string, string>;
  /** The body, whole (a string is sent as it is). */
  body?: unknown;
  headers?: Record<string, string>;
};
export type ExampleOf = Example | ((ids: Record<string, string>) => Example);

type Common = {
  /** A request the sampler cannot make (a rule the JSON schema does not tell). */
  example?: ExampleOf;
  /**
   * The route changes what a later call needs (ends, deletes, takes once): each call gets
   * freshly built records (the test's `fresh` builder) instead of the shared ones.
   */
  fresh?: boolean;
  /** Why the expectation is what it is, where the rule is not the course or citizen access rule. */
  note?: string;
  /** A 2xx that leaves the record out (a look-up answering "not known") is a denial. */
  leftOut?: (body: unknown) => boolean;
};

export type RoutePolicy =
  /** A staff route about a citizen's record: the roles allowed for each relation (absent: none). */
  | (Common & { kind: 'person'; allow: Partial<Record<Exclude<Relation, 'none'>, readonly Role[]>> })
  /** A staff route about no citizen: the roles allowed. */
  | (Common & { kind: 'general'; allow: readonly Role[] })
  /** `security: []`: answered without a session, to anyone. */
  | (Common & { kind: 'public' })
  /** A citizen route (`citizenSession`): the signed-in citizen's own records, never another's; no staff session. */
  | (Common & { kind: 'citizen'; /** The route names a record: another citizen's is denied. */ namesRecord?: boolean })
  /** Not called, with why (listed, never silent). */
  | { kind: 'skipped'; why: string };

export type PolicyTable = Record<string, RoutePolicy>;

/** The roles named in the table; a role of `roles` not named here is denied everywhere. */
/** Every staff role: what any signed-in staff member may call (reference data, their own account). */
export const everyStaffRole = ['contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator', 'auditor'] as const satisfies readonly Role[];

export const person = (allow: Partial<Record<Exclude<Relation, 'none'>, readonly Role[]>>, o: Common = {}): RoutePolicy => ({ kind: 'person', allow, ...o });
export const general = (allow: readonly Role[], o: Common = {}): RoutePolicy => ({ kind: 'general', allow, ...o });
export const publicRoute = (o: Common = {}): RoutePolicy => ({ kind: 'public', ...o });
export const citizenRoute = (o: Common & { namesRecord?: boolean } = {}): RoutePolicy => ({ kind: 'citizen', ...o });
export const skipped = (why: string): RoutePolicy => ({ kind: 'skipped', why });

/** A caller: a staff role (one user with only that role, in A), no session, or the signed-in citizen. */
export type Caller = { kind: 'staff'; role: Role } | { kind: 'anonymous' } | { kind: 'citizen' };
export const callerName = (c: Caller): string => (c.kind === 'staff' ? c.role : c.kind);

/** One row of the expanded table: what one caller gets from one route for one relation. */
export type Expectation = { route: string; caller: Caller; relation: Relation; expected: Outcome };

/** The route's rows for these roles (the contracts' `roles`): every caller × relation it names. */
export function expand(route: string, policy: RoutePolicy, allRoles: readonly Role[]): Expectation[] {
  const rows: Expectation[] = [];
  const staff = allRoles.map((role) => ({ kind: 'staff', role }) as const);
  switch (policy.kind) {
    case 'skipped':
      return [];
    case 'public':
      for (const caller of [{ kind: 'anonymous' } as const, { kind: 'citizen' } as const, ...staff]) rows.push({ route, caller, relation: 'none', expected: 'allowed' });
      return rows;
    case 'citizen':
      // A staff session is no citizen session: it is answered as none.
      for (const caller of [{ kind: 'anonymous' } as const, ...staff]) rows.push({ route, caller, relation: 'own', expected: 'unauthenticated' });
      rows.push({ route, caller: { kind: 'citizen' }, relation: 'own', expected: 'allowed' });
      if (policy.namesRecord) rows.push({ route, caller: { kind: 'citizen' }, relation: 'other', expected: 'denied' });
      return rows;
    case 'general':
      // A citizen session is no staff session: it is answered as none.
      for (const caller of [{ kind: 'anonymous' } as const, { kind: 'citizen' } as const]) rows.push({ route, caller, relation: 'none', expected: 'unauthenticated' });
      for (const caller of staff) rows.push({ route, caller, relation: 'none', expected: policy.allow.includes(caller.role) ? 'allowed' : 'denied' });
      return rows;
    case 'person':
      for (const relation of personRelations) {
        for (const caller of [{ kind: 'anonymous' } as const, { kind: 'citizen' } as const]) rows.push({ route, caller, relation, expected: 'unauthenticated' });
        for (const caller of staff) rows.push({ route, caller, relation, expected: (policy.allow[relation] ?? []).includes(caller.role) ? 'allowed' : 'denied' });
      }
      return rows;
  }
}

/** `GET /api/courses/{courseId}` for a Fastify route (`/api/courses/:courseId`). */
export const routeKey = (method: string, url: string): string => `${method.toUpperCase()} ${url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

/**
 * The routes the table must cover: every operation of the OpenAPI document, and every other
 * registered route (the FHIR API, the citizen's sign-in) — HEAD is GET's. A route with a
 * parameter that names what it serves (FHIR's `{type}`) counts once per value (`GET /fhir/Patient`).
 */
export function routesToCover(
  doc: { paths: Record<string, Record<string, unknown>> },
  registered: readonly { method: string; url: string }[],
  perValue: Record<string, readonly string[]> = {},
): string[] {
  const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => routeKey(m, path)));
  const fromApp = registered
    .filter((r) => r.method !== 'HEAD')
    .flatMap((r) => {
      const key = routeKey(r.method, r.url);
      const param = Object.keys(perValue).find((p) => key.includes(`{${p}}`));
      return param ? (perValue[param] ?? []).map((v) => key.replace(`{${param}}`, v)) : [key];
    });
  return [...new Set([...fromDoc, ...fromApp])].sort();
}

/** What the table lacks (a route with no row) and names in vain (a row for no route). */
export function policyCoverage(routes: readonly string[], table: PolicyTable): { missing: string[]; unknown: string[] } {
  const have = new Set(routes);
  return { missing: routes.filter((r) => !(r in table)), unknown: Object.keys(table).filter((r) => !have.has(r)) };
}

/** The failure message: each missing route with a row to paste, each unknown row. */
export function coverageMessage(c: { missing: string[]; unknown: string[] }): string {
  const lines: string[] = [];
  if (c.missing.length > 0) {
    lines.push(`${c.missing.length} route(s) without a row in apps/server/src/test-support/access-policy.table.ts — add one (the roles allowed per relation; a role not named is denied):`);
    for (const r of c.missing) lines.push(`  '${r}': person({ own: [...], referred: [...], other: [...] }) | general([...]) | publicRoute() | citizenRoute() | skipped('why'),`);
  }
  if (c.unknown.length > 0) {
    lines.push(`${c.unknown.length} row(s) for a route the server does not have — remove or rename:`);
    for (const r of c.unknown) lines.push(`  '${r}'`);
  }
  return lines.join('\n');
}

/** The class of an answer: allowed (2xx, a rule's 4xx after access), denied (403, 404), unauthenticated (401). */
export function outcomeOf(status: number, o: { schemaRefused: boolean }): Outcome | 'inconclusive' {
  if (status === 401) return 'unauthenticated';
  if (status === 403 || status === 404) return 'denied';
  // A 400 from the route's schema says only that the test's request was wrong.
  if (status === 400) return o.schemaRefused ? 'inconclusive' : 'allowed';
  if ((status >= 200 && status < 300) || status === 409 || status === 422) return 'allowed';
  return 'inconclusive';
}
