import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirBundle, FhirResource } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators, validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import { validateHospitalNotification } from './medcom-validation.ts';
import { sniffMessageKind } from './message-kind.ts';
import { hospitalNotificationCases, hospitalNotificationFixture, resourceIn } from './hospitalnotification.test-helpers.ts';

beforeAll(async () => {
  await loadR4Validators();
}, 60_000);

const errors = async (bundle: FhirBundle) => (await validateHospitalNotification(bundle)).issues.filter((i) => i.severity === 'error');
const keysAndCodes = async (bundle: FhirBundle) => (await errors(bundle)).map((i) => [i.key, i.code]);
const provenances = (b: FhirBundle) => b.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Provenance');
/** The Provenance of this message (its target is this MessageHeader). */
const currentProvenance = (b: FhirBundle) => provenances(b).find((p) => (p.target as { reference: string }[])[0]?.reference === `MessageHeader/${resourceIn(b, 'MessageHeader').id ?? ''}`) as FhirResource;
const activityOf = (p: FhirResource) => (p.activity as { coding: { code: string }[] }).coding[0] as { code: string };

describe('Samkraft’s HospitalNotification test messages', () => {
  it('are seven — admission, its correction and cancellation, leave, end of leave, discharge, acute ambulant — and each passes base R4, the profile and every invariant', async () => {
    expect(hospitalNotificationCases).toHaveLength(7);
    for (const name of hospitalNotificationCases) {
      const bundle = hospitalNotificationFixture(name);
      expect(await validateBaseR4(bundle), name).toEqual([]);
      expect({ name, issues: (await validateHospitalNotification(bundle)).issues }).toEqual({ name, issues: [] });
      expect(sniffMessageKind(bundle).kind, name).toBe('hospital_notification');
    }
  });
});

describe('each invariant of HospitalNotification 3.0.2, broken, is refused with its error code', () => {
  it('medcom-hospitalNotification-1: the MessageHeader declares another profile → MSG_RESOURCE_TYPE_MISMATCH', async () => {
    const b = hospitalNotificationFixture('STIN');
    resourceIn(b, 'MessageHeader').meta = { profile: ['http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader'] };
    expect(await keysAndCodes(b)).toContainEqual(['medcom-hospitalNotification-1', 'MSG_RESOURCE_TYPE_MISMATCH']);
  });

  it('medcom-hospitalNotification-2: two Patients → MSG_RESOURCE_REQUIRED', async () => {
    const b = hospitalNotificationFixture('STIN');
    const second = { ...structuredClone(resourceIn(b, 'Patient')), id: '3d8f2a4e-4d9f-4b5a-8e3c-2f1a0b9c8d99' };
    b.entry.push({ fullUrl: `https://medcomfhir.dk/ig/hospitalnotification/Patient/${second.id}`, resource: second });
    expect(await keysAndCodes(b)).toContainEqual(['medcom-hospitalNotification-2', 'MSG_RESOURCE_REQUIRED']);
  });

  it('medcom-hospitalNotification-3: an activity outside the HospitalNotification activities (a CareCommunication’s new-message) → MSG_VALUESET_VALUE_UNKNOWN', async () => {
    const b = hospitalNotificationFixture('STIN');
    activityOf(currentProvenance(b)).code = 'new-message';
    const found = await keysAndCodes(b);
    expect(found).toContainEqual(['medcom-hospitalNotification-3', 'MSG_VALUESET_VALUE_UNKNOWN']);
    expect(found).toContainEqual(['binding:Provenance.activity', 'MSG_VALUESET_VALUE_UNKNOWN']);
  });

  it('medcom-hospitalNotification-4: a citizen named by a replacement CPR (X-eCPR) → MSG_VALUESET_VALUE_UNKNOWN', async () => {
    const b = hospitalNotificationFixture('STIN');
    resourceIn(b, 'Patient').identifier = [{ system: 'urn:oid:1.2.208.176.1.6.1.1', value: '0101711AB1', use: 'temp' }];
    expect(await keysAndCodes(b)).toContainEqual(['medcom-hospitalNotification-4', 'MSG_VALUESET_VALUE_UNKNOWN']);
  });

  it('medcom-hospitalNotification-5: the receiver as a cc receiver → MSG_RESOURCE_NOT_ALLOWED', async () => {
    const b = hospitalNotificationFixture('STIN');
    const destination = (resourceIn(b, 'MessageHeader').destination as { extension: { valueCoding: { code: string } }[] }[])[0];
    destination!.extension[0]!.valueCoding.code = 'cc';
    const found = await keysAndCodes(b);
    expect(found).toContainEqual(['medcom-hospitalNotification-5', 'MSG_RESOURCE_NOT_ALLOWED']);
    expect(found).toContainEqual(['cardinality:MessageHeader.destination:primary', 'MSG_Receiver_Identifier_MISSING']);
  });

  it('medcom-hospitalNotification-6: on leave without the leave’s start → MSG_RESOURCE_REQUIRED', async () => {
    const b = hospitalNotificationFixture('STOR');
    delete resourceIn(b, 'Encounter').extension;
    expect(await keysAndCodes(b)).toContainEqual(['medcom-hospitalNotification-6', 'MSG_RESOURCE_REQUIRED']);
  });

  it('medcom-messaging-2 (no Provenance) and DK-core’s CPR pattern and GLN check digit, as for every MedCom message', async () => {
    const noProvenance = hospitalNotificationFixture('STIN');
    noProvenance.entry = noProvenance.entry.filter((e) => e.resource.resourceType !== 'Provenance');
    expect(await keysAndCodes(noProvenance)).toContainEqual(['medcom-messaging-2', 'MSG_RESOURCE_REQUIRED']);
    const badCpr = hospitalNotificationFixture('STIN');
    (resourceIn(badCpr, 'Patient').identifier as { value: string }[])[0]!.value = '3213479989';
    const found = await errors(badCpr);
    expect(found.map((i) => [i.key, i.code])).toContainEqual(['cpr', 'MSG_BAD_FORMAT']);
    expect(JSON.stringify(found)).not.toContain('3213479989');
    const badGln = hospitalNotificationFixture('STIN');
    (resourceIn(badGln, 'Organization').identifier as { system: string; value: string }[]).find((i) => i.system.endsWith('gln'))!.value = '5790000209355';
    expect(await keysAndCodes(badGln)).toContainEqual(['gln-modulus-10', 'MSG_BAD_FORMAT']);
  });
});

describe('the profile’s cardinalities, fixed values and MedCom’s table of activities', () => {
  it('an activity whose Encounter class or status the table does not give is refused (discharge with the stay still in progress; an inpatient admission as EMER)', async () => {
    const inProgress = hospitalNotificationFixture('SLHJ');
    resourceIn(inProgress, 'Encounter').status = 'in-progress';
    expect(await keysAndCodes(inProgress)).toEqual([['activity:Encounter.status', 'MSG_VALUESET_VALUE_UNKNOWN']]);
    const emer = hospitalNotificationFixture('STIN');
    (resourceIn(emer, 'Encounter').class as { code: string }).code = 'EMER';
    expect(await keysAndCodes(emer)).toEqual([['activity:Encounter.class', 'MSG_VALUESET_VALUE_UNKNOWN']]);
  });

  it('a cancellation names the cancelled notification with role removal; a correction without the notification it corrects is refused', async () => {
    const revision = hospitalNotificationFixture('AN_STIN');
    (currentProvenance(revision).entity as { role: string }[])[0]!.role = 'revision';
    expect(await keysAndCodes(revision)).toEqual([['fixed:Provenance.entity.role', 'MSG_BAD_FORMAT']]);
    const orphan = hospitalNotificationFixture('RE_STIN');
    delete currentProvenance(orphan).entity;
    expect(await keysAndCodes(orphan)).toEqual([['cardinality:Provenance.entity:preceding', 'MSG_RESOURCE_REQUIRED']]);
  });

  it('what the guide leaves out of the Encounter for the law’s sake (location, diagnosis, …) is refused; no episode of care, no start, no department is refused', async () => {
    const b = hospitalNotificationFixture('STIN');
    const encounter = resourceIn(b, 'Encounter');
    encounter.location = [{ location: { display: 'Stue 4' } }];
    encounter.episodeOfCare = [];
    delete (encounter.period as { start?: string }).start;
    delete encounter.serviceProvider;
    expect(await keysAndCodes(b)).toEqual(
      expect.arrayContaining([
        ['cardinality:Encounter.location', 'MSG_RESOURCE_NOT_ALLOWED'],
        ['cardinality:Encounter.episodeOfCare', 'MSG_RESOURCE_REQUIRED'],
        ['cardinality:Encounter.period.start', 'MSG_RESOURCE_REQUIRED'],
        ['cardinality:Encounter.serviceProvider', 'MSG_RESOURCE_REQUIRED'],
      ]),
    );
  });

  it('a status outside the guide’s four, and exactly one Provenance describing this message', async () => {
    const planned = hospitalNotificationFixture('STIN');
    resourceIn(planned, 'Encounter').status = 'planned';
    expect(await keysAndCodes(planned)).toContainEqual(['binding:Encounter.status', 'MSG_VALUESET_VALUE_UNKNOWN']);
    const none = hospitalNotificationFixture('RE_STIN');
    (currentProvenance(none).target as { reference: string }[])[0]!.reference = 'MessageHeader/1a6f0e2c-2b7d-4f3e-8c1a-0d9e8f7a6b01';
    expect(await keysAndCodes(none)).toContainEqual(['cardinality:Provenance.target:current', 'MSG_RESOURCE_REQUIRED']);
  });

  it('an earlier notification’s Provenance may name a sender this message does not carry; this message’s own may not', async () => {
    const b = hospitalNotificationFixture('SLOR');
    const earlier = provenances(b).find((p) => activityOf(p).code === 'start-leave-inpatient');
    (earlier!.agent as { who: { reference: string } }[])[0]!.who.reference = 'Organization/an-earlier-sender';
    expect(await keysAndCodes(b)).toEqual([]);
    (currentProvenance(b).agent as { who: { reference: string } }[])[0]!.who.reference = 'Organization/an-earlier-sender';
    expect(await keysAndCodes(b)).toEqual(expect.arrayContaining([['cardinality:Provenance.agent.who', 'MSG_LOCAL_FAIL']]));
  });
});
