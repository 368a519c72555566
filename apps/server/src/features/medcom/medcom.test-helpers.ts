import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FhirBundle, FhirResource } from '../../platform/fhir/fhir-json.ts';
import type { CareCommunicationInput } from './carecommunication-builder.ts';

/** MedCom's test messages in refdata/fhir/medcom, and builder input made of the official test persons. */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const dir = (sub: string) => path.join(repoRoot, 'refdata/fhir/medcom', sub);

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as FhirBundle;

/** The 15 CareCommunication test bundles by case name (`R-A-new`, `R-Tek-M-dublicate-inv`, …). */
export function careCommunicationFixtures(): { name: string; bundle: FhirBundle }[] {
  return fs
    .readdirSync(dir('carecommunication'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/^Bundle-/, '').replace(/-[0-9a-f]{8}-[0-9a-f-]{27}\.json$/, ''), bundle: readJson(path.join(dir('carecommunication'), f)) }));
}

/** A fresh copy of one CareCommunication fixture. */
export function careCommunicationFixture(name: string): FhirBundle {
  const found = careCommunicationFixtures().find((f) => f.name === name);
  if (!found) throw new Error(`no CareCommunication fixture ${name}`);
  return found.bundle;
}

export function acknowledgementFixtures(): { name: string; bundle: FhirBundle }[] {
  return fs
    .readdirSync(dir('acknowledgement'))
    .filter((f) => f.startsWith('Ack-') && f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/^Ack-/, '').replace(/-[0-9a-f]{8}-[0-9a-f-]{27}\.json$/, ''), bundle: readJson(path.join(dir('acknowledgement'), f)) }));
}

export function readRefdataJson(relative: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'refdata', relative), 'utf8'));
}

/** The first resource of a type in a message (to break it in a test). */
export function resourceOf(bundle: FhirBundle, type: string, nth = 0): FhirResource {
  const found = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type)[nth];
  if (!found) throw new Error(`no ${type} in the message`);
  return found;
}

/** Ids in order (`00000000-0000-4000-8000-000000000001`, …): a built message is the same on every run. */
export function counterIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  };
}

/** A small PDF as base64 (its bytes are not read by anything here). */
export const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

export const BALLERUP = { sor: '451000016003', gln: '5790001353308', name: 'Ballerup Kommune, Kræftrehabilitering' };
export const GP_CLINIC = { sor: '1017421000016003', gln: '5790002408496', name: '2100 Lægehuset Østerbro' };

/** A new message from the municipality to the GP about Bruno Elmer (official test person). */
export function newMessageInput(overrides: Partial<CareCommunicationInput> = {}): CareCommunicationInput {
  return {
    kind: 'new',
    sender: BALLERUP,
    receiver: GP_CLINIC,
    patient: { identifier: { kind: 'cpr', value: '2509479989' }, family: 'Elmer', given: ['Bruno'] },
    category: 'training',
    topic: 'Afslutningsnotat',
    text: 'Kære læge\nBruno har afsluttet sit rehabiliteringsforløb.\nVenlig hilsen',
    author: { given: ['Mette'], family: 'Fys', role: { system: undefined, code: 'fysioterapeut' }, phone: '+4544771000' },
    sentAt: new Date('2026-03-02T09:30:00Z'),
    ids: counterIds(),
    ...overrides,
  };
}
