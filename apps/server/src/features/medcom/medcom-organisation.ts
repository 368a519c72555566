import type { FhirResource } from '../../platform/fhir/fhir-json.ts';
import { objects, str } from '../../platform/fhir/fhir-json.ts';
import { identifierSystem, isGlnSystem } from '@samkraft/contracts/identifiers';

/** An organisation as a message names it: its SOR id, its GLN (EAN location number) and its name. */
export type MedcomOrganisation = {
  /** The Organization's id inside the message it was read from. */
  resourceId: string | undefined;
  sor: string | undefined;
  gln: string | undefined;
  name: string | undefined;
};

/** What a builder needs of an organisation that sends or receives: SOR, GLN and name, all three. */
export type MedcomOrganisationInput = { sor: string; gln: string; name: string };

export function readOrganisation(resource: FhirResource | undefined): MedcomOrganisation | undefined {
  if (!resource || resource.resourceType !== 'Organization') return undefined;
  const identifiers = objects(resource.identifier);
  return {
    resourceId: resource.id,
    sor: str(identifiers.find((i) => i.system === identifierSystem.sor)?.value),
    gln: str(identifiers.find((i) => isGlnSystem(str(i.system)))?.value),
    name: str(resource.name),
  };
}

/** The input a builder takes for an organisation read from a message, when it has all three. */
export function organisationInput(organisation: MedcomOrganisation | undefined): MedcomOrganisationInput | undefined {
  if (!organisation?.sor || !organisation.gln) return undefined;
  return { sor: organisation.sor, gln: organisation.gln, name: organisation.name ?? '' };
}
