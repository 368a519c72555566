/**
 * Items of the needs-assessment and preparation form "Støtte til livet med kræft".
 *
 * STAND-IN, to be replaced by the official items. The official form (developed in Region
 * Hovedstaden, note §8.9 and Bilag H) is not public in the sources we have. This list is a reasoned
 * one: the seven areas the note asks the assessment to cover (physical, psychological, social and
 * existential consequences, practical everyday life, work and economy, relatives — note §8.6,
 * Table 5, Bilag H) with the problems the note's interventions answer (fatigue, reduced physical
 * function, pain, eating and swallowing, breathlessness, memory and concentration, incontinence,
 * lymphoedema, anxiety, return to work). Items are data: deactivate (`active = false`) rather than
 * delete when the official list arrives, since recorded assessments refer to these codes.
 */

export type AssessmentArea = 'physical' | 'psychological' | 'social' | 'practical' | 'existential' | 'work_economy' | 'relatives';

export type AssessmentItemRow = { code: string; area: AssessmentArea; labelDa: string; labelEn: string };

export const ASSESSMENT_ITEMS: readonly AssessmentItemRow[] = [
  { code: 'physical.fatigue', area: 'physical', labelDa: 'Træthed og manglende energi', labelEn: 'Fatigue and lack of energy' },
  { code: 'physical.function', area: 'physical', labelDa: 'Nedsat fysisk funktion, styrke eller kondition', labelEn: 'Reduced physical function, strength or fitness' },
  { code: 'physical.pain', area: 'physical', labelDa: 'Smerter', labelEn: 'Pain' },
  { code: 'physical.eating', area: 'physical', labelDa: 'Appetit, vægt, at spise og synke', labelEn: 'Appetite, weight, eating and swallowing' },
  { code: 'physical.breathing', area: 'physical', labelDa: 'Åndenød', labelEn: 'Breathlessness' },
  { code: 'physical.continence', area: 'physical', labelDa: 'Vandladning, afføring eller inkontinens', labelEn: 'Bladder, bowel or incontinence' },
  { code: 'physical.lymphoedema', area: 'physical', labelDa: 'Hævelse (lymfødem) eller nedsat bevægelighed i arm og skulder', labelEn: 'Swelling (lymphoedema) or reduced movement in arm and shoulder' },
  { code: 'physical.sleep', area: 'physical', labelDa: 'Søvn', labelEn: 'Sleep' },
  { code: 'physical.sexuality', area: 'physical', labelDa: 'Seksualitet og krop', labelEn: 'Sexuality and body' },
  { code: 'psychological.worry', area: 'psychological', labelDa: 'Bekymring, angst eller uro', labelEn: 'Worry, anxiety or restlessness' },
  { code: 'psychological.mood', area: 'psychological', labelDa: 'Nedtrykthed eller tristhed', labelEn: 'Low mood or sadness' },
  { code: 'psychological.memory', area: 'psychological', labelDa: 'Hukommelse og koncentration', labelEn: 'Memory and concentration' },
  { code: 'psychological.recurrence', area: 'psychological', labelDa: 'Frygt for tilbagefald', labelEn: 'Fear of recurrence' },
  { code: 'social.network', area: 'social', labelDa: 'Netværk, ensomhed og isolation', labelEn: 'Network, loneliness and isolation' },
  { code: 'social.communication', area: 'social', labelDa: 'At tale og kommunikere med andre', labelEn: 'Speaking and communicating with others' },
  { code: 'social.leisure', area: 'social', labelDa: 'Fritidsliv og fællesskaber', labelEn: 'Leisure and communities' },
  { code: 'practical.daily_activities', area: 'practical', labelDa: 'Daglige gøremål i hjemmet', labelEn: 'Daily tasks at home' },
  { code: 'practical.personal_care', area: 'practical', labelDa: 'Personlig pleje', labelEn: 'Personal care' },
  { code: 'practical.transport', area: 'practical', labelDa: 'Transport til og fra aktiviteter', labelEn: 'Transport to and from activities' },
  { code: 'existential.meaning', area: 'existential', labelDa: 'Mening og livsmod', labelEn: 'Meaning and will to live' },
  { code: 'existential.faith', area: 'existential', labelDa: 'Tro, tvivl og eksistentielle spørgsmål', labelEn: 'Faith, doubt and existential questions' },
  { code: 'existential.identity', area: 'existential', labelDa: 'Identitet og forandret selvbillede', labelEn: 'Identity and changed self-image' },
  { code: 'work_economy.return_to_work', area: 'work_economy', labelDa: 'Arbejde, uddannelse og tilbagevenden til arbejde', labelEn: 'Work, education and return to work' },
  { code: 'work_economy.finances', area: 'work_economy', labelDa: 'Økonomi', labelEn: 'Finances' },
  { code: 'work_economy.authorities', area: 'work_economy', labelDa: 'Kontakt til myndigheder og sagsbehandling', labelEn: 'Dealing with authorities and casework' },
  { code: 'relatives.strain', area: 'relatives', labelDa: 'Pårørendes belastning og behov for støtte', labelEn: 'Strain on relatives and their need for support' },
  { code: 'relatives.children', area: 'relatives', labelDa: 'Børn og unge i familien', labelEn: 'Children and young people in the family' },
  { code: 'relatives.relationship', area: 'relatives', labelDa: 'Parforhold og familieliv', labelEn: 'Relationship and family life' },
];
