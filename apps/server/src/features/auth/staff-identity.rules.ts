import { XMLParser } from 'fast-xml-parser';
import { assuranceLevels, type AssuranceLevel } from '@samkraft/contracts/auth';
import { roles as allRoles, type Role } from '@samkraft/contracts/common';
import { KOMBIT_ATTRIBUTES, KOMBIT_CONSTRAINTS, type OidcProviderConfig, type ProviderConfig, type SamlProviderConfig } from './sign-in-config.ts';

/** Who the identity provider says signed in, in Samkraft's terms (the mapping's result). */
export type MappedIdentity = {
  provider: string;
  subject: string;
  displayName: string;
  email: string | null;
  municipalityCode: string;
  roles: Role[];
  level: AssuranceLevel;
  /** The data restrictions that came with the roles (KOMBIT): recorded, shown to administrators. */
  restrictions: { orgUnits: string[]; kle: string[] };
};

/**
 * Why a verified identity gives no session: no mapped role (the user is then deactivated),
 * an organisation (CVR) or municipality the configuration does not know, or a missing name.
 */
export type MappingRefusal = 'no_role' | 'unknown_organisation' | 'incomplete';

export type MappingResult = ({ ok: true } & MappedIdentity) | { ok: false; reason: MappingRefusal };

export type PrivilegeGroup = { scope: string; cvr: string | null; privileges: string[]; constraints: { name: string; value: string }[] };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (name) => ['PrivilegeGroup', 'Privilege', 'Constraint'].includes(name), parseTagValue: false, processEntities: false });

const CVR_SCOPE = /^urn:dk:gov:saml:cvrNumberIdentifier:(\d{8})$/;

/**
 * The OIO Basic Privilege Profile's `bpp:PrivilegeList` (namespace
 * http://digst.dk/oiosaml/basic_privilege_profile), as the attribute carries it: base64 of the XML.
 * Model 3: each PrivilegeGroup is scoped to an organisation and holds Privileges (job-function
 * roles) and Constraints (data restrictions). Unreadable input gives no groups.
 */
export function parsePrivilegeList(base64: string): PrivilegeGroup[] {
  let doc: unknown;
  try {
    doc = parser.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    return [];
  }
  const list = (doc as { PrivilegeList?: { PrivilegeGroup?: unknown[] } } | undefined)?.PrivilegeList;
  if (!list || !Array.isArray(list.PrivilegeGroup)) return [];
  return list.PrivilegeGroup.map((g) => {
    const group = g as { '@Scope'?: string; Privilege?: unknown[]; Constraint?: unknown[] };
    const scope = String(group['@Scope'] ?? '');
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    const text = (v: unknown) => (typeof v === 'object' && v !== null ? str((v as { '#text'?: unknown })['#text']) : str(v)).trim();
    return {
      scope,
      cvr: CVR_SCOPE.exec(scope)?.[1] ?? null,
      privileges: (group.Privilege ?? []).map(text).filter((p) => p !== ''),
      constraints: (group.Constraint ?? []).map((c) => ({ name: str((c as { '@Name'?: unknown })['@Name']), value: text(c) })),
    };
  });
}

/** An NSIS level as the `loa` attribute or claim says it (https://data.gov.dk/concept/core/nsis/Substantial, or the bare word); null when none. */
export function levelFromLoa(value: unknown): AssuranceLevel | null {
  if (typeof value !== 'string') return null;
  const word = value.trim().split('/').pop()?.toLowerCase();
  return assuranceLevels.find((l) => l === word) ?? null;
}

/** Whether `level` is at or above `required`. */
export function meetsLevel(level: AssuranceLevel | null | undefined, required: AssuranceLevel): boolean {
  return level != null && assuranceLevels.indexOf(level) >= assuranceLevels.indexOf(required);
}

/** A KLE restriction covers a KLE number when it is the number, a group above it, or a wildcard over it (29.* covers 29.30). */
export function kleCovers(restriction: string, kle: string): boolean {
  const r = restriction.trim().replace(/\.\*$/, '').replace(/\*$/, '');
  if (r === '') return true;
  return kle === r || kle.startsWith(`${r}.`);
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Roles in the roles list's order, each once. */
const ordered = (rs: Iterable<Role>) => {
  const set = new Set(rs);
  return allRoles.filter((r) => set.has(r));
};

/**
 * A KOMBIT assertion (already verified) → Samkraft's identity. The user's organisation is the
 * CVR attribute; only privilege groups scoped to that CVR count, and only where the configured
 * organisation units (when any) are among the group's unit restrictions. A job-function role
 * gives its mapped role when the group's KLE restrictions (when the mapping names a KLE number)
 * cover that number.
 */
export function mapSamlIdentity(p: SamlProviderConfig, a: { nameId: string; attributes: Record<string, string | string[]> }): MappingResult {
  const names = { ...KOMBIT_ATTRIBUTES, ...p.attributes };
  const constraintNames = { ...KOMBIT_CONSTRAINTS, ...p.constraints };
  const cvr = first(a.attributes[names.cvr]);
  const displayName = first(a.attributes[names.displayName]);
  if (!a.nameId || !displayName) return { ok: false, reason: 'incomplete' };
  const organisation = p.organisations.find((o) => o.cvr === cvr);
  if (!organisation) return { ok: false, reason: 'unknown_organisation' };
  const privileges = first(a.attributes[names.privileges]);
  const groups = privileges ? parsePrivilegeList(privileges).filter((g) => g.cvr === organisation.cvr) : [];
  const granted = new Set<Role>();
  const orgUnits = new Set<string>();
  const kles = new Set<string>();
  for (const g of groups) {
    const units = g.constraints.filter((c) => c.name === constraintNames.orgUnit).map((c) => c.value);
    const groupKle = g.constraints.filter((c) => c.name === constraintNames.kle).map((c) => c.value);
    if (organisation.orgUnits && !units.some((u) => organisation.orgUnits!.includes(u))) continue;
    let any = false;
    for (const m of p.roles) {
      if (!g.privileges.includes(m.privilege)) continue;
      if (m.kle && !groupKle.some((k) => kleCovers(k, m.kle!))) continue;
      granted.add(m.role);
      any = true;
    }
    if (any) {
      units.forEach((u) => orgUnits.add(u));
      groupKle.forEach((k) => kles.add(k));
    }
  }
  if (granted.size === 0) return { ok: false, reason: 'no_role' };
  return {
    ok: true,
    provider: p.id,
    subject: a.nameId,
    displayName,
    email: first(a.attributes[names.email]) ?? null,
    municipalityCode: organisation.municipalityCode,
    roles: ordered(granted),
    level: levelFromLoa(first(a.attributes[names.loa])) ?? 'low',
    restrictions: { orgUnits: [...orgUnits].sort(), kle: [...kles].sort() },
  };
}

/** An OIDC id token's (verified) claims → Samkraft's identity: the provider's municipality, roles from the groups claim. */
export function mapOidcIdentity(p: OidcProviderConfig, claims: Record<string, unknown>): MappingResult {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  if (!subject || !name) return { ok: false, reason: 'incomplete' };
  const raw = claims[p.groupsClaim];
  const groups = Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : typeof raw === 'string' ? [raw] : [];
  const granted = ordered(p.groups.filter((m) => groups.includes(m.group)).map((m) => m.role));
  if (granted.length === 0) return { ok: false, reason: 'no_role' };
  return {
    ok: true,
    provider: p.id,
    subject,
    displayName: name,
    email: typeof claims.email === 'string' ? claims.email : null,
    municipalityCode: p.municipalityCode,
    roles: granted,
    level: levelFromLoa(claims[p.loaClaim]) ?? p.defaultLevel,
    restrictions: { orgUnits: [], kle: [] },
  };
}

/** A user name for a provider's user: the provider and a digest of the subject (unique, stable, no personal data). */
export function usernameFor(provider: string, subjectDigest: string): string {
  return `${provider}.${subjectDigest.slice(0, 12)}`.slice(0, 64);
}

/** The mappings in words, for administrators (GET /api/admin/sign-in-providers). */
export function describeProvider(p: ProviderConfig): { id: string; kind: 'saml' | 'oidc'; label: string; rules: string[] } {
  if (p.kind === 'saml') {
    const names = { ...KOMBIT_ATTRIBUTES, ...p.attributes };
    return {
      id: p.id,
      kind: 'saml',
      label: p.label.da,
      rules: [
        `SAML 2.0 (OIOSAML 3) med ${p.idp.entityId}; signerede forespørgsler, signerede og krypterede assertions påkrævet.`,
        ...p.organisations.map((o) => `CVR ${o.cvr} (attributten ${names.cvr} og PrivilegeGroup-scope) → kommune ${o.municipalityCode}${o.orgUnits ? `, kun organisationsenhederne ${o.orgUnits.join(', ')}` : ''}.`),
        ...p.roles.map((r) => `Jobfunktionsrollen ${r.privilege}${r.kle ? ` med KLE-afgrænsning der dækker ${r.kle}` : ''} → rollen ${r.role}.`),
        'Ingen tilknyttet rolle → brugeren deaktiveres og afvises.',
      ],
    };
  }
  return {
    id: p.id,
    kind: 'oidc',
    label: p.label.da,
    rules: [
      `OpenID Connect med ${p.issuer} (authorization code med PKCE); alle brugere → kommune ${p.municipalityCode}.`,
      ...p.groups.map((g) => `Gruppen ${g.name ? `${g.name} (${g.group})` : g.group} i kravet "${p.groupsClaim}" → rollen ${g.role}.`),
      `Sikringsniveau fra kravet "${p.loaClaim}"; uden det: ${p.defaultLevel}.`,
      'Ingen tilknyttet rolle → brugeren deaktiveres og afvises.',
    ],
  };
}

const xmlText = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A `bpp:PrivilegeList` (model 3) as base64, as KOMBIT's Context Handler sends it: for the local IdP and tests. */
export function privilegeListBase64(groups: { cvr: string; privileges: string[]; orgUnits?: string[]; kle?: string[] }[], constraints: { orgUnit: string; kle: string } = KOMBIT_CONSTRAINTS): string {
  const body = groups
    .map(
      (g) =>
        `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${xmlText(g.cvr)}">${g.privileges.map((p) => `<Privilege>${xmlText(p)}</Privilege>`).join('')}${(g.orgUnits ?? [])
          .map((u) => `<Constraint Name="${xmlText(constraints.orgUnit)}">${xmlText(u)}</Constraint>`)
          .join('')}${(g.kle ?? []).map((k) => `<Constraint Name="${xmlText(constraints.kle)}">${xmlText(k)}</Constraint>`).join('')}</PrivilegeGroup>`,
    )
    .join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</bpp:PrivilegeList>`, 'utf8').toString('base64');
}
