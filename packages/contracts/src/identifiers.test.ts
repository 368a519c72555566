import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCvr, checkGln, checkMunicipalityCode, checkSor, identifierSystem, isGlnSystem } from './identifiers.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type SystemNote = { system: string; regex?: string; system_before_3_5_0?: string; name: string };
const note = JSON.parse(fs.readFileSync(path.join(repoRoot, 'refdata/fhir/dk-core-codes/dk_core_identifier_systems.json'), 'utf8')) as {
  identifier_systems: SystemNote[];
  municipality_codes: { system: string; codes: { code: string }[] };
};
const bySystem = (system: string) => note.identifier_systems.find((s) => s.system === system);

// The GLNs and SOR ids of MedCom's CareCommunication test bundles (refdata/fhir/medcom/carecommunication).
const MEDCOM_GLNS = ['5790000120314', '5790000121526', '5790000121786', '5790000209354', '5790001348120', '5790001353308', '5790001387419', '5790001987244', '5790002408496', '5790002631818'];
const MEDCOM_SORS = ['1017421000016003', '227871000016001', '265161000016000', '451000016003', '953741000016009'];

describe('identifier systems', () => {
  it('are DK-core’s, GLN in both spellings', () => {
    for (const key of ['cpr', 'xEcpr', 'sor', 'gln', 'cvr', 'ydernummer'] as const) expect(bySystem(identifierSystem[key]), key).toBeDefined();
    expect(bySystem(identifierSystem.gln)?.system_before_3_5_0).toBe(identifierSystem.glnBefore350);
    expect(note.municipality_codes.system).toBe(identifierSystem.municipality);
    expect(isGlnSystem('https://www.gs1.org/gln') && isGlnSystem('http://www.gs1.org/gln')).toBe(true);
    expect(isGlnSystem('urn:oid:1.2.208.176.1.1')).toBe(false);
  });
});

describe('GLN (EAN location number)', () => {
  it('accepts every GLN of MedCom’s test messages, and matches DK-core’s pattern', () => {
    const pattern = new RegExp(bySystem(identifierSystem.gln)?.regex ?? '^$');
    for (const gln of MEDCOM_GLNS) {
      expect(checkGln(gln), gln).toEqual({ ok: true, value: gln });
      expect(pattern.test(gln)).toBe(true);
    }
  });

  it('refuses a wrong check digit and a wrong length, saying which', () => {
    expect(checkGln('5790000120315')).toMatchObject({ ok: false, code: 'check_digit' });
    expect(checkGln('579000012031')).toMatchObject({ ok: false, code: 'format' });
    expect(checkGln('57900001203x4')).toMatchObject({ ok: false, code: 'format' });
    expect(checkGln(' 5790000120314 ')).toEqual({ ok: true, value: '5790000120314' });
  });
});

describe('CVR number', () => {
  it('accepts numbers whose modulus-11 sum is 0 (the Danish Health Data Authority, Gladsaxe Kommune)', () => {
    expect(checkCvr('33257872')).toEqual({ ok: true, value: '33257872' });
    expect(checkCvr('62761113')).toEqual({ ok: true, value: '62761113' });
  });

  it('refuses a failing check, a leading zero and a wrong length', () => {
    expect(checkCvr('33257873')).toMatchObject({ ok: false, code: 'check_digit' });
    expect(checkCvr('03257872')).toMatchObject({ ok: false, code: 'format' });
    expect(checkCvr('3325787')).toMatchObject({ ok: false, code: 'format' });
  });
});

describe('SOR id and municipality code', () => {
  it('accepts MedCom’s SOR ids, as DK-core’s pattern does, and refuses short ones', () => {
    const pattern = new RegExp(bySystem(identifierSystem.sor)?.regex ?? '^$');
    for (const sor of MEDCOM_SORS) {
      expect(checkSor(sor)).toEqual({ ok: true, value: sor });
      expect(pattern.test(sor)).toBe(true);
    }
    expect(checkSor('1234567890')).toMatchObject({ ok: false, code: 'format' });
  });

  it('takes every code of DK-core’s municipality code system', () => {
    for (const { code } of note.municipality_codes.codes) expect(checkMunicipalityCode(code).ok, code).toBe(true);
    expect(checkMunicipalityCode('159')).toMatchObject({ ok: false, code: 'format' });
  });
});
