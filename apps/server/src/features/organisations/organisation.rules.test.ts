import { describe, expect, it } from 'vitest';
import { checkIdentifiers, checkOrganisation, isAddressable, lookupKeyOf, organisationIdentifiers, type OrganisationFacts, type OrganisationInput } from './organisation.rules.ts';

// Identifiers from MedCom's CareCommunication test messages (refdata/fhir/medcom/carecommunication):
// "Sundhedsplejen, Aabenraa kommune" and "Arden Lægehus".
const SOR = '330461000016004';
const GLN = '5790001353308';
const OTHER_GLN = '5790001387419';
// CVR numbers of public bodies whose modulus-11 sum is 0 (packages/contracts/src/identifiers.test.ts).
const CVR = '62761113';

const clinic = (o: Partial<OrganisationInput> = {}): OrganisationInput => ({
  kind: 'gp_clinic',
  name: 'Lægehuset',
  parentId: null,
  sorCode: null,
  gln: null,
  cvr: null,
  ydernummer: null,
  municipalityCode: null,
  address: null,
  phone: null,
  ...o,
});
const facts = (o: Partial<OrganisationFacts> = {}): OrganisationFacts => ({ parentKind: undefined, municipalityKnown: true, holders: [], before: null, selfId: null, ...o });
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('checkIdentifiers (the value objects, naming their field)', () => {
  it('accepts MedCom’s SOR code and GLN and a valid CVR number', () => {
    expect(checkIdentifiers({ sorCode: SOR, gln: GLN, cvr: CVR, municipalityCode: '0159' })).toEqual([]);
  });

  it('refuses a GLN whose GS1 check digit is wrong, and one of the wrong length, saying which', () => {
    expect(codes(checkIdentifiers({ sorCode: null, gln: '5790001353309', cvr: null, municipalityCode: null }))).toEqual(['gln:gln_check_digit']);
    expect(codes(checkIdentifiers({ sorCode: null, gln: '579000135330', cvr: null, municipalityCode: null }))).toEqual(['gln:gln_format']);
  });

  it('refuses a CVR number failing modulus 11, and one with a leading zero', () => {
    expect(codes(checkIdentifiers({ sorCode: null, gln: null, cvr: '62761114', municipalityCode: null }))).toEqual(['cvr:cvr_check_digit']);
    expect(codes(checkIdentifiers({ sorCode: null, gln: null, cvr: '02761113', municipalityCode: null }))).toEqual(['cvr:cvr_format']);
  });

  it('refuses a SOR code shorter than 11 digits and a municipality code that is not 4 digits', () => {
    expect(codes(checkIdentifiers({ sorCode: '4510000160', gln: null, cvr: null, municipalityCode: '159' }))).toEqual(['sorCode:sor_format', 'municipalityCode:invalid_format']);
  });
});

describe('checkOrganisation', () => {
  it('accepts a GP clinic with ydernummer, SOR code, GLN and CVR', () => {
    expect(checkOrganisation(clinic({ ydernummer: '079741', sorCode: SOR, gln: GLN, cvr: CVR }), facts())).toEqual([]);
  });

  it('names a SOR code, GLN or ydernummer another organisation has, with its name', () => {
    const issues = checkOrganisation(clinic({ sorCode: SOR, gln: GLN, ydernummer: '079741' }), facts({ holders: [{ name: 'Sundhedsplejen', sorCode: SOR, gln: GLN, ydernummer: null }] }));
    expect(codes(issues)).toEqual(['sorCode:identifier_taken', 'gln:identifier_taken']);
    expect(issues[0]?.params).toEqual({ name: 'Sundhedsplejen' });
    expect(checkOrganisation(clinic({ gln: OTHER_GLN }), facts({ holders: [{ name: 'Sundhedsplejen', sorCode: SOR, gln: GLN, ydernummer: null }] }))).toEqual([]);
  });

  it('wants a hospital department under an active hospital, and a parent only for a department', () => {
    const dept = clinic({ kind: 'hospital_department', name: 'Onkologisk afdeling' });
    expect(codes(checkOrganisation(dept, facts()))).toEqual(['parentId:required']);
    expect(codes(checkOrganisation({ ...dept, parentId: 'p' }, facts({ parentKind: 'gp_clinic' })))).toEqual(['parentId:parent_not_hospital']);
    expect(codes(checkOrganisation({ ...dept, parentId: 'p' }, facts({ parentKind: undefined })))).toEqual(['parentId:parent_not_hospital']);
    expect(checkOrganisation({ ...dept, parentId: 'p' }, facts({ parentKind: 'hospital' }))).toEqual([]);
    expect(codes(checkOrganisation({ ...dept, kind: 'hospital', parentId: 'p' }, facts({ parentKind: 'hospital', selfId: 'x' })))).toEqual(['parentId:parent_department_only']);
    expect(codes(checkOrganisation({ ...dept, parentId: 'x' }, facts({ parentKind: 'hospital', selfId: 'x' })))).toEqual(['parentId:parent_not_hospital']);
  });

  it('wants a municipal unit’s municipality, and a municipality that exists', () => {
    expect(codes(checkOrganisation(clinic({ kind: 'municipal_unit' }), facts()))).toEqual(['municipalityCode:required']);
    expect(codes(checkOrganisation(clinic({ kind: 'municipal_unit', municipalityCode: '0411' }), facts({ municipalityKnown: false })))).toEqual(['municipalityCode:unknown_municipality']);
    expect(checkOrganisation(clinic({ kind: 'municipal_unit', municipalityCode: '0159' }), facts())).toEqual([]);
  });

  it('gives a ydernummer only to a GP clinic', () => {
    expect(codes(checkOrganisation(clinic({ kind: 'hospital', ydernummer: '079741' }), facts()))).toEqual(['ydernummer:ydernummer_gp_only']);
  });

  it('keeps a hospital with departments a hospital', () => {
    const hospital = clinic({ kind: 'hospital', name: 'Hospitalet' });
    expect(codes(checkOrganisation({ ...hospital, kind: 'other' }, facts({ before: { kind: 'hospital', hasDepartments: true } })))).toEqual(['kind:has_departments']);
    expect(checkOrganisation({ ...hospital, kind: 'other' }, facts({ before: { kind: 'hospital', hasDepartments: false } }))).toEqual([]);
  });
});

describe('messaging identifiers', () => {
  it('is addressable with both a SOR code and a GLN', () => {
    expect(isAddressable({ sorCode: SOR, gln: GLN })).toBe(true);
    expect(isAddressable({ sorCode: SOR, gln: null })).toBe(false);
    expect(isAddressable({ sorCode: null, gln: GLN })).toBe(false);
  });

  it('looks a GLN up by its digits under either GS1 system, a SOR code by its OID, and nothing else', () => {
    expect(lookupKeyOf({ system: 'https://www.gs1.org/gln', value: GLN })).toEqual({ gln: GLN });
    expect(lookupKeyOf({ system: 'http://www.gs1.org/gln', value: ` ${GLN} ` })).toEqual({ gln: GLN });
    expect(lookupKeyOf({ system: 'urn:oid:1.2.208.176.1.1', value: SOR })).toEqual({ sorCode: SOR });
    expect(lookupKeyOf({ system: 'http://cvr.dk', value: CVR })).toBeUndefined();
    expect(lookupKeyOf({ system: 'https://www.gs1.org/gln' })).toBeUndefined();
  });

  it('writes the identifiers under DK-core’s systems, the GLN under the system asked for', () => {
    const ids = organisationIdentifiers({ sorCode: SOR, gln: GLN, cvr: CVR, ydernummer: null }, 'https://www.gs1.org/gln');
    expect(ids).toEqual([
      { system: 'urn:oid:1.2.208.176.1.1', value: SOR },
      { system: 'https://www.gs1.org/gln', value: GLN },
      { system: 'http://cvr.dk', value: CVR },
    ]);
    expect(organisationIdentifiers({ sorCode: null, gln: GLN, cvr: null, ydernummer: '079741' }, 'http://www.gs1.org/gln')).toEqual([
      { system: 'http://www.gs1.org/gln', value: GLN },
      { system: 'urn:oid:1.2.208.176.1.4', value: '079741' },
    ]);
  });
});
