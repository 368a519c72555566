import { klConditionCodes, klInterventionCodes, type KlCode, type KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';

/*
 * The first FSIII codes for the KL Gateway reports (issue 12.8; the engineering brief's proposed
 * mapping): a level-2 FSIII intervention for each catalogue intervention and an FSIII condition
 * for each needs-assessment item, per legal basis. A proposal for administrators to confirm or
 * change on the KL Gateway page: the seed only adds rows that are missing, never overwrites one.
 * `null` says "not reported under this basis": the §140 list has no diet, relaxation or
 * mindfulness; neither list has the assessment's work, economy, relatives or faith items.
 * Names, not codes, below: `code()` finds each in the basis' list and fails on a misspelling.
 */

type Pair = { SUL140: string | null; SUL119: string | null };

function code(list: Record<KlLegalBasis, readonly KlCode[]>, basis: KlLegalBasis, display: string | null): string | null {
  if (display === null) return null;
  const found = list[basis].find((c) => c.display === display);
  if (!found) throw new Error(`kl-gateway mapping: no ${basis} code "${display}"`);
  return found.code;
}
const intervention = (sul140: string | null, sul119: string | null): Pair => ({ SUL140: code(klInterventionCodes, 'SUL140', sul140), SUL119: code(klInterventionCodes, 'SUL119', sul119) });
const condition = (sul140: string | null, sul119: string | null): Pair => ({ SUL140: code(klConditionCodes, 'SUL140', sul140), SUL119: code(klConditionCodes, 'SUL119', sul119) });

const training = intervention('Fysisk træning', 'Fysisk træning');

/** Catalogue intervention code → its level-2 FSIII intervention per basis. */
export const KL_INTERVENTION_MAPPING: Readonly<Record<string, Pair>> = {
  mixed_training: training,
  puls_styrke: training,
  men_training: training,
  prostate_pelvic_floor: training,
  breast_training: training,
  breast_men_individual: training,
  young_training: training,
  lung: training,
  individual: training,
  brain: intervention('Funktionstræning', 'Færdighedstræning'),
  hhk_cross: intervention('Funktionstræning', 'Færdighedstræning'),
  hhk_home: intervention('Funktionstræning', 'Færdighedstræning'),
  ot_guidance: intervention('ADL-træning', 'Færdighedstræning'),
  livskraft: intervention('Vejledning og undervisning', 'Sygdomshåndtering'),
  gi_education: intervention('Vejledning og undervisning', 'Sygdomshåndtering'),
  memory: intervention('Kognitiv træning', 'Mental håndtering'),
  mindfulness: intervention(null, 'Mental håndtering'),
  relaxation: intervention(null, 'Mental håndtering'),
  diet: intervention(null, 'Kostvejledning'),
};

/** Needs-assessment item code → its FSIII condition per basis. */
export const KL_CONDITION_MAPPING: Readonly<Record<string, Pair>> = {
  'physical.fatigue': condition('Energi og handlekraft', null),
  'physical.function': condition('Mobilitet og bevægelse', 'Mobilitet og bevægelse'),
  'physical.pain': condition('Sanser og smerter', 'Smerte'),
  'physical.eating': condition('Spise og drikke', 'Ernæring'),
  'physical.breathing': condition('Respiration og cirkulation', 'Respiration'),
  'physical.continence': condition('Kontinens', 'Kontinens'),
  'physical.lymphoedema': condition('Bevægeapparat', 'Cirkulation'),
  'physical.sleep': condition(null, 'Søvn og hvile'),
  'physical.sexuality': condition(null, 'Kropspfattelse'),
  'psychological.worry': condition(null, 'Trivsel'),
  'psychological.mood': condition(null, 'Trivsel'),
  'psychological.memory': condition('Hukommelse', 'Kognitiv funktion'),
  'psychological.recurrence': condition(null, 'Trivsel'),
  'social.network': condition(null, 'Sociale relationer'),
  'social.communication': condition('Kommunikation', 'Sociale relationer'),
  'social.leisure': condition(null, 'Sociale relationer'),
  'practical.daily_activities': condition('Lave husligt arbejde', 'Daglige aktiviteter'),
  'practical.personal_care': condition('Personlig pleje', 'Daglige aktiviteter'),
  'practical.transport': condition(null, null),
  'existential.meaning': condition(null, 'Trivsel'),
  'existential.faith': condition(null, null),
  'existential.identity': condition(null, 'Kropspfattelse'),
  'work_economy.return_to_work': condition(null, null),
  'work_economy.finances': condition(null, null),
  'work_economy.authorities': condition(null, null),
  'relatives.strain': condition(null, null),
  'relatives.children': condition(null, null),
  'relatives.relationship': condition(null, null),
};
