import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bruno, readTranscribed, ruddi, storyContext } from '../../test-support/kl-gateway-stories.ts';
import type { KlBundle, KlCarePlan, KlResource } from './kl-fhir.ts';
import { deliveryReport } from './kl-delivery.rules.ts';
import { klInvariants, loadKlInvariants, type KlInvariantChecker } from './kl-invariants.ts';
import { buildCitizenReport } from './kl-report.rules.ts';

/*
 * Every KL invariant, key by key: it holds on the IGs' transcribed examples and on Samkraft's
 * reports, and a report broken on purpose fails it under its own name.
 */

let check: KlInvariantChecker;
beforeAll(async () => {
  check = await loadKlInvariants();
}, 60_000);

const built = (basis: 'SUL140' | 'SUL119'): KlResource[] => {
  const r = basis === 'SUL140' ? buildCitizenReport(ruddi(), storyContext(basis, '2022-06-21')) : buildCitizenReport(bruno(), storyContext(basis, '2022-06-10'));
  if (r.kind !== 'report') throw new Error('left out');
  return r.resources;
};
const bundle = (basis: 'SUL140' | 'SUL119', resources: KlResource[]): KlBundle => deliveryReport(basis, { bundleId: '00000000-0000-4000-8000-000000000002', timestamp: '2022-06-21T10:00:00Z', resources });
const isProfile = (r: KlResource, kind: string) => r.meta.profile[0].endsWith(`-${kind}`);
const fsiii = (r: KlResource) => JSON.stringify(r);

/** A copy of the report with the first resource `pick` chooses changed by `change`. */
function broken(basis: 'SUL140' | 'SUL119', pick: (r: KlResource) => boolean, change: (r: KlResource) => KlResource): KlBundle {
  const resources = built(basis);
  const at = resources.findIndex(pick);
  if (at < 0) throw new Error('nothing to break');
  return bundle(basis, resources.map((r, i) => (i === at ? change(structuredClone(r)) : r)));
}

const asPlan = (r: KlResource): KlCarePlan => {
  if (r.resourceType !== 'CarePlan') throw new Error('not a CarePlan');
  return r;
};
/** A planned intervention with only its level-2 code: the invariants compare `coding.code` as one value. */
const levelTwoOnly = (r: KlCarePlan): KlCarePlan => ({ ...r, activity: [{ detail: { ...r.activity[0].detail, code: { coding: (r.activity[0].detail.code?.coding ?? []).filter((c) => c.system === 'urn:oid:1.2.208.176.2.21') } } }] });

describe('the KL invariants', () => {
  it('hold on the five transcribed examples', () => {
    for (const f of fs.readdirSync(new URL('../../../../../refdata/fhir/kl-gateway/', import.meta.url)).filter((n) => n.endsWith('.transcribed.json'))) {
      expect(check(readTranscribed(f.replace('.transcribed.json', ''))), f).toEqual([]);
    }
  });

  it('hold on Samkraft’s §140 and §119 reports', () => {
    expect(check(bundle('SUL140', built('SUL140')))).toEqual([]);
    expect(check(bundle('SUL119', built('SUL119')))).toEqual([]);
  });

  const cases: [string, KlBundle][] = [
    ['gateway-140-report-1', broken('SUL140', (r) => isProfile(r, 'condition'), (r) => ({ ...r, meta: { profile: ['http://hl7.dk/fhir/core/StructureDefinition/dk-core-condition'] } }))],
    ['gateway-140-report-2', broken('SUL140', (r) => isProfile(r, 'care-plan'), (r) => ({ ...r, meta: { profile: ['http://hl7.org/fhir/StructureDefinition/CarePlan'] } }))],
    ['gateway-140-service-request-1', broken('SUL140', (r) => r.resourceType === 'ServiceRequest', (r) => ({ ...r, category: [{ coding: [{ system: 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes', code: '8b962281-2ab6-4b10-9c91-4bac592d6d49' }] }] }))],
    ['klgateway-140-care-plan-1', broken('SUL140', (r) => isProfile(r, 'care-plan'), (r) => ({ ...asPlan(r), activity: [{ detail: { ...asPlan(r).activity[0].detail, status: 'cancelled' } }] }))],
    ['klgateway-119-care-plan-1', broken('SUL119', (r) => isProfile(r, 'care-plan'), (r) => ({ ...asPlan(r), activity: [{ detail: { ...asPlan(r).activity[0].detail, statusReason: { coding: [{ system: 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes', code: '3a5a72b7-addf-4857-b80c-04e4246e3072' }] } } }] }))],
    ['klgateway-140-intervention-1', broken('SUL140', (r) => isProfile(r, 'planned-intervention') && fsiii(r).includes('2abe20c7'), (r) => ({ ...levelTwoOnly(asPlan(r)), basedOn: undefined }))],
    ['klgateway-140-intervention-2', broken('SUL140', (r) => isProfile(r, 'planned-intervention') && fsiii(r).includes('1130ad70'), (r) => ({ ...asPlan(r), basedOn: [{ reference: 'CarePlan/0735f195-a0fc-4f1f-b7be-5b3f6b8fee4a' }] }))],
    ['klgateway-119-intervention-1', broken('SUL119', (r) => isProfile(r, 'planned-intervention') && fsiii(r).includes('01a500f6'), (r) => ({ ...levelTwoOnly(asPlan(r)), basedOn: undefined }))],
    ['klgateway-119-intervention-2', broken('SUL119', (r) => isProfile(r, 'planned-intervention') && fsiii(r).includes('6eddbaf7'), (r) => ({ ...asPlan(r), basedOn: [{ reference: 'CarePlan/1b068b69-afa0-46f8-bb20-a5220c65a079' }] }))],
  ];

  it('are all tried below', () => {
    expect(cases.map(([key]) => key).sort()).toEqual(klInvariants.map((i) => i.key).sort());
  });

  it.each(cases)('%s fails by name when broken', (key, b) => {
    expect(check(JSON.parse(JSON.stringify(b)) as KlBundle).map((f) => f.key)).toEqual([key]);
  });

  it('counts an empty result as a failure', () => {
    // An indsats without a code and without a forløb: `{} implies basedOn.exists()` is empty, not false.
    const b = broken('SUL140', (r) => isProfile(r, 'planned-intervention') && fsiii(r).includes('1130ad70'), (r) => ({ ...asPlan(r), activity: [{ detail: { ...asPlan(r).activity[0].detail, code: undefined } }] }));
    expect(check(JSON.parse(JSON.stringify(b)) as KlBundle)).toEqual([expect.objectContaining({ key: 'klgateway-140-intervention-1', resource: expect.stringMatching(/^CarePlan\//) })]);
  });
});
