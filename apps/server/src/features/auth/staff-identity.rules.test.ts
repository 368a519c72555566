import { describe, expect, it } from 'vitest';
import { roles } from '@samkraft/contracts/common';
import { DEMO_KLE, demoGroup, demoPrivilege, demoSignInConfig, GLADSAXE_CVR, KOMBIT_ATTRIBUTES, type OidcProviderConfig, type SamlProviderConfig } from './sign-in-config.ts';
import { kleCovers, levelFromLoa, mapOidcIdentity, mapSamlIdentity, meetsLevel, parsePrivilegeList, privilegeListBase64 } from './staff-identity.rules.ts';

const config = demoSignInConfig('http://localhost');
const saml = config.providers.find((p): p is SamlProviderConfig => p.kind === 'saml')!;
const oidc = config.providers.find((p): p is OidcProviderConfig => p.kind === 'oidc')!;

const assertion = (groups: Parameters<typeof privilegeListBase64>[0], o: { cvr?: string; loa?: string } = {}) => ({
  nameId: 'CN=Kamma Kontakt,Serial=1234',
  attributes: {
    [KOMBIT_ATTRIBUTES.cvr]: o.cvr ?? GLADSAXE_CVR,
    [KOMBIT_ATTRIBUTES.privileges]: privilegeListBase64(groups),
    [KOMBIT_ATTRIBUTES.loa]: o.loa ?? 'https://data.gov.dk/concept/core/nsis/Substantial',
    [KOMBIT_ATTRIBUTES.displayName]: 'Kamma Kontakt',
    [KOMBIT_ATTRIBUTES.email]: 'kamma@gladsaxe.example',
  },
});

describe('the bpp privilege list', () => {
  it('reads groups, their CVR scope, privileges and constraints', () => {
    const groups = parsePrivilegeList(privilegeListBase64([{ cvr: GLADSAXE_CVR, privileges: ['urn:a', 'urn:b'], orgUnits: ['unit-1'], kle: ['29.*'] }]));
    expect(groups).toEqual([
      {
        scope: `urn:dk:gov:saml:cvrNumberIdentifier:${GLADSAXE_CVR}`,
        cvr: GLADSAXE_CVR,
        privileges: ['urn:a', 'urn:b'],
        constraints: [
          { name: 'http://sts.kombit.dk/constraints/orgenhed/1', value: 'unit-1' },
          { name: 'http://sts.kombit.dk/constraints/KLE/1', value: '29.*' },
        ],
      },
    ]);
  });
  it('gives no groups for what is not a privilege list', () => {
    expect(parsePrivilegeList(Buffer.from('<x/>').toString('base64'))).toEqual([]);
    expect(parsePrivilegeList('%%%')).toEqual([]);
  });
});

describe('KOMBIT roles → Samkraft roles', () => {
  it('maps a job-function role whose KLE restriction covers the configured number, in the CVR’s municipality', () => {
    const r = mapSamlIdentity(saml, assertion([{ cvr: GLADSAXE_CVR, privileges: [demoPrivilege('contact_person')], kle: ['29.*'], orgUnits: ['u1'] }]));
    expect(r).toMatchObject({ ok: true, municipalityCode: '0159', roles: ['contact_person'], level: 'substantial', displayName: 'Kamma Kontakt', restrictions: { orgUnits: ['u1'], kle: ['29.*'] } });
  });
  it('gives no role when the KLE restriction does not cover the number', () => {
    expect(mapSamlIdentity(saml, assertion([{ cvr: GLADSAXE_CVR, privileges: [demoPrivilege('contact_person')], kle: ['27.*'] }]))).toEqual({ ok: false, reason: 'no_role' });
  });
  it('fails closed on a KLE restriction under a name it does not know (KOMBIT writes KLE in capitals)', () => {
    const xml = Buffer.from(privilegeListBase64([{ cvr: GLADSAXE_CVR, privileges: [demoPrivilege('contact_person')], kle: ['29.*'] }]), 'base64').toString('utf8');
    const lower = Buffer.from(xml.replace('constraints/KLE/1', 'constraints/kle/1'), 'utf8').toString('base64');
    const a = assertion([]);
    expect(mapSamlIdentity(saml, { ...a, attributes: { ...a.attributes, [KOMBIT_ATTRIBUTES.privileges]: lower } })).toEqual({ ok: false, reason: 'no_role' });
  });
  it('ignores privilege groups scoped to another organisation', () => {
    expect(mapSamlIdentity(saml, assertion([{ cvr: '12345678', privileges: [demoPrivilege('administrator')], kle: [DEMO_KLE] }]))).toEqual({ ok: false, reason: 'no_role' });
  });
  it('refuses an organisation the configuration does not know', () => {
    expect(mapSamlIdentity(saml, assertion([], { cvr: '12345678' }))).toEqual({ ok: false, reason: 'unknown_organisation' });
  });
  it('maps every role of the roles list (none hard-coded)', () => {
    const r = mapSamlIdentity(saml, assertion([{ cvr: GLADSAXE_CVR, privileges: roles.map(demoPrivilege), kle: [DEMO_KLE] }]));
    expect(r.ok && r.roles).toEqual([...roles]);
  });
  it('takes a missing level as low', () => {
    const r = mapSamlIdentity(saml, { ...assertion([{ cvr: GLADSAXE_CVR, privileges: [demoPrivilege('therapist')], kle: ['29'] }]), attributes: { ...assertion([{ cvr: GLADSAXE_CVR, privileges: [demoPrivilege('therapist')], kle: ['29'] }]).attributes, [KOMBIT_ATTRIBUTES.loa]: '' } });
    expect(r.ok && r.level).toBe('low');
  });
});

describe('OIDC groups → Samkraft roles', () => {
  it('maps groups to roles in the provider’s municipality, the level from loa or the default', () => {
    expect(mapOidcIdentity(oidc, { sub: 's1', name: 'Tove Terapeut', groups: [demoGroup('therapist'), 'other'] })).toMatchObject({ ok: true, roles: ['therapist'], municipalityCode: '0159', level: 'low' });
    expect(mapOidcIdentity(oidc, { sub: 's1', name: 'T', groups: [demoGroup('therapist')], loa: 'https://data.gov.dk/concept/core/nsis/High' })).toMatchObject({ level: 'high' });
  });
  it('refuses when no group maps, or the name is missing', () => {
    expect(mapOidcIdentity(oidc, { sub: 's1', name: 'T', groups: ['other'] })).toEqual({ ok: false, reason: 'no_role' });
    expect(mapOidcIdentity(oidc, { sub: 's1', groups: [demoGroup('therapist')] })).toEqual({ ok: false, reason: 'incomplete' });
  });
});

describe('levels and KLE', () => {
  it('reads NSIS levels and orders them', () => {
    expect(levelFromLoa('https://data.gov.dk/concept/core/nsis/Substantial')).toBe('substantial');
    expect(levelFromLoa('High')).toBe('high');
    expect(levelFromLoa('nonsense')).toBeNull();
    expect(meetsLevel('high', 'substantial')).toBe(true);
    expect(meetsLevel('low', 'substantial')).toBe(false);
    expect(meetsLevel(null, 'low')).toBe(false);
  });
  it('lets a KLE group or wildcard cover the numbers below it', () => {
    expect(kleCovers('29.*', '29.30')).toBe(true);
    expect(kleCovers('29', '29.30')).toBe(true);
    expect(kleCovers('29.30', '29.30')).toBe(true);
    expect(kleCovers('29.3', '29.30')).toBe(false);
    expect(kleCovers('27.*', '29.30')).toBe(false);
  });
});
