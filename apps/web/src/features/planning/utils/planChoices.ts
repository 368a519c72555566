/** The nine municipalities of the collaboration (report, 2017). */
export const NINE_CODES: readonly string[] = ['0151', '0240', '0190', '0157', '0159', '0163', '0173', '0230', '0175'];

/** Interventions the planner can place or count (catalogue codes with note Table 4 figures, and the 2017 hosts without). */
export const PLAN_INTERVENTIONS: readonly { code: string; nameDa: string }[] = [
  { code: 'mixed_training', nameDa: 'Fysisk træning, blandede diagnoser' },
  { code: 'men_training', nameDa: 'Træning for mænd' },
  { code: 'prostate_pelvic_floor', nameDa: 'Bækkenbundstræning, prostatakræft' },
  { code: 'breast_training', nameDa: 'Træning for brystopererede kvinder' },
  { code: 'young_training', nameDa: 'Fysisk træning for unge under 40' },
  { code: 'lung', nameDa: 'Tværfaglig indsats, lungekræft' },
  { code: 'brain', nameDa: 'Tværfaglig indsats, hjernekræft' },
  { code: 'hhk_cross', nameDa: 'Tværkommunalt tilbud, hoved-hals-kræft' },
  { code: 'livskraft', nameDa: 'Livskraft – hverdagen med kræft' },
  { code: 'memory', nameDa: 'Hukommelsestræning' },
  { code: 'mindfulness', nameDa: 'Mindfulness' },
  { code: 'relaxation', nameDa: 'Afspænding' },
  { code: 'puls_styrke', nameDa: 'Puls og Styrke' },
  { code: 'gi_education', nameDa: 'Undervisning, mave-tarmkræft' },
];

/** The planner's default choice: the interventions with a Table 4 figure that the 2017 hosting places. */
export const DEFAULT_PLAN_INTERVENTIONS: readonly string[] = ['mixed_training', 'men_training', 'prostate_pelvic_floor', 'breast_training', 'lung', 'brain', 'hhk_cross', 'livskraft'];

/** All 98 municipality codes, from the map's outlines (loaded only when the whole country is chosen). */
export async function allMunicipalityCodes(): Promise<string[]> {
  const m = await import('../map/municipalities.simplified.json');
  return Object.keys((m.default as { rings: Record<string, unknown> }).rings).sort();
}
