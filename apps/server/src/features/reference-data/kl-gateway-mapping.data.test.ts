import { describe, expect, it } from 'vitest';
import { klInterventionCode } from '@samkraft/contracts/kl-gateway-codes';
import { ASSESSMENT_ITEMS } from './assessment-items.data.ts';
import { INTERVENTIONS } from './interventions.data.ts';
import { KL_CONDITION_MAPPING, KL_INTERVENTION_MAPPING } from './kl-gateway-mapping.data.ts';

describe('the first KL Gateway mapping', () => {
  it('decides every catalogue intervention and every assessment item, for both bases', () => {
    expect(Object.keys(KL_INTERVENTION_MAPPING).sort()).toEqual(INTERVENTIONS.map((i) => i.code).sort());
    expect(Object.keys(KL_CONDITION_MAPPING).sort()).toEqual(ASSESSMENT_ITEMS.map((i) => i.code).sort());
  });

  it('gives catalogue interventions only codes that may be part of a forløb (the invariants)', () => {
    for (const [code, pair] of Object.entries(KL_INTERVENTION_MAPPING)) {
      if (pair.SUL140) expect(klInterventionCode('SUL140', pair.SUL140)?.basedOn, code).not.toBe('absent');
      if (pair.SUL119) expect(klInterventionCode('SUL119', pair.SUL119)?.basedOn, code).not.toBe('absent');
    }
  });
});
