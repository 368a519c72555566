import type { OrganisationDetail, OrganisationFields, OrganisationKind } from '@samkraft/contracts/organisations';

/** The form as typed: every field a string; the kind decides which are shown and sent. */
export type OrganisationForm = {
  kind: OrganisationKind;
  name: string;
  parentId: string;
  sorCode: string;
  gln: string;
  cvr: string;
  ydernummer: string;
  municipalityCode: string;
  address: string;
  phone: string;
};

export const emptyOrganisationForm = (): OrganisationForm => ({
  kind: 'gp_clinic',
  name: '',
  parentId: '',
  sorCode: '',
  gln: '',
  cvr: '',
  ydernummer: '',
  municipalityCode: '',
  address: '',
  phone: '',
});

export function formOf(o: OrganisationDetail): OrganisationForm {
  return {
    kind: o.kind,
    name: o.name,
    parentId: o.parent?.id ?? '',
    sorCode: o.sorCode ?? '',
    gln: o.gln ?? '',
    cvr: o.cvr ?? '',
    ydernummer: o.ydernummer ?? '',
    municipalityCode: o.municipality?.code ?? '',
    address: o.address ?? '',
    phone: o.phone ?? '',
  };
}

/** Only a hospital department has a hospital; only a GP clinic a ydernummer. */
export const showsParent = (kind: OrganisationKind): boolean => kind === 'hospital_department';
export const showsYdernummer = (kind: OrganisationKind): boolean => kind === 'gp_clinic';

/** The body the server takes: blanks are null, and a field the kind does not show is not sent. */
export function toOrganisationFields(f: OrganisationForm): OrganisationFields {
  const opt = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    kind: f.kind,
    name: f.name.trim(),
    parentId: showsParent(f.kind) ? opt(f.parentId) : null,
    sorCode: opt(f.sorCode),
    gln: opt(f.gln),
    cvr: opt(f.cvr),
    ydernummer: showsYdernummer(f.kind) ? opt(f.ydernummer) : null,
    municipalityCode: opt(f.municipalityCode),
    address: opt(f.address),
    phone: opt(f.phone),
  };
}

/** The form's fields top to bottom (the error summary's order). */
export const organisationFieldOrder = ['kind', 'name', 'parentId', 'sorCode', 'gln', 'cvr', 'ydernummer', 'municipalityCode', 'address', 'phone'] as const;
export type OrganisationField = (typeof organisationFieldOrder)[number];
export const isOrganisationField = (field: string): field is OrganisationField => (organisationFieldOrder as readonly string[]).includes(field);
