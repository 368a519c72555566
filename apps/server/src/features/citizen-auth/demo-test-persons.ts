import { createHash } from 'node:crypto';
import testPatients from '../../../../../refdata/cpr/dkcore_medcom_test_patients.json' with { type: 'json' };

/** One of the official test persons the demo identity provider lets a developer sign in as. */
export type DemoTestPerson = { sub: string; cpr: string; givenName: string; familyName: string; birthDate: string };

type RefPatient = { systems?: string[]; identifiers?: string[]; given?: string[]; family?: string | null; birthDate?: string };

const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';

/**
 * The subject the demo provider gives a person: a pseudonym of the CPR (as a broker's `sub` is
 * its own identifier, never the CPR), stable across restarts.
 */
export function demoSubject(cpr: string): string {
  return createHash('sha256').update(`samkraft-demo-idp:${cpr}`).digest('hex').slice(0, 32);
}

/**
 * The official MedCom/HL7 DK test persons (refdata/cpr/dkcore_medcom_test_patients.json) with a
 * CPR number and a name — no one else can sign in at the demo provider. Each CPR once.
 */
export function demoTestPersons(): DemoTestPerson[] {
  const seen = new Set<string>();
  const persons: DemoTestPerson[] = [];
  for (const p of testPatients as RefPatient[]) {
    const cpr = p.identifiers?.[0];
    if (!cpr || !p.systems?.includes(CPR_SYSTEM) || !/^[0-9]{10}$/.test(cpr) || seen.has(cpr)) continue;
    if (!p.family || !p.given?.length || !p.birthDate) continue;
    seen.add(cpr);
    persons.push({ sub: demoSubject(cpr), cpr, givenName: p.given.join(' '), familyName: p.family, birthDate: p.birthDate });
  }
  return persons.sort((a, b) => a.familyName.localeCompare(b.familyName, 'da') || a.givenName.localeCompare(b.givenName, 'da'));
}
