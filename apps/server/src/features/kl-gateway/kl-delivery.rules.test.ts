import { describe, expect, it } from 'vitest';
import { unzip } from '../../test-support/unzip.ts';
import { ruddi, storyContext } from '../../test-support/kl-gateway-stories.ts';
import type { KlResource } from './kl-fhir.ts';
import { deliveryReport, referencesOf, selectForDelivery, withdrawn, type KlDelivered, type KlDeliverySelection } from './kl-delivery.rules.ts';
import { canonicalJson, klResourceHash, klResourceId } from './kl-ids.ts';
import { buildCitizenReport } from './kl-report.rules.ts';
import { zip } from './kl-zip.ts';

const ruddiAsOf = (asOf: string, model = ruddi()): KlResource[] => {
  const r = buildCitizenReport(model, storyContext('SUL140', asOf));
  if (r.kind !== 'report') throw new Error('left out');
  return r.resources;
};
const logOf = (s: KlDeliverySelection | null, into = new Map<string, KlDelivered>()): Map<string, KlDelivered> => {
  for (const r of s?.resources ?? []) into.set(r.id, { hash: s?.hashes.get(r.id) ?? '', resource: r.resourceType === 'Patient' ? null : r });
  return into;
};
const kinds = (s: KlDeliverySelection | null) => (s?.resources ?? []).map((r) => r.meta.profile[0].split('klgateway-140-')[1]);

describe('an incremental delivery', () => {
  it('sends everything the first time, and nothing when nothing changed', () => {
    const first = selectForDelivery(ruddiAsOf('2022-05-28'), new Map(), 'incremental');
    expect(first?.resources).toHaveLength(ruddiAsOf('2022-05-28').length);
    expect(selectForDelivery(ruddiAsOf('2022-05-28'), logOf(first), 'incremental')).toBeNull();
  });

  it('sends a new encounter with the citizen and what it refers to, transitively — not the rest (Ruddi-6)', () => {
    const log = logOf(selectForDelivery(ruddiAsOf('2022-06-20'), new Map(), 'incremental'));
    const next = selectForDelivery(ruddiAsOf('2022-06-21'), log, 'incremental');
    // The encounter → the forløb → the GGOP → its two organisations and the diagnosis, as the IG's Ruddi-6.
    expect(kinds(next)).toEqual(['citizen', 'organization', 'organization', 'focus-condition', 'servicerequest', 'care-plan', 'encounter']);
  });

  it('sends a changed resource again under the same id', () => {
    const log = logOf(selectForDelivery(ruddiAsOf('2022-05-23'), new Map(), 'incremental'));
    const before = [...log.values()].find((d) => d.resource?.resourceType === 'CarePlan')?.resource;
    const next = selectForDelivery(ruddiAsOf('2022-05-28'), log, 'incremental');
    const after = next?.resources.find((r) => r.id === before?.id);
    expect(after).toMatchObject({ status: 'completed' });
    expect(before).toMatchObject({ status: 'active' });
  });

  it('full: sends everything again with the same ids', () => {
    const first = selectForDelivery(ruddiAsOf('2022-05-28'), new Map(), 'incremental');
    const again = selectForDelivery(ruddiAsOf('2022-05-28'), logOf(first), 'full');
    expect(again?.resources.map((r) => r.id)).toEqual(first?.resources.map((r) => r.id));
  });

  it('sends a resource Samkraft no longer has once as entered-in-error, then never again', () => {
    const assessed = ruddi({ assessments: [{ assessedOn: '2022-05-28', occasion: 'initial', itemCodes: ['physical.function', 'practical.personal_care'] }] });
    const log = logOf(selectForDelivery(ruddiAsOf('2022-05-28', assessed), new Map(), 'incremental'));
    const corrected = ruddi({ assessments: [{ assessedOn: '2022-05-28', occasion: 'initial', itemCodes: ['physical.function'] }] });
    const next = selectForDelivery(ruddiAsOf('2022-05-29', corrected), log, 'incremental');
    const withdrawnConditions = (next?.resources ?? []).filter((r) => r.resourceType === 'Condition' && r.verificationStatus?.coding[0]?.code === 'entered-in-error');
    expect(withdrawnConditions).toHaveLength(1);
    expect(selectForDelivery(ruddiAsOf('2022-05-29', corrected), logOf(next, log), 'incremental')).toBeNull();
  });

  it('withdraws conditions, requests, plans and encounters, never the citizen or an organisation', () => {
    const [patient, org] = ruddiAsOf('2022-05-23');
    expect(patient && withdrawn(patient)).toBeNull();
    expect(org && withdrawn(org)).toBeNull();
  });

  it('finds every reference of a resource', () => {
    expect([...referencesOf({ a: { reference: 'Patient/1' }, b: [{ c: { reference: 'CarePlan/2' } }] })]).toEqual(['Patient/1', 'CarePlan/2']);
  });

  it('wraps a report as a collection Bundle, the citizen first, fullUrls ending in type/id', () => {
    const resources = ruddiAsOf('2022-05-23');
    const b = deliveryReport('SUL140', { bundleId: 'b', timestamp: '2022-05-23T20:00:00Z', resources });
    expect(b).toMatchObject({ resourceType: 'Bundle', type: 'collection', meta: { profile: ['http://fhir.kl.dk/rehab/StructureDefinition/klgateway-140-delivery-report'] } });
    expect(b.entry[0]?.resource.resourceType).toBe('Patient');
    for (const e of b.entry) expect(e.fullUrl.endsWith(`/${e.resource.resourceType}/${e.resource.id}`)).toBe(true);
  });
});

describe('ids and hashes', () => {
  it('derives the same RFC 9562 version-5 UUID from the same record, another from another', () => {
    const id = klResourceId('SUL140/servicerequest/abc');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(klResourceId('SUL140/servicerequest/abc')).toBe(id);
    expect(klResourceId('SUL119/servicerequest/abc')).not.toBe(id);
  });

  it('hashes content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    expect(klResourceHash({ a: 1, b: 2 })).toBe(klResourceHash({ b: 2, a: 1 }));
    expect(klResourceHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the ZIP archive', () => {
  it('holds the files as given, UTF-8 names and content', () => {
    const files = [
      { name: 'oversigt.json', bytes: new TextEncoder().encode('{"æøå":true}') },
      { name: 'b.json', bytes: new TextEncoder().encode(JSON.stringify(ruddiAsOf('2022-05-28'))) },
      { name: 'empty.json', bytes: new Uint8Array() },
    ];
    const read = unzip(zip(files));
    expect([...read.keys()]).toEqual(['oversigt.json', 'b.json', 'empty.json']);
    for (const f of files) expect(new Uint8Array(read.get(f.name) ?? [])).toEqual(f.bytes);
  });
});
