import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  klCancellationTypes,
  klCarePlanCategories,
  klConditionCodes,
  klDeliveryTypes,
  klEncounterClasses,
  klGgopCategories,
  klInterventionCodes,
  klServiceRequestStatusReasons,
  klServiceTypes,
  klSystems,
  type KlCode,
} from './kl-gateway-codes.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type Listed = { system?: string; codes: { code: string; display: string; rule?: string }[] };
const source = JSON.parse(fs.readFileSync(path.join(repoRoot, 'refdata/fhir/kl-gateway/kl_gateway_codes.json'), 'utf8')) as {
  systems: Record<string, unknown>;
  s140: Record<string, Listed>;
  s119: Record<string, Listed>;
  shared: Record<string, Listed | { kl_codes: Listed; v3_ActEncounterCode: Listed }>;
};

/** The refdata list whose key starts with `prefix`. */
function listOf(section: Record<string, unknown>, prefix: string): Listed {
  const key = Object.keys(section).find((k) => k.startsWith(prefix));
  const value = key === undefined ? undefined : section[key];
  if (!value || typeof value !== 'object' || !('codes' in value)) throw new Error(`no list ${prefix}`);
  return value as Listed;
}
const pairs = (codes: readonly KlCode[]) => codes.map((c) => [c.code, c.display]).sort();
const listed = (l: Listed) => l.codes.map((c) => [c.code, c.display]).sort();

describe('the KL Gateway code lists', () => {
  it('use the code systems of the refdata list', () => {
    expect(source.systems).toMatchObject({
      'CareSocialCodes (KL common codes)': klSystems.careSocial,
      FSIII: klSystems.fsiii,
      'SKS diagnoses (SKS-D)': klSystems.sksD,
      'HL7 v3 ActCode (encounter class)': klSystems.actCode,
      'local level-3 interventions': klSystems.localInterventions,
    });
  });

  it('hold every §140 and §119 intervention with its invariant rule on basedOn', () => {
    for (const [basis, section] of [['SUL140', source.s140], ['SUL119', source.s119]] as const) {
      const list = listOf(section, 'interventions');
      expect(pairs(klInterventionCodes[basis])).toEqual(listed(list));
      for (const c of list.codes) {
        const rule = c.rule === undefined ? 'optional' : c.rule.includes('required') ? 'required' : 'absent';
        expect(klInterventionCodes[basis].find((k) => k.code === c.code)?.basedOn, c.display).toBe(rule);
      }
    }
  });

  it('hold every §140 and §119 condition', () => {
    expect(pairs(klConditionCodes.SUL140)).toEqual(listed(listOf(source.s140, 'conditions')));
    expect(pairs(klConditionCodes.SUL119)).toEqual(listed(listOf(source.s119, 'conditions')));
  });

  it('hold the service types, GGOP categories, status reasons, care plan categories, cancellation and delivery types', () => {
    expect(pairs([klServiceTypes.SUL140])).toEqual(listed(listOf(source.s140, 'service_type')));
    expect(pairs([klServiceTypes.SUL119])).toEqual(listed(listOf(source.s119, 'service_type')));
    expect(pairs(Object.values(klGgopCategories))).toEqual(listed(listOf(source.s140, 'ggop_categories')));
    expect(pairs(Object.values(klServiceRequestStatusReasons))).toEqual(listed(listOf(source.s140, 'servicerequest_status_reasons')));
    expect(pairs(Object.values(klCarePlanCategories.SUL140))).toEqual(listed(listOf(source.s140, 'careplan_categories')));
    expect(pairs(Object.values(klCarePlanCategories.SUL119))).toEqual(listed(listOf(source.s119, 'careplan_categories')));
    expect(pairs(Object.values(klCancellationTypes))).toEqual(listed(listOf(source.shared, 'careplan_activity_status_reasons')));
    expect(pairs(Object.values(klDeliveryTypes))).toEqual(listed(listOf(source.shared, 'delivery_types')));
  });

  it('take encounter classes from the value set (the two KL codes and v3 ActEncounterCode)', () => {
    const key = Object.keys(source.shared).find((k) => k.startsWith('encounter_classes')) ?? '';
    const classes = source.shared[key] as { kl_codes: Listed; v3_ActEncounterCode: Listed };
    const allowed = new Set([...classes.kl_codes.codes, ...classes.v3_ActEncounterCode.codes].map((c) => c.code));
    for (const c of Object.values(klEncounterClasses)) expect(allowed.has(c.code), c.display).toBe(true);
  });
});
