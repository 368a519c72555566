/**
 * The identifiers of Danish health organisations as value objects: their FHIR systems (DK-core,
 * refdata/fhir/dk-core-codes/dk_core_identifier_systems.json) and their checks. Pure rules, shared
 * by the server (the authority, and the MedCom messages) and the web (the forms).
 */

/** The identifier systems Samkraft reads and writes (DK-core 3.x). */
export const identifierSystem = {
  cpr: 'urn:oid:1.2.208.176.1.2',
  xEcpr: 'urn:oid:1.2.208.176.1.6.1.1',
  sor: 'urn:oid:1.2.208.176.1.1',
  /** GLN as DK-core 3.5.0 and later fix it (corrected after terminology.hl7.org's NamingSystem-GLN). */
  gln: 'http://www.gs1.org/gln',
  /** GLN as DK-core up to 3.4.0 fixes it — and MedCom's CareCommunication test bundles carry it. */
  glnBefore350: 'https://www.gs1.org/gln',
  cvr: 'http://cvr.dk',
  ydernummer: 'urn:oid:1.2.208.176.1.4',
  municipality: 'http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes',
} as const;

/** D-eCPR: the national OID and its five regional ones. */
export const dEcprSystems = [
  'urn:oid:1.2.208.176.1.6.1.3',
  'urn:oid:1.2.208.176.1.6.1.3.177',
  'urn:oid:1.2.208.176.1.6.1.3.179',
  'urn:oid:1.2.208.176.1.6.1.3.181',
  'urn:oid:1.2.208.176.1.6.1.3.183',
  'urn:oid:1.2.208.176.1.6.1.3.187',
] as const;

/** Is `system` a GLN system? Both spellings are accepted on the way in. */
export const isGlnSystem = (system: string | undefined): boolean => system === identifierSystem.gln || system === identifierSystem.glnBefore350;

export type IdentifierCheck = { ok: true; value: string } | { ok: false; code: 'format' | 'check_digit'; message: string };

const digitsOf = (value: string) => [...value].map(Number);

/** GS1 modulus 10: weights 3,1,3,1… from the right over the first 12 digits. */
export function glnCheckDigit(first12: string): number {
  const sum = digitsOf(first12).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** A GLN (EAN location number): 13 digits, the last the GS1 check digit of the first 12. */
export function checkGln(input: string): IdentifierCheck {
  const value = input.trim();
  if (!/^\d{13}$/.test(value)) return { ok: false, code: 'format', message: 'must be a GLN (EAN location number) of 13 digits' };
  if (glnCheckDigit(value.slice(0, 12)) !== Number(value[12])) return { ok: false, code: 'check_digit', message: 'is not a GLN: its check digit is wrong' };
  return { ok: true, value };
}

/** A CVR number: 8 digits, not starting with 0, whose modulus-11 sum (weights 2,7,6,5,4,3,2,1) is 0. */
export function checkCvr(input: string): IdentifierCheck {
  const value = input.trim();
  if (!/^[1-9]\d{7}$/.test(value)) return { ok: false, code: 'format', message: 'must be a CVR number of 8 digits' };
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = digitsOf(value).reduce((acc, d, i) => acc + d * (weights[i] ?? 0), 0);
  if (sum % 11 !== 0) return { ok: false, code: 'check_digit', message: 'is not a CVR number: its modulus-11 check fails' };
  return { ok: true, value };
}

/** A SOR id: at least 11 digits (DK-core `dk-core-sor-identifier`), at most 18 (SNOMED-style ids). */
export function checkSor(input: string): IdentifierCheck {
  const value = input.trim();
  if (!/^\d{11,18}$/.test(value)) return { ok: false, code: 'format', message: 'must be a SOR code of 11 to 18 digits' };
  return { ok: true, value };
}

/** A municipality code as DK-core writes it: four digits (`0159`); whether it exists is reference data. */
export function checkMunicipalityCode(input: string): IdentifierCheck {
  const value = input.trim();
  if (!/^\d{4}$/.test(value)) return { ok: false, code: 'format', message: 'must be a municipality code of 4 digits' };
  return { ok: true, value };
}
