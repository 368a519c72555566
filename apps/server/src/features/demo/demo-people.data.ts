import type { Profession, Role } from '@samkraft/contracts/common';
import { MEMBER_CODE as M } from '../reference-data/members.data.ts';

/**
 * Demo staff, organisations and citizens. Staff and GP clinics are fictional (some clinics and
 * departments carry the SOR code and GLN of an organisation of MedCom's test messages:
 * demo-organisations.data.ts). Citizens are official MedCom/HL7 DK test persons only — their CPR
 * numbers and names copied from refdata/cpr/dkcore_medcom_test_patients.json, never invented.
 * Their real test addresses are outside the nine municipalities, so the demo keeps the test street
 * and moves them to a postal district of the chosen home municipality.
 */

export type DemoStaff = { username: string; displayName: string; municipality: string; profession: Profession; roles: Role[] };

/** Usernames use ASCII slugs: the schema allows only [a-z0-9._-]. */
export const SLUG: Record<string, string> = {
  [M.ballerup]: 'ballerup',
  [M.gentofte]: 'gentofte',
  [M.gladsaxe]: 'gladsaxe',
  [M.herlev]: 'herlev',
  [M.lyngbyTaarbaek]: 'lyngby',
  [M.roedovre]: 'rodovre',
  [M.furesoe]: 'fureso',
  [M.rudersdal]: 'rudersdal',
  [M.egedal]: 'egedal',
};

/** Names per municipality: [contact person, therapist, lead] — fictional. */
const NAMES: Record<string, [string, string, string]> = {
  [M.ballerup]: ['Hanne Demo Kristensen', 'Jonas Demo Friis', 'Birgitte Demo Holm'],
  [M.gentofte]: ['Camilla Demo Storm', 'Mikkel Demo Lund', 'Susanne Demo Bech'],
  [M.gladsaxe]: ['Karen Demo Kontakt', 'Thomas Demo Terapeut', 'Lene Demo Leder'],
  [M.herlev]: ['Pia Demo Mortensen', 'Ida Demo Winther', 'Henrik Demo Dahl'],
  [M.lyngbyTaarbaek]: ['Sofie Demo Krogh', 'Anders Demo Bak', 'Marianne Demo Skov'],
  [M.roedovre]: ['Louise Demo Vang', 'Rasmus Demo Holt', 'Dorte Demo Brandt'],
  [M.furesoe]: ['Anne Demo Juhl', 'Peter Demo Kjær', 'Helle Demo Thorsen'],
  [M.rudersdal]: ['Maja Demo Lindberg', 'Kasper Demo Munk', 'Inge Demo Hald'],
  [M.egedal]: ['Tina Demo Bisgaard', 'Morten Demo Vestergaard', 'Jette Demo Borg'],
};

/** The therapist's profession follows what the municipality hosts (Herlev: head and neck cancer). */
const THERAPIST_PROFESSION: Record<string, Profession> = {
  [M.herlev]: 'occupational_therapist',
  [M.ballerup]: 'dietitian',
};

export function demoStaff(): DemoStaff[] {
  const staff: DemoStaff[] = Object.entries(SLUG).flatMap(([code, slug]) => {
    const [contact, therapist, lead] = NAMES[code] ?? ['Demo Kontakt', 'Demo Terapeut', 'Demo Leder'];
    return [
      { username: `${slug}.kontakt`, displayName: contact, municipality: code, profession: 'nurse', roles: ['contact_person'] },
      { username: `${slug}.terapeut`, displayName: therapist, municipality: code, profession: THERAPIST_PROFESSION[code] ?? 'physiotherapist', roles: ['therapist'] },
      { username: `${slug}.leder`, displayName: lead, municipality: code, profession: 'physiotherapist', roles: ['municipal_lead'] },
    ] satisfies DemoStaff[];
  });
  // The collaboration's coordination sits in Ballerup.
  staff.push({ username: 'ballerup.koordinator', displayName: 'Charlotte Demo Koordinator', municipality: M.ballerup, profession: 'nurse', roles: ['coordinator'] });
  // Gladsaxe's data-protection review (issue 15.4): reads its audit log, no citizen record.
  staff.push({ username: 'gladsaxe.tilsyn', displayName: 'Tove Demo Tilsyn', municipality: M.gladsaxe, profession: 'administrative', roles: ['auditor'] });
  staff.push({ username: 'samkraft.admin', displayName: 'Demo Administrator', municipality: M.ballerup, profession: 'administrative', roles: ['administrator'] });
  return staff;
}

/** Usernames tests and the sign-in page's demo hints can rely on. */
export const demoUsernames = {
  gladsaxeContactPerson: 'gladsaxe.kontakt',
  gladsaxeTherapist: 'gladsaxe.terapeut',
  gladsaxeLead: 'gladsaxe.leder',
  gentofteContactPerson: 'gentofte.kontakt',
  gentofteTherapist: 'gentofte.terapeut',
  herlevContactPerson: 'herlev.kontakt',
  herlevTherapist: 'herlev.terapeut',
  coordinator: 'ballerup.koordinator',
  administrator: 'samkraft.admin',
  gladsaxeAuditor: 'gladsaxe.tilsyn',
} as const;

export const HOSPITAL = {
  name: 'Herlev og Gentofte Hospital',
  address: 'Borgmester Ib Juuls Vej 1, 2730 Herlev',
  municipality: M.herlev,
};

/** Departments the collaboration met in 2017 (report Bilag 2), keyed for the scenarios. */
export const DEPARTMENTS = {
  oncology: 'Onkologisk ambulatorium (gyn/uro)',
  headNeckLung: 'Hovedhals- og lungekræft ambulatorium',
  breast: 'Brystkirurgisk sengeafdeling',
  urology: 'Urologisk ambulatorium',
  gastro: 'Gastroenhedens ambulatorium',
  haematology: 'Hæmatologisk sengeafdeling L124',
} as const;
export type DepartmentKey = keyof typeof DEPARTMENTS;

export const GP_CLINICS: { name: string; municipality: string; address: string }[] = [
  { name: 'Lægehuset Demogården (fiktiv)', municipality: M.gladsaxe, address: 'Demovej 1, 2860 Søborg' },
  { name: 'Demo Lægepraksis Ballerup (fiktiv)', municipality: M.ballerup, address: 'Demovej 2, 2750 Ballerup' },
  { name: 'Lægerne i Demohuset (fiktiv)', municipality: M.roedovre, address: 'Demovej 3, 2610 Rødovre' },
  { name: 'Demo Almen Praksis Gentofte (fiktiv)', municipality: M.gentofte, address: 'Demovej 4, 2820 Gentofte' },
];

export const POSTAL: Record<string, { postalCode: string; city: string }> = {
  [M.ballerup]: { postalCode: '2750', city: 'Ballerup' },
  [M.gentofte]: { postalCode: '2820', city: 'Gentofte' },
  [M.gladsaxe]: { postalCode: '2860', city: 'Søborg' },
  [M.herlev]: { postalCode: '2730', city: 'Herlev' },
  [M.lyngbyTaarbaek]: { postalCode: '2800', city: 'Kongens Lyngby' },
  [M.roedovre]: { postalCode: '2610', city: 'Rødovre' },
  [M.furesoe]: { postalCode: '3500', city: 'Værløse' },
  [M.rudersdal]: { postalCode: '2840', city: 'Holte' },
  [M.egedal]: { postalCode: '3650', city: 'Ølstykke' },
};

/** Test persons used in the demo: CPR, given names and family name exactly as in the refdata file. */
export type DemoTestPerson = { cpr: string; givenName: string; familyName: string; addressLine: string };

export const TEST_PERSONS = {
  lonni: { cpr: '0201609996', givenName: 'Lonni Test', familyName: 'Lauridsen', addressLine: 'Testgrusgraven 3, 3.th' },
  magnus: { cpr: '0504909995', givenName: 'Magnus Test', familyName: 'Lauridsen', addressLine: 'Testgrusgraven 3, 10.th' },
  einer: { cpr: '0201609995', givenName: 'Einer Test', familyName: 'Lauridsen', addressLine: 'Testgrusgraven 3, 3.th' },
  ellen: { cpr: '0201919996', givenName: 'Ellen Louise Test', familyName: 'Lauridsen', addressLine: 'Testgrusgraven 3, 5.th' },
  schwendlund: { cpr: '0108589995', givenName: 'Schwendlund Test', familyName: 'Mosebryggersen', addressLine: 'Testgrusgraven 3, 3.tv' },
  mayJune: { cpr: '0108629996', givenName: 'May June Test', familyName: 'Moberg', addressLine: 'Testgrusgraven 3, 3.tv' },
  // The one test person whose source birth date disagrees with the CPR: the CPR's 1991-01-02 is used.
  else: { cpr: '0201919990', givenName: 'Else Test', familyName: 'Lauridsen', addressLine: 'Testgrusgraven 3, 1.th' },
  odd: { cpr: '1502799995', givenName: 'Odd Haugen Test', familyName: 'Mosebryggersen', addressLine: 'Testgrusgraven 3, 3.tv' },
  bruno: { cpr: '2509479989', givenName: 'Bruno Test', familyName: 'Elmer', addressLine: 'Testdrømmehaven 48' },
  nancy: { cpr: '2512489996', givenName: 'Nancy Ann Test', familyName: 'Berggren', addressLine: 'Testpark Allé 48' },
  knut: { cpr: '1502829995', givenName: 'Knut Odvar Test', familyName: 'Mosebryggersen', addressLine: 'Testgrusgraven 3, 3.tv' },
  kirsten: { cpr: '2911829996', givenName: 'Kirsten Test', familyName: 'Berggren', addressLine: 'Testpark Allé 48' },
  brita: { cpr: '1509819996', givenName: 'Brita Test', familyName: 'Berggren', addressLine: 'Testpark Allé 48' },
  max: { cpr: '0107729995', givenName: 'Max Test', familyName: 'Berggren', addressLine: 'Testervej 18' },
  sverre: { cpr: '0104909995', givenName: 'Sverre Test', familyName: 'Mosebryggersen', addressLine: 'Testgrusgraven 3, 3.tv' },
  ruddi: { cpr: '1502779995', givenName: 'Ruddi Test', familyName: 'Berggren', addressLine: 'Testjulianevej 3' },
  niels: { cpr: '3001749995', givenName: 'Niels Test', familyName: 'Vendelboe', addressLine: 'Testkajen 2' },
  torre: { cpr: '0104909989', givenName: 'Torre Test', familyName: 'Mosebryggersen', addressLine: 'Testgrusgraven 3, 3.tv' },
  sille: { cpr: '0506889996', givenName: 'Sille June Test', familyName: 'Mosebrygersen', addressLine: 'Testgrusgraven 3, 3.tv' },
  anders: { cpr: '3103979995', givenName: 'Anders Test', familyName: 'Jensen', addressLine: 'Testtorvet 7' },
  kaja: { cpr: '2103009996', givenName: 'Kaja Test', familyName: 'Hansen', addressLine: 'Testsøjlerne 4' },
  ek: { cpr: '0201919995', givenName: 'EK Test', familyName: 'Lauridsen', addressLine: 'Testgrusgraven 3, 2.th' },
} satisfies Record<string, DemoTestPerson>;
export type TestPersonKey = keyof typeof TEST_PERSONS;
