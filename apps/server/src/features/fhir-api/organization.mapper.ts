import { identifierSystem } from '@samkraft/contracts/identifiers';
import type { Municipality } from '@samkraft/contracts/reference';
import type { OrganisationItem } from '@samkraft/contracts/organisations';
import { system } from './fhir-codes.ts';
import { fhirId } from './fhir-ids.rules.ts';
import { narrative } from './fhir-narrative.ts';
import type { Identifier, Organization } from './fhir-types.ts';

const kindDa: Record<OrganisationItem['kind'], string> = {
  hospital: 'Hospital',
  hospital_department: 'Hospitalsafdeling',
  gp_clinic: 'Almen praksis (egen læge)',
  municipal_unit: 'Kommunal enhed',
  other: 'Anden organisation',
};

/** HL7's organisation types (an example binding): a department, a government body, else a provider. */
const kindCode: Record<OrganisationItem['kind'], string> = { hospital: 'prov', hospital_department: 'dept', gp_clinic: 'prov', municipal_unit: 'govt', other: 'other' };

/** The organisation's DK-core identifiers: SOR, GLN (the system DK-core 3.5.0 and later fix), ydernummer. */
export function organisationIdentifiers(o: { sorCode: string | null; gln?: string | null; ydernummer: string | null }): Identifier[] {
  return [
    ...(o.sorCode ? [{ use: 'official' as const, system: identifierSystem.sor, value: o.sorCode }] : []),
    ...(o.gln ? [{ use: 'official' as const, system: identifierSystem.gln, value: o.gln }] : []),
    ...(o.ydernummer ? [{ use: 'official' as const, system: identifierSystem.ydernummer, value: o.ydernummer }] : []),
  ];
}

/** A hospital, department, GP clinic or other organisation of the referrals' register (its GLN when read with it). */
export function toOrganization(o: OrganisationItem & { gln?: string | null }): Organization {
  const identifier = organisationIdentifiers(o);
  return {
    resourceType: 'Organization',
    id: fhirId.organisation(o.id),
    text: narrative(`Organisation: ${o.name}`, [
      ['Id', o.id],
      ['Type', kindDa[o.kind]],
      ['Navn', o.name],
      ['Del af', o.parentName],
      ...identifier.map((i): [string, string] => [i.system === identifierSystem.sor ? 'SOR-id' : i.system === identifierSystem.ydernummer ? 'Ydernummer' : 'GLN', i.value]),
      ['Adresse', o.address],
    ]),
    ...(identifier.length > 0 ? { identifier } : {}),
    active: true,
    type: [{ coding: [{ system: system.organisationType, code: kindCode[o.kind] }], text: kindDa[o.kind] }],
    name: o.name,
    ...(o.parentName ? { alias: [`${o.parentName}, ${o.name}`] } : {}),
    ...(o.address ? { address: [{ use: 'work' as const, text: o.address, country: 'DK' }] } : {}),
  };
}

/** A municipality as the organisation that owns a course or provides an intervention, by its DK-core municipality code. */
export function toMunicipalityOrganization(m: Pick<Municipality, 'code' | 'name'>): Organization {
  const name = `${m.name} Kommune`;
  return {
    resourceType: 'Organization',
    id: fhirId.municipality(m.code),
    text: narrative(`Organisation: ${name}`, [
      ['Id', fhirId.municipality(m.code)],
      ['Type', 'Kommune'],
      ['Kommunekode', m.code],
      ['Navn', name],
    ]),
    identifier: [{ use: 'official', system: identifierSystem.municipality, value: m.code }],
    active: true,
    type: [{ coding: [{ system: system.organisationType, code: 'govt' }], text: 'Kommune' }],
    name,
  };
}
