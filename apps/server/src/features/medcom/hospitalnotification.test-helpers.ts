import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FhirBundle, FhirResource } from '../../platform/fhir/fhir-json.ts';

/**
 * Samkraft's own HospitalNotification test messages (fixtures/hospitalnotification, written after
 * the guide's examples — see the README there), read fresh for each use so a test may break them.
 */

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/hospitalnotification');

export const hospitalNotificationCases = ['STIN', 'RE_STIN', 'AN_STIN', 'STOR', 'SLOR', 'SLHJ', 'STAA'] as const;
export type HospitalNotificationCase = (typeof hospitalNotificationCases)[number];

export function hospitalNotificationFixture(name: HospitalNotificationCase): FhirBundle {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as FhirBundle;
}

const resourcesOf = (bundle: FhirBundle, type: string): FhirResource[] => bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);

/** The notification about another citizen (an official test person), by CPR and name. */
export function aboutCitizen(bundle: FhirBundle, citizen: { cpr: string; family: string; given: string[] }): FhirBundle {
  for (const patient of resourcesOf(bundle, 'Patient')) {
    patient.identifier = [{ system: 'urn:oid:1.2.208.176.1.2', value: citizen.cpr.replace('-', '') }];
    patient.name = [{ use: 'official', family: citizen.family, given: citizen.given }];
  }
  return bundle;
}

/** The notification addressed to another unit (its SOR code and GLN). */
export function addressedTo(bundle: FhirBundle, unit: { sor: string; gln: string; name: string }): FhirBundle {
  const header = resourcesOf(bundle, 'MessageHeader')[0] as { destination: { endpoint: string; receiver: { reference: string } }[] };
  const destination = header.destination[0];
  if (!destination) throw new Error('the fixture has no destination');
  destination.endpoint = `https://sor2.sum.dsdn.dk/#id=${unit.sor}`;
  const receiver = resourcesOf(bundle, 'Organization').find((o) => destination.receiver.reference === `Organization/${o.id ?? ''}`);
  if (!receiver) throw new Error('the fixture has no receiver');
  receiver.identifier = [
    { system: 'urn:oid:1.2.208.176.1.1', value: unit.sor },
    { system: 'https://www.gs1.org/gln', value: unit.gln },
  ];
  receiver.name = unit.name;
  return bundle;
}

/** The same notification sent again in a new envelope (a resend: new Bundle.id and timestamp, the MessageHeader id kept). */
export function resent(bundle: FhirBundle, bundleId: string): FhirBundle {
  return { ...bundle, id: bundleId };
}

/** The fixture's episode of care moved to `episode` (another stay of the same citizen). */
export function inEpisode(bundle: FhirBundle, episode: string): FhirBundle {
  for (const encounter of resourcesOf(bundle, 'Encounter')) for (const e of encounter.episodeOfCare as { identifier: { value: string } }[]) e.identifier.value = episode;
  return bundle;
}

export function resourceIn(bundle: FhirBundle, type: string): FhirResource {
  const found = resourcesOf(bundle, type)[0];
  if (!found) throw new Error(`no ${type} in the message`);
  return found;
}
