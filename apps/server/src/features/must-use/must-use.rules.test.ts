import { describe, expect, it } from 'vitest';
import { checkMustUse } from './must-use.rules.ts';

const breastTraining = { code: 'breast_training', category: 'physical_training', mixedDiagnoses: false };
const mixedTraining = { code: 'mixed_training', category: 'physical_training', mixedDiagnoses: true };
const mixedEducation = { code: 'mixed_education', category: 'patient_education', mixedDiagnoses: true };

describe('checkMustUse (note §8.13)', () => {
  it.each([
    { what: 'blocks a parallel home offer without a reason', intervention: breastTraining, routed: true, reason: null, expected: { allowed: false, blocked: true, code: 'reason_required' } },
    { what: 'blocks a blank reason', intervention: breastTraining, routed: true, reason: '   ', expected: { allowed: false, blocked: true, code: 'reason_required' } },
    { what: 'allows it with a recorded reason', intervention: breastTraining, routed: true, reason: 'Borgeren kan ikke tåle transport', expected: { allowed: true, because: 'reason_recorded' } },
    { what: 'always allows mixed-diagnosis physical training at home', intervention: mixedTraining, routed: true, reason: null, expected: { allowed: true, because: 'mixed_diagnoses_training' } },
    { what: 'does not extend the exception to other mixed-diagnosis interventions', intervention: mixedEducation, routed: true, reason: undefined, expected: { allowed: false, blocked: true, code: 'reason_required' } },
    { what: 'allows a home offer when nothing is routed across municipalities', intervention: breastTraining, routed: false, reason: null, expected: { allowed: true, because: 'not_routed' } },
  ])('$what', ({ intervention, routed, reason, expected }) => {
    expect(checkMustUse({ intervention, routedCrossMunicipal: routed, reason })).toEqual(expected);
  });
});
