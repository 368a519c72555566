import { describe, expect, it } from 'vitest';
import { validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import { bruno, readTranscribed, ruddi, storyContext, RUDDI_CPR } from '../../test-support/kl-gateway-stories.ts';
import type { KlBundle, KlResource } from './kl-fhir.ts';
import { deliveryReport, selectForDelivery, type KlDelivered } from './kl-delivery.rules.ts';
import { loadKlInvariants } from './kl-invariants.ts';
import { klProfile } from './kl-profiles.ts';
import { buildCitizenReport, leftOutReason, type KlCitizenReport } from './kl-report.rules.ts';

/*
 * The builders against the IGs' transcribed examples (refdata/fhir/kl-gateway): the same stories
 * told as Samkraft records must give reports of the examples' shape — the same profiles, and in
 * each resource the same elements, slices, extension URLs and code systems (ids, dates, codes and
 * displays aside). Samkraft adds only what the profiles allow and the examples happen not to show.
 */

type Json = unknown;

/** The shape of a resource: every element path, with the values that make its structure (systems, URLs, profiles, reference types). */
function shape(value: Json, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => shape(v, path));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const p = path ? `${path}.${k}` : k;
      if (k === 'id' || k === 'display') return [];
      if (k === 'reference' && typeof v === 'string') return [`${p}→${v.split('/')[0] ?? ''}`];
      if (['system', 'url', 'profile', 'resourceType', 'intent', 'use'].includes(k)) return shape(v, p).map((s) => `${s}=${JSON.stringify(v)}`);
      return shape(v, p);
    });
  }
  return [path];
}

const profileOf = (r: { meta: { profile: string[] } }) => r.meta.profile[0] ?? '';

/** profile → the union of its resources' shapes. */
function shapesByProfile(resources: { meta: { profile: string[] } }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of resources) {
    const s = out.get(profileOf(r)) ?? new Set<string>();
    for (const p of shape(r)) s.add(p);
    out.set(profileOf(r), s);
  }
  return out;
}

const report = (r: KlCitizenReport): KlResource[] => {
  if (r.kind !== 'report') throw new Error(`left out: ${r.reason}`);
  return r.resources;
};

const bundleOf = (basis: 'SUL140' | 'SUL119', resources: KlResource[]): KlBundle => deliveryReport(basis, { bundleId: '00000000-0000-4000-8000-000000000001', timestamp: '2022-05-28T19:25:12Z', resources });

/** What a delivery of `resources` leaves in the log. */
const logOf = (resources: KlResource[], hashes: Map<string, string>): Map<string, KlDelivered> =>
  new Map(resources.map((r) => [r.id, { hash: hashes.get(r.id) ?? '', resource: r.resourceType === 'Patient' ? null : r }]));

/** What Samkraft sends beyond an example, per profile: the locally defined level-3 code and the performer (both allowed). */
const allowedExtras: Record<string, RegExp[]> = {
  'planned-intervention': [
    /^activity\.detail\.code\.coding\.system="http:\/\/gateway\.kl\.dk\/1\.0\/CodeSystem\/LocallyDefinedInterventions"$/,
    /^activity\.detail\.code\.coding\.code$/,
    /^activity\.detail\.performer\.reference→Organization$/,
    // The §119 profile has basedOnServiceRequest too; the transcribed Bruno reports do not show it.
    /^extension\.url="http:\/\/fhir\.kl\.dk\/prevention\/StructureDefinition\/BasedOnServiceRequestExtension"$/,
    /^extension\.valueReference\.reference→ServiceRequest$/,
  ],
};

function expectShapeOf(example: string, ours: KlResource[]): void {
  const transcribed = readTranscribed(example);
  const theirs = shapesByProfile(transcribed.entry.map((e) => e.resource));
  const mine = shapesByProfile(ours);
  expect(shape(bundleOf(profileOf(transcribed).includes('/rehab/') ? 'SUL140' : 'SUL119', ours)).filter((p) => !p.startsWith('entry.resource'))).toEqual(
    expect.arrayContaining(shape(transcribed).filter((p) => !p.startsWith('entry.resource'))),
  );
  for (const [profile, paths] of theirs) {
    const kind = profile.split('-').slice(2).join('-');
    const own = mine.get(profile);
    expect(own, `${example}: no ${kind}`).toBeDefined();
    expect([...paths].filter((p) => !own?.has(p)), `${example} ${kind}: elements Samkraft does not send`).toEqual([]);
    const extras = [...(own ?? [])].filter((p) => !paths.has(p) && !(allowedExtras[kind] ?? []).some((re) => re.test(p)));
    expect(extras, `${example} ${kind}: elements the example does not show`).toEqual([]);
  }
}

describe('the §140 delivery report (Ruddi)', () => {
  it('first report: the citizen, the GGOP with its discharge date and almen, the referring ward, the diagnosis and the assessment planned (Ruddi-1)', () => {
    const resources = report(buildCitizenReport(ruddi(), storyContext('SUL140', '2022-05-23')));
    expectShapeOf('s140_DeliveryReport-Ruddi-1', resources);
    expect(resources.map((r) => `${r.resourceType}:${profileOf(r).split('klgateway-140-')[1] ?? ''}`)).toEqual([
      'Patient:citizen',
      'Organization:organization',
      'Organization:organization',
      'Condition:focus-condition',
      'ServiceRequest:servicerequest',
      'CarePlan:planned-intervention',
    ]);
    const [patient] = resources;
    expect(patient).toMatchObject({ identifier: [{ use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: RUDDI_CPR }], deceasedBoolean: false, managingOrganization: { identifier: { value: '451000016003' } } });
    expect(Object.keys(patient ?? {})).not.toEqual(expect.arrayContaining(['name']));
    expect(resources.find((r) => r.resourceType === 'CarePlan')).toMatchObject({ status: 'active', activity: [{ detail: { status: 'scheduled' } }] });
  });

  it('after the assessment: the encounter, two conditions, the training forløb and its indsats (Ruddi-2)', () => {
    const resources = report(buildCitizenReport(ruddi(), storyContext('SUL140', '2022-05-28')));
    expectShapeOf('s140_DeliveryReport-Ruddi-2', resources);
    const profiles = resources.map((r) => profileOf(r).split('klgateway-140-')[1]);
    expect(profiles.filter((p) => p === 'condition')).toHaveLength(2);
    expect(profiles).toEqual(expect.arrayContaining(['encounter', 'care-plan', 'planned-intervention']));
  });

  it('cancelled because of other training: revoked with the reason, the conditions out of focus, the withdrawn forløb entered-in-error (Ruddi-8)', () => {
    const before = report(buildCitizenReport(ruddi({ interventions: [...ruddi().referrals[0]!.interventions, { ...ruddi().referrals[0]!.interventions[0]!, crossReferralId: '11111111-1111-4111-8111-999999999999', receivedOn: '2022-06-22', startedOn: null, sessions: [] }] }), storyContext('SUL140', '2022-06-22')));
    const first = selectForDelivery(before, new Map(), 'incremental');
    expect(first).not.toBeNull();
    const model = ruddi({ closedOn: '2022-06-23', closeReason: 'declined', interventions: [{ ...ruddi().referrals[0]!.interventions[0]!, decline: { declinedOn: '2022-06-23', reason: 'already_in_home_course' } }] });
    const after = report(buildCitizenReport(model, storyContext('SUL140', '2022-06-23')));
    const delivery = selectForDelivery(after, logOf(first?.resources ?? [], first?.hashes ?? new Map()), 'incremental');
    expectShapeOf('s140_DeliveryReport-Ruddi-8', delivery?.resources ?? []);
    const plans = (delivery?.resources ?? []).filter((r) => r.resourceType === 'CarePlan');
    expect(plans.map((p) => p.status).sort()).toEqual(['entered-in-error', 'entered-in-error', 'revoked', 'revoked']);
    expect(plans.find((p) => profileOf(p).endsWith('care-plan') && p.status === 'revoked')).toMatchObject({ activity: [{ detail: { status: 'stopped', statusReason: { coding: [{ code: 'a3f2bd01-078b-486e-81be-797d192ad7bd' }] } } }] });
    const conditions = (delivery?.resources ?? []).filter((r) => r.resourceType === 'Condition' && profileOf(r).endsWith('-condition') && !profileOf(r).endsWith('focus-condition'));
    expect(conditions.map((c) => 'category' in c)).toEqual([false, false]);
  });
});

describe('the §119 delivery report (Bruno)', () => {
  it('first report: the GP referral, the diagnosis and the clarifying conversation planned (Bruno-1)', () => {
    const resources = report(buildCitizenReport(bruno(), storyContext('SUL119', '2022-06-02')));
    expectShapeOf('s119_DeliveryReport-Bruno-1', resources);
    const sr = resources.find((r) => r.resourceType === 'ServiceRequest');
    expect(sr && 'category' in sr).toBe(false);
    expect(sr && 'extension' in sr).toBe(false);
  });

  it('after the conversation: its encounter, nutrition, the §119 forløb and cooking in practice (Bruno-2)', () => {
    const first = selectForDelivery(report(buildCitizenReport(bruno(), storyContext('SUL119', '2022-06-02'))), new Map(), 'incremental');
    const second = selectForDelivery(report(buildCitizenReport(bruno(), storyContext('SUL119', '2022-06-10'))), logOf(first?.resources ?? [], first?.hashes ?? new Map()), 'incremental');
    expectShapeOf('s119_DeliveryReport-Bruno-2', second?.resources ?? []);
    const plan = second?.resources.find((r) => r.resourceType === 'CarePlan' && profileOf(r).endsWith('care-plan'));
    expect(plan && 'extension' in plan).toBe(false);
  });

  it('the closing conversation is an Afsluttende samtale with its encounter, not part of a forløb', () => {
    const resources = report(buildCitizenReport(bruno({ closingConversationOn: '2022-09-30' }), storyContext('SUL119', '2022-09-30')));
    const closing = resources.find((r) => r.resourceType === 'CarePlan' && JSON.stringify(r).includes('03a3ebdb-9e2d-4be1-b32b-42f0bd2a3362'));
    expect(closing).toMatchObject({ status: 'completed', period: { start: '2022-09-30', end: '2022-09-30' } });
    expect(closing && 'basedOn' in closing).toBe(false);
  });
});

describe('reports for every stage pass base R4 (two validators) and the KL invariants', () => {
  const stages: [string, 'SUL140' | 'SUL119', KlCitizenReport][] = [
    ['Ruddi planned', 'SUL140', buildCitizenReport(ruddi(), storyContext('SUL140', '2022-05-23'))],
    ['Ruddi training', 'SUL140', buildCitizenReport(ruddi(), storyContext('SUL140', '2022-06-21'))],
    ['Ruddi ended early', 'SUL140', buildCitizenReport(ruddi({ interventions: [{ ...ruddi().referrals[0]!.interventions[0]!, endedOn: '2022-06-22', endReason: 'dropped_out' }] }), storyContext('SUL140', '2022-06-30'))],
    ['Bruno planned', 'SUL119', buildCitizenReport(bruno(), storyContext('SUL119', '2022-06-02'))],
    ['Bruno closed', 'SUL119', buildCitizenReport(bruno({ closingConversationOn: '2022-09-30', closedOn: '2022-10-03', closeReason: 'completed' }), storyContext('SUL119', '2022-10-03'))],
  ];
  it.each(stages)('%s', async (_, basis, built) => {
    const check = await loadKlInvariants();
    const bundle = bundleOf(basis, report(built));
    expect(await validateBaseR4(bundle)).toEqual([]);
    expect(check(bundle)).toEqual([]);
  }, 60_000);
});

describe('who cannot be reported', () => {
  it.each([
    ['no CPR (a pseudonymised record)', { cpr: null }, 'SUL119', 'no_cpr'],
    ['a replacement CPR (eCPR): the citizen profile allows the CPR slice only', { cpr: '0703921VJ4' }, 'SUL119', 'replacement_cpr'],
  ] as const)('%s', (_, over, basis, reason) => {
    expect(leftOutReason({ ...bruno(), ...over }, storyContext(basis, '2022-06-10'))?.reason).toBe(reason);
  });

  it('§140 without a discharge date: the ServiceRequest requires one', () => {
    expect(buildCitizenReport(ruddi({ dischargedOn: null }), storyContext('SUL140', '2022-05-28'))).toMatchObject({ kind: 'left_out', reason: 'missing_discharge_date', detail: '2022-05-23' });
  });

  it('§140 without a referring organisation with a SOR code: the requester is required; §119 goes without', () => {
    expect(buildCitizenReport(ruddi({ requester: { sor: null } }), storyContext('SUL140', '2022-05-28'))).toMatchObject({ kind: 'left_out', reason: 'requester_without_sor', detail: '2022-05-23' });
    expect(buildCitizenReport(ruddi({ requester: null }), storyContext('SUL140', '2022-05-28'))).toMatchObject({ kind: 'left_out', reason: 'requester_without_sor', detail: '2022-05-23' });
    const selfReferred = report(buildCitizenReport(bruno({ requester: null }), storyContext('SUL119', '2022-06-10')));
    expect(selfReferred.find((r) => r.resourceType === 'ServiceRequest')).not.toHaveProperty('requester');
  });

  it('a providing municipality without a SOR code', () => {
    expect(buildCitizenReport(ruddi(), storyContext('SUL140', '2022-05-28', { providerSor: () => null }))).toMatchObject({ kind: 'left_out', reason: 'provider_without_sor', detail: '0316' });
  });
});

describe('the mapping', () => {
  it('names the interventions and assessment items met without a decision, and reports an explicit "none" without warning', () => {
    const built = buildCitizenReport(ruddi({ assessments: [{ assessedOn: '2022-05-28', occasion: 'initial', itemCodes: ['physical.function', 'physical.sleep', 'existential.faith'] }] }), storyContext('SUL140', '2022-05-28', { interventionCode: () => undefined }));
    expect(built).toMatchObject({ kind: 'report', unmappedInterventions: ['mixed_training'], unmappedAssessmentItems: ['physical.sleep'] });
    const pi = report(built).find((r) => r.resourceType === 'CarePlan' && r.basedOn !== undefined);
    // Without a level-2 code the indsats still goes, with its locally defined level-3 code.
    expect(pi).toMatchObject({ activity: [{ detail: { code: { coding: [{ system: 'http://gateway.kl.dk/1.0/CodeSystem/LocallyDefinedInterventions', code: 'mixed_training' }] } } }] });
  });

  it('makes one condition of assessment items with the same FSIII code', () => {
    const built = report(buildCitizenReport(ruddi({ assessments: [{ assessedOn: '2022-05-28', occasion: 'initial', itemCodes: ['physical.function', 'practical.personal_care'] }] }), storyContext('SUL140', '2022-05-28', { conditionCode: () => 'dd41df82-3c13-4523-b9c5-e83676425299' })));
    expect(built.filter((r) => profileOf(r) === klProfile('SUL140', 'condition'))).toHaveLength(1);
  });
});
