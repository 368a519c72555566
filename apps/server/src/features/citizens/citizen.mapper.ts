import type { Sex } from '@samkraft/contracts/common';
import type { CitizenSummary } from '@samkraft/contracts/start';

/** How a citizen is named on screen: `DDMMYY-SSSS`, or the pseudonym of a synthetic citizen. */
export function citizenIdentifier(c: { cpr: string | null; pseudonym: string | null }): string {
  if (c.cpr) return `${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`;
  return c.pseudonym ?? '';
}

export function citizenName(c: { givenName: string; familyName: string }): string {
  return `${c.givenName} ${c.familyName}`.trim();
}

/** The citizen facts a list row carries. */
export type CitizenListRecord = {
  id: string;
  cpr: string | null;
  pseudonym: string | null;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'F' | 'M';
  protected: boolean;
  vulnerable: boolean;
};

export function toCitizenSummary(c: CitizenListRecord): CitizenSummary {
  return {
    id: c.id,
    name: citizenName(c),
    identifier: citizenIdentifier(c),
    birthDate: c.birthDate,
    sex: c.sex,
    protected: c.protected,
    vulnerable: c.vulnerable,
  };
}

/** The columns a list row selects for its citizen (citizen aliased `c`), for `toCitizenListRecord`. */
export const citizenListColumns = [
  'c.id as citizen_id',
  'c.cpr',
  'c.pseudonym',
  'c.given_name',
  'c.family_name',
  'c.birth_date',
  'c.sex',
  'c.name_address_protected',
  'c.vulnerable',
] as const;

export function toCitizenListRecord(r: {
  citizen_id: string;
  cpr: string | null;
  pseudonym: string | null;
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: Sex;
  name_address_protected: boolean;
  vulnerable: boolean;
}): CitizenListRecord {
  return {
    id: r.citizen_id,
    cpr: r.cpr,
    pseudonym: r.pseudonym,
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: r.birth_date,
    sex: r.sex,
    protected: r.name_address_protected,
    vulnerable: r.vulnerable,
  };
}
