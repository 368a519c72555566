import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_PERSONS } from '../../../apps/server/src/features/demo/demo-people.data.ts';
import { repoRoot } from './repo-root.ts';
import { NEW_CITIZENS } from './test-persons.ts';

type RefPerson = { identifiers: string[]; given?: string[]; family?: string; birthDate?: string };
const official = JSON.parse(fs.readFileSync(path.join(repoRoot, 'refdata/cpr/dkcore_medcom_test_patients.json'), 'utf8')) as RefPerson[];

describe('the new citizens of the browser tests', () => {
  const people = Object.values(NEW_CITIZENS);

  it('are official MedCom test persons, with their own names and birth dates', () => {
    for (const p of people) {
      const ref = official.find((r) => r.identifiers.includes(p.cpr.replace('-', '')));
      expect(ref, p.cpr).toBeDefined();
      expect([ref!.given?.join(' '), ref!.family], p.cpr).toEqual([p.givenName, p.familyName]);
      const [y, m, d] = ref!.birthDate!.split('-').map(Number);
      expect(p.bornDanish, p.cpr).toBe(`${d}. ${m}. ${y}`);
    }
  });

  it('are not in the demo, and each is used by one test only', () => {
    const demo = Object.values(TEST_PERSONS).map((p) => p.cpr);
    for (const p of people) expect(demo, p.cpr).not.toContain(p.cpr.replace('-', ''));
    expect(new Set(people.map((p) => p.cpr)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.usedBy)).size).toBe(people.length);
  });
});
