import { randomUUID } from 'node:crypto';
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
  const header = resourcesOf(bundle, 'MessageHeader')[0] as unknown as { destination: { endpoint: string; receiver: { reference: string } }[] };
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

const HEADER_PREFIX = '1a6f0e2c-2b7d-4f3e-8c1a-0d9e8f7a6b';
const BUNDLE_PREFIX = '2c7e1f3d-3c8e-4a4f-9d2b-1e0f9a8b7c';

/**
 * The fixture as a notification of another stay (`n` 1–9): every MessageHeader id it carries or
 * names and its Bundle.id renumbered, and its episode of care `episode`, so the seven fixtures
 * can tell a second story without being taken for the first one's duplicates.
 */
export function ofStay(bundle: FhirBundle, n: number, episode: string): FhirBundle {
  const text = JSON.stringify(bundle).replaceAll(HEADER_PREFIX, `1a6f0e2c-2b7d-4f3e-8c1a-0d9e8f7a6${n}`).replaceAll(BUNDLE_PREFIX, `2c7e1f3d-3c8e-4a4f-9d2b-1e0f9a8b7${n}`);
  return inEpisode(JSON.parse(text) as FhirBundle, episode);
}

/**
 * The notification as the hospital's death notification (MORS) of the same stay: the stay's
 * activity kept, Patient.deceased set, sent at `sentAt` as a new message (new Bundle and
 * MessageHeader ids).
 */
export function asDeathNotice(bundle: FhirBundle, sentAt: string): FhirBundle {
  const headerId = resourceIn(bundle, 'MessageHeader').id ?? '';
  const newHeaderId = randomUUID();
  const notice = JSON.parse(JSON.stringify(bundle).replaceAll(headerId, newHeaderId).replaceAll(bundle.id ?? '', randomUUID())) as FhirBundle;
  notice.timestamp = sentAt;
  resourceIn(notice, 'Patient').deceasedBoolean = true;
  // The Provenance of this message (a later notification also names the earlier ones').
  const provenance = resourcesOf(notice, 'Provenance').find((p) => (p.target as { reference?: string }[] | undefined)?.some((t) => t.reference === `MessageHeader/${newHeaderId}`));
  if (!provenance) throw new Error('the message has no Provenance of its own');
  provenance.occurredDateTime = sentAt;
  provenance.recorded = sentAt;
  return notice;
}
