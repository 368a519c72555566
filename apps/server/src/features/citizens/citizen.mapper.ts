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
