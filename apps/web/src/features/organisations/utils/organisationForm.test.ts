import { describe, expect, it } from 'vitest';
import { emptyOrganisationForm, formOf, toOrganisationFields } from './organisationForm.ts';

describe('toOrganisationFields', () => {
  it('sends blanks as null and trims what is typed', () => {
    expect(toOrganisationFields({ ...emptyOrganisationForm(), name: ' Lægehuset ', gln: ' 5790001348120 ', ydernummer: '079741' })).toEqual({
      kind: 'gp_clinic',
      name: 'Lægehuset',
      parentId: null,
      sorCode: null,
      gln: '5790001348120',
      cvr: null,
      ydernummer: '079741',
      municipalityCode: null,
      address: null,
      phone: null,
    });
  });

  it('leaves out what the kind does not show: a hospital for a clinic, a ydernummer for a department', () => {
    const dept = toOrganisationFields({ ...emptyOrganisationForm(), kind: 'hospital_department', name: 'Afdeling', parentId: 'h', ydernummer: '079741' });
    expect(dept).toMatchObject({ parentId: 'h', ydernummer: null });
    expect(toOrganisationFields({ ...emptyOrganisationForm(), name: 'Klinik', parentId: 'h' })).toMatchObject({ parentId: null });
  });

  it('reads an organisation back into the form', () => {
    const form = formOf({
      id: 'x',
      kind: 'hospital_department',
      name: 'Afdeling',
      parent: { id: 'h', name: 'Hospital' },
      sorCode: '265161000016000',
      gln: '5790000209354',
      cvr: null,
      ydernummer: null,
      municipality: { code: '0163', name: 'Herlev' },
      address: null,
      phone: null,
      active: true,
      addressable: true,
    });
    expect(form).toMatchObject({ parentId: 'h', sorCode: '265161000016000', gln: '5790000209354', municipalityCode: '0163', cvr: '' });
  });
});
