import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { readXmlText } from '../../platform/xml/xml-input.ts';
import { parseXml } from '../../platform/xml/xml-tree.ts';
import { cancerDiagnosisOf, decideDraftAccess, prefillOf, referringTextOf, refuseCodeOf, sourceOf } from './hospital-referral.rules.ts';
import { readXref01 } from './xref01.reader.ts';

const file = path.resolve(import.meta.dirname, '../../../../../refdata/medcom-oioxml/examples/edifactconverter_XREF01_REF01_1.xml');
const read = readXref01(parseXml(readXmlText(fs.readFileSync(file), { maxBytes: 1 << 20 }).text));
if (!read.ok) throw new Error(read.problem.message);
const referral = read.referral;

const staff = (roles: StaffActor['roles'], municipalityCode = '0240'): StaffActor => ({ kind: 'staff', userId: 'u', username: 'u', displayName: 'U', municipalityCode, roles, profession: 'nurse' });

describe('decideDraftAccess', () => {
  it("lets the receiving municipality's contact persons and leads review, no one else", () => {
    expect(decideDraftAccess(staff(['contact_person']), '0240')).toEqual({ allowed: true });
    expect(decideDraftAccess(staff(['municipal_lead']), '0240')).toEqual({ allowed: true });
    expect(decideDraftAccess(staff(['contact_person'], '0159'), '0240')).toEqual({ allowed: false, reason: 'other_municipality' });
    expect(decideDraftAccess(staff(['therapist']), '0240')).toEqual({ allowed: false, reason: 'role' });
    expect(decideDraftAccess(staff(['administrator']), '0240')).toEqual({ allowed: false, reason: 'role' });
    expect(decideDraftAccess({ kind: 'system', name: 'x' }, '0240')).toEqual({ allowed: false, reason: 'not_staff' });
  });
});

describe('the negative receipt code of each refusal', () => {
  it('is ukendt_lokationsnummer for an unknown receiver, syntaksfejl for XML and schema faults', () => {
    expect(refuseCodeOf('unknown_receiver')).toBe('ukendt_lokationsnummer');
    expect(refuseCodeOf('schema')).toBe('syntaksfejl');
    expect(refuseCodeOf('malformed')).toBe('syntaksfejl');
    expect(refuseCodeOf('doctype')).toBe('syntaksfejl');
    expect(refuseCodeOf('wrong_letter_type')).toBe('problem_med_version');
    expect(refuseCodeOf('several_letters')).toBe('ikke_specificeret');
  });
});

describe('prefill from a draft', () => {
  it('reads an SKS code as a cancer diagnosis only when it is one', () => {
    expect(cancerDiagnosisOf('DC509')).toBe('DC50');
    expect(cancerDiagnosisOf('dc61')).toBe('DC61');
    expect(cancerDiagnosisOf('DD059')).toBe('DD05');
    expect(cancerDiagnosisOf('DI10')).toBeNull();
    expect(cancerDiagnosisOf('DD10')).toBeNull();
    expect(cancerDiagnosisOf(null)).toBeNull();
  });

  it('takes the source from the number the sender gave of itself', () => {
    expect(sourceOf('ydernummer')).toBe('gp');
    expect(sourceOf('sygehusafdelingsnummer')).toBe('hospital_ref01');
    expect(sourceOf('sorkode')).toBe('hospital_ref01');
    expect(sourceOf('kommunenummer')).toBe('municipal');
  });

  it('prefills the refdata XREF01: the citizen, the GP as referrer, no cancer diagnosis (DI10, DE659)', () => {
    expect(prefillOf(referral, { receivedOn: '2026-11-22', referringOrganisationId: null })).toEqual({
      receivedOn: '2026-11-22',
      source: 'gp',
      referringOrganisationId: null,
      referringText: 'Lægehuset, ydernummer 079741, Hans Jensen',
      diagnosisCode: null,
      treatmentStatus: null,
      citizen: { cpr: '1502779995', givenName: 'Ruddi Test', familyName: 'Berggren', addressLine: 'Park Alle 48', postalCode: '3400', city: 'Hillerød', phone: '20222324' },
    });
  });

  it('prefills a cancer diagnosis from the letter when it has one, and keeps the referring text within 300 characters', () => {
    const withCancer = { ...referral, diagnosis: { code: 'DC509', type: 'SKSdiagnosekode', text: 'Brystkræft', description: null } };
    expect(prefillOf(withCancer, { receivedOn: '2026-11-22', referringOrganisationId: null }).diagnosisCode).toBe('DC50');
    expect(referringTextOf({ ...referral.sender, organisationName: 'x'.repeat(400) })?.length).toBe(300);
  });
});
