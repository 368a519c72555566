import type { KlExportMode } from '@samkraft/contracts/kl-gateway';
import { klSystems, type KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import type { KlBundle, KlResource } from './kl-fhir.ts';
import { klResourceHash } from './kl-ids.ts';
import { klFullUrlBase, klProfile } from './kl-profiles.ts';

/*
 * What a delivery sends (the IGs' delivery report): the citizen, every resource created or
 * changed since the last delivery — a changed one under the same id — and the unchanged ones the
 * new content refers to, so that each report stands on its own. A resource delivered before that
 * Samkraft no longer has (an assessment item removed, a course that turned out to be a
 * duplicate…) is sent once more as entered-in-error, from the copy the delivery log kept.
 */

/** What the delivery log knows of a resource sent before: its hash and, but for the citizen, the resource as sent. */
export type KlDelivered = { hash: string; resource: KlResource | null };

export type KlDeliverySelection = { resources: KlResource[]; hashes: Map<string, string> };

/** Every `Type/id` a resource refers to. */
export function referencesOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencesOf(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') into.add(v);
      else referencesOf(v, into);
    }
  }
  return into;
}

const keyOf = (r: KlResource) => `${r.resourceType}/${r.id}`;

/** A resource as its withdrawal: the same id and content, marked entered-in-error; null when it cannot be withdrawn or already is. */
export function withdrawn(r: KlResource): KlResource | null {
  switch (r.resourceType) {
    case 'Patient':
    case 'Organization':
      return null;
    case 'Condition': {
      if (r.verificationStatus?.coding[0]?.code === 'entered-in-error') return null;
      return { ...r, verificationStatus: { coding: [{ system: klSystems.conditionVerification, code: 'entered-in-error' }] } };
    }
    case 'ServiceRequest':
    case 'CarePlan':
    case 'Encounter':
      return r.status === 'entered-in-error' ? null : { ...r, status: 'entered-in-error' };
  }
}

/**
 * The resources of one citizen's delivery report, or null when there is nothing new to send.
 * `current` is the whole report as built now (citizen first); `delivered` what the log holds for
 * this citizen's resources, by id.
 */
export function selectForDelivery(current: KlResource[], delivered: ReadonlyMap<string, KlDelivered>, mode: KlExportMode): KlDeliverySelection | null {
  const [patient] = current;
  if (!patient || patient.resourceType !== 'Patient') throw new Error('a report starts with its citizen');
  const hashes = new Map(current.map((r) => [r.id, klResourceHash(r)]));
  const changed = current.filter((r) => r !== patient && (mode === 'full' || delivered.get(r.id)?.hash !== hashes.get(r.id)));
  const currentIds = new Set(current.map((r) => r.id));
  const gone: KlResource[] = [];
  for (const [id, d] of delivered) {
    if (currentIds.has(id) || !d.resource) continue;
    const w = withdrawn(d.resource);
    if (w) gone.push(w);
  }
  for (const g of gone) hashes.set(g.id, klResourceHash(g));
  if (changed.length === 0 && gone.length === 0 && mode === 'incremental' && delivered.get(patient.id)?.hash === hashes.get(patient.id)) return null;

  // The new content and everything it refers to, transitively, so each reference resolves in the report.
  const byKey = new Map<string, KlResource>([...current, ...gone].map((r) => [keyOf(r), r]));
  const included = new Set<string>([keyOf(patient)]);
  const queue = [...changed, ...gone];
  while (queue.length > 0) {
    const r = queue.pop();
    if (!r || included.has(keyOf(r))) continue;
    included.add(keyOf(r));
    for (const ref of referencesOf(r)) {
      const target = byKey.get(ref);
      if (target && !included.has(ref)) queue.push(target);
    }
  }
  const order = [...current, ...gone];
  const resources = order.filter((r) => included.has(keyOf(r)));
  return { resources, hashes: new Map(resources.map((r) => [r.id, hashes.get(r.id) ?? klResourceHash(r)])) };
}

/** The delivery report Bundle (profile klgateway-1xx-delivery-report): a collection, the citizen first. */
export function deliveryReport(basis: KlLegalBasis, o: { bundleId: string; timestamp: string; resources: KlResource[] }): KlBundle {
  return {
    resourceType: 'Bundle',
    id: o.bundleId,
    meta: { profile: [klProfile(basis, 'delivery-report')] },
    type: 'collection',
    timestamp: o.timestamp,
    entry: o.resources.map((resource) => ({ fullUrl: `${klFullUrlBase}/${resource.resourceType}/${resource.id}`, resource })),
  };
}
