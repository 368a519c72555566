import type { CitizenDetail } from '@samkraft/contracts/citizens';
import { dEcprSystems, identifierSystem } from '@samkraft/contracts/identifiers';
import { system } from './fhir-codes.ts';
import { fhirId, ref } from './fhir-ids.rules.ts';
import { danishDateText, narrative } from './fhir-narrative.ts';
import type { Identifier, Patient } from './fhir-types.ts';

/** DK-core's patterns (refdata/fhir/dk-core-codes/dk_core_identifier_systems.json): a day and month, the year, then the eCPR's own part. */
const DAY_MONTH = '((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12)|(0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11)|(0[1-9]|1[0-9]|2[0-9])02)';
const CPR = new RegExp(`^${DAY_MONTH}[0-9]{6}$`);
const X_ECPR = new RegExp(`^${DAY_MONTH}[0-9]{2}[17][A-Z]{2}[0-9]$`);
const D_ECPR = new RegExp(`^${DAY_MONTH}[0-9]{2}[056][A-Z]{2}[0-9]$`);

/**
 * The citizen's identifier as DK-core writes it: a CPR number (official), a replacement CPR in
 * the X-eCPR or D-eCPR form (temporary), another replacement form under Samkraft's own system,
 * or a synthetic citizen's pseudonym. `stored` is the 10 characters Samkraft keeps, or the pseudonym.
 */
export function patientIdentifier(stored: string): Identifier {
  const value = /^\d{6}-[0-9A-Z]{4}$/.test(stored) ? stored.replace('-', '') : stored;
  if (CPR.test(value)) return { use: 'official', system: identifierSystem.cpr, value };
  if (X_ECPR.test(value)) return { use: 'temp', system: identifierSystem.xEcpr, value };
  if (D_ECPR.test(value)) return { use: 'temp', system: dEcprSystems[0], value };
  if (/^\d{6}[0-9A-Z]{4}$/.test(value)) return { use: 'temp', system: system.replacementCpr, value };
  return { use: 'secondary', system: system.pseudonym, value };
}

/** The systems a citizen is searched by: CPR, the replacement CPRs (X-eCPR, D-eCPR and Samkraft's own). */
export const personIdentifierSystems: readonly string[] = [identifierSystem.cpr, identifierSystem.xEcpr, ...dEcprSystems, system.replacementCpr];

const genderOf = { F: 'female', M: 'male' } as const;

/**
 * A citizen as DK-core's Patient, from the record the JSON API gives the actor (`getCitizen`):
 * the home municipality sees the address (unless protected) and the GP; a provider sees neither,
 * so neither is here.
 */
export function toPatient(c: CitizenDetail): Patient {
  const identifier = patientIdentifier(c.identifier);
  const given = c.givenName.split(/\s+/).filter(Boolean);
  const homeOrg = { reference: ref('Organization', fhirId.municipality(c.homeMunicipality.code)), display: `${c.homeMunicipality.name} Kommune` };
  return {
    resourceType: 'Patient',
    id: fhirId.patient(c.id),
    text: narrative(`Borger: ${c.name}`, [
      ['Id', c.id],
      [identifier.use === 'official' ? 'CPR-nummer' : identifier.use === 'temp' ? 'Erstatnings-CPR' : 'Pseudonym', identifier.value],
      ['Navn', c.name],
      ['Køn', c.sex === 'F' ? 'Kvinde' : 'Mand'],
      ['Fødselsdato', danishDateText(c.birthDate)],
      ['Død', danishDateText(c.deceasedOn)],
      ['Adresse', c.protected ? 'Navne- og adressebeskyttet' : c.address],
      ['Egen læge', c.gp ? `${c.gp.name} (Organization/${c.gp.id})` : null],
      ['Bopælskommune', `${homeOrg.display} (${homeOrg.reference})`],
    ]),
    identifier: [identifier],
    active: true,
    // A name part never registered is left out: FHIR has no empty strings.
    ...(c.name.trim() ? { name: [{ use: 'official' as const, text: c.name.trim(), ...(c.familyName.trim() ? { family: c.familyName.trim() } : {}), ...(given.length > 0 ? { given } : {}) }] } : {}),
    gender: genderOf[c.sex],
    birthDate: c.birthDate,
    ...(c.deceasedOn ? { deceasedDateTime: c.deceasedOn } : {}),
    ...(c.address ? { address: [{ use: 'home', text: c.address, country: 'DK' }] } : {}),
    ...(c.gp ? { generalPractitioner: [{ reference: ref('Organization', fhirId.organisation(c.gp.id)), display: c.gp.name }] } : {}),
    managingOrganization: homeOrg,
  };
}
