/**
 * The must-use rule (note §8.13): where a citizen's need is covered by a cross-municipal
 * intervention routed to the home municipality, the home municipality does not set up a parallel
 * home offer unless it records why — except physical training for mixed diagnoses, which the
 * note lets every municipality keep at home.
 */

export type MustUseIntervention = { code: string; category: string; mixedDiagnoses: boolean };

export type MustUseDecision =
  | { allowed: true; because: 'not_routed' | 'mixed_diagnoses_training' | 'reason_recorded' }
  | { allowed: false; blocked: true; code: 'reason_required' };

export function checkMustUse(o: { intervention: MustUseIntervention; routedCrossMunicipal: boolean; reason: string | null | undefined }): MustUseDecision {
  if (!o.routedCrossMunicipal) return { allowed: true, because: 'not_routed' };
  if (o.intervention.mixedDiagnoses && o.intervention.category === 'physical_training') return { allowed: true, because: 'mixed_diagnoses_training' };
  if (o.reason !== null && o.reason !== undefined && o.reason.trim().length > 0) return { allowed: true, because: 'reason_recorded' };
  return { allowed: false, blocked: true, code: 'reason_required' };
}
