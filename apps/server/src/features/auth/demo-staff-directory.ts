import type { AssuranceLevel } from '@samkraft/contracts/auth';
import { roles as allRoles, type Role } from '@samkraft/contracts/common';
import type { SamlAssertionSubject } from '../../platform/auth/saml/demo-saml-identity-provider.ts';
import { DEMO_KLE, demoPrivilege, GLADSAXE_CVR, KOMBIT_ATTRIBUTES } from './sign-in-config.ts';
import { privilegeListBase64 } from './staff-identity.rules.ts';

/**
 * The local identity providers' users (demo mode and tests): fictitious Gladsaxe staff, no CPR
 * (staff are not persons in Samkraft's records). Their roles can be changed on the local IdPs'
 * page (as an administrator changes them in KOMBIT's administration module or in Entra ID), so a
 * test can take a role away and see the next sign-in refused.
 */
export type DemoStaffAccount = {
  id: string;
  name: string;
  email: string;
  cvr: string;
  /** KOMBIT's NameID format for employees (X509SubjectName-shaped), and the OIDC subject. */
  nameId: string;
  orgUnit: string;
  roles: Role[];
  loa: AssuranceLevel;
};

export type DemoStaffDirectory = {
  accounts: () => DemoStaffAccount[];
  find: (id: string) => DemoStaffAccount | undefined;
  setRoles: (id: string, roles: Role[]) => void;
};

const ORG_UNIT = '9f2b8f86-5a0c-4a4e-9e43-2f7c8b1d0a59';

export function demoStaffDirectory(): DemoStaffDirectory {
  const accounts: DemoStaffAccount[] = [
    { id: 'gladsaxe-kontakt', name: 'Karen Kontaktperson', email: 'karen.kontakt@gladsaxe.example', roles: ['contact_person'], loa: 'substantial' },
    { id: 'gladsaxe-terapeut', name: 'Tom Terapeut', email: 'tom.terapeut@gladsaxe.example', roles: ['therapist'], loa: 'substantial' },
    { id: 'gladsaxe-leder', name: 'Lea Leder', email: 'lea.leder@gladsaxe.example', roles: ['municipal_lead'], loa: 'high' },
    { id: 'gladsaxe-lav', name: 'Lis Lavtsikret', email: 'lis.lav@gladsaxe.example', roles: ['contact_person'], loa: 'low' },
  ].map((a, i) => ({ ...a, cvr: GLADSAXE_CVR, orgUnit: ORG_UNIT, nameId: `C=DK,O=Gladsaxe Kommune,CN=${a.name},Serial=CVR:${GLADSAXE_CVR}-RID:demo-${i + 1}` })) as DemoStaffAccount[];
  return {
    accounts: () => accounts,
    find: (id) => accounts.find((a) => a.id === id),
    setRoles: (id, rs) => {
      const a = accounts.find((x) => x.id === id);
      if (a) a.roles = allRoles.filter((r) => rs.includes(r));
    },
  };
}

const LOA_URI = { low: 'https://data.gov.dk/concept/core/nsis/Low', substantial: 'https://data.gov.dk/concept/core/nsis/Substantial', high: 'https://data.gov.dk/concept/core/nsis/High' } as const;

/** What the local KOMBIT-shaped IdP asserts of a demo employee: the CVR, the bpp privilege list (roles with organisation-unit and KLE restrictions), the NSIS level, name and e-mail. */
export function staffAssertionSubject(a: DemoStaffAccount): SamlAssertionSubject {
  const privileges = privilegeListBase64([{ cvr: a.cvr, privileges: a.roles.map(demoPrivilege), orgUnits: [a.orgUnit], kle: [`${DEMO_KLE.split('.')[0]}.*`] }]);
  return {
    nameId: a.nameId,
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName',
    attributes: [
      [KOMBIT_ATTRIBUTES.loa, LOA_URI[a.loa]],
      [KOMBIT_ATTRIBUTES.cvr, a.cvr],
      [KOMBIT_ATTRIBUTES.displayName, a.name],
      [KOMBIT_ATTRIBUTES.email, a.email],
      [KOMBIT_ATTRIBUTES.privileges, privileges],
    ],
  };
}
