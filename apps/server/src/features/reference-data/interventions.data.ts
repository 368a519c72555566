/**
 * The intervention catalogue, first edition: every code in EXTRACT-FORMAT.md.
 * Sources: note Bilag E (target groups, doses, expected citizens a year for the six original
 * municipalities, Kræftens Bekæmpelse estimates), note Table 5 / §8.9 (Livskraft weekly for 6 weeks
 * with follow-up after 2 months; OT and diet guidance), report Bilag 1 (Puls og Styrke, GI
 * education, from 2017). Where a source gives no dose, no dose part is seeded (see SOURCES.md).
 */

type Profession = 'nurse' | 'physiotherapist' | 'occupational_therapist' | 'dietitian' | 'physician' | 'social_worker' | 'administrative' | 'other';
type LegalBasis = 'SUL119' | 'SUL140' | 'SEL86-1' | 'SEL86-2';

export type DosePartRow = { part: string; profession: Profession | null; sessions: number; upTo: boolean; perWeek: number | null; minutes: number };

export type InterventionRow = {
  code: string;
  nameDa: string;
  nameEn: string;
  category: 'physical_training' | 'interdisciplinary' | 'patient_education' | 'occupational_therapy' | 'diet' | 'other' | 'individual';
  form: 'team' | 'individual' | 'team_or_individual';
  teamMode: 'rolling' | 'cohort' | null;
  descriptionDa: string | null;
  purposeDa: string | null;
  targetSex: 'F' | 'M' | null;
  targetMinAge: number | null;
  targetMaxAge: number | null;
  /** ICD-10 prefixes (SKS form); null = all diagnoses. */
  targetDiagnoses: string[] | null;
  targetTextDa: string;
  legalBases: LegalBasis[];
  professions: Profession[];
  mixedDiagnoses: boolean;
  crossMunicipal: boolean;
  expectedPerYear: number | null;
  cohortFollowUpWeeks: number | null;
  dose: DosePartRow[];
};

const ALL_BASES: LegalBasis[] = ['SUL140', 'SUL119', 'SEL86-1', 'SEL86-2'];
const HEALTH_BASES: LegalBasis[] = ['SUL140', 'SUL119'];

function range(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);
}

/** Head and neck cancer (hoved-hals-kræft): lip, oral cavity, pharynx; nasal cavity, sinuses, larynx. */
export const HEAD_NECK_CODES = [...range('DC', 0, 14), ...range('DC', 30, 32)];
/** Gastro-intestinal cancer (mave-tarmkræft): digestive organs. */
export const GI_CODES = range('DC', 15, 26);

const training29 = (perWeek: number): DosePartRow[] => [
  { part: 'training', profession: 'physiotherapist', sessions: 29, upTo: false, perWeek, minutes: 60 },
];
const hhkDose: DosePartRow[] = [
  { part: 'ot', profession: 'occupational_therapist', sessions: 30, upTo: true, perWeek: null, minutes: 60 },
  { part: 'pt', profession: 'physiotherapist', sessions: 15, upTo: true, perWeek: null, minutes: 60 },
  { part: 'diet', profession: 'dietitian', sessions: 5, upTo: true, perWeek: null, minutes: 60 },
];

const base = {
  descriptionDa: null,
  purposeDa: null,
  targetSex: null,
  targetMinAge: null,
  targetMaxAge: null,
  targetDiagnoses: null,
  mixedDiagnoses: false,
  crossMunicipal: true,
  expectedPerYear: null,
  cohortFollowUpWeeks: null,
  dose: [],
} satisfies Partial<InterventionRow>;

const GENERAL_TRAINING_DA = 'Almen fysioterapeutisk træning på hold, tilpasset den enkelte borger og tilrettelagt efter de fremmødtes formåen.';
const GENERAL_PURPOSE_DA = 'Opnå det bedst mulige funktionsniveau i den givne situation.';

export const INTERVENTIONS: readonly InterventionRow[] = [
  { ...base, code: 'mixed_training', nameDa: 'Fysisk træning, blandede diagnoser', nameEn: 'Physical training, mixed diagnoses', category: 'physical_training', form: 'team', teamMode: 'rolling', descriptionDa: GENERAL_TRAINING_DA, purposeDa: GENERAL_PURPOSE_DA, targetTextDa: 'Mænd og kvinder, alle diagnoser', legalBases: ALL_BASES, professions: ['physiotherapist'], mixedDiagnoses: true, crossMunicipal: false, expectedPerYear: 677, dose: training29(2) },
  { ...base, code: 'puls_styrke', nameDa: 'Puls og Styrke', nameEn: 'Pulse and Strength', category: 'physical_training', form: 'team', teamMode: 'rolling', descriptionDa: 'Konditions- og styrketræning på hold for borgere med blandede diagnoser (fra 2017).', purposeDa: GENERAL_PURPOSE_DA, targetTextDa: 'Mænd og kvinder, alle diagnoser', legalBases: ALL_BASES, professions: ['physiotherapist'] },
  { ...base, code: 'men_training', nameDa: 'Træning for mænd', nameEn: 'Training for men', category: 'physical_training', form: 'team', teamMode: 'rolling', descriptionDa: GENERAL_TRAINING_DA, purposeDa: GENERAL_PURPOSE_DA, targetSex: 'M', targetTextDa: 'Mænd, alle diagnoser', legalBases: ALL_BASES, professions: ['physiotherapist'], expectedPerYear: 344, dose: training29(2) },
  { ...base, code: 'prostate_pelvic_floor', nameDa: 'Bækkenbundstræning for mænd med prostatakræft', nameEn: 'Pelvic-floor training, prostate cancer', category: 'physical_training', form: 'team', teamMode: 'rolling', descriptionDa: 'Fysioterapeutisk træning med fokus på at styrke bækkenbundsmuskulaturen og opnå kontrol over blærens og tarmens tømning.', purposeDa: 'Opnå kontinens eller forbedre inkontinens.', targetSex: 'M', targetDiagnoses: ['DC61'], targetTextDa: 'Mænd med prostatakræft', legalBases: ALL_BASES, professions: ['physiotherapist'], expectedPerYear: 72, dose: training29(1) },
  { ...base, code: 'breast_training', nameDa: 'Træning for brystopererede kvinder', nameEn: 'Training after breast surgery (women)', category: 'physical_training', form: 'team', teamMode: 'rolling', descriptionDa: 'Fysioterapeutisk træning med fokus på bevægelighed, stabilitet og muskelstyrke over den opererede skulder.', purposeDa: 'Genoprette bevægeligheden i skulderen, styrke de påvirkede muskler og give redskaber til at hjælpe lymfevæsken væk fra armen.', targetSex: 'F', targetDiagnoses: ['DC50'], targetTextDa: 'Kvinder, opereret for brystkræft', legalBases: ALL_BASES, professions: ['physiotherapist'], expectedPerYear: 100, dose: training29(2) },
  { ...base, code: 'breast_men_individual', nameDa: 'Brystopererede mænd, individuel træning', nameEn: 'Training after breast surgery (men), individual', category: 'physical_training', form: 'individual', teamMode: null, targetSex: 'M', targetDiagnoses: ['DC50'], targetTextDa: 'Mænd, opereret for brystkræft', legalBases: ALL_BASES, professions: ['physiotherapist'] },
  { ...base, code: 'young_training', nameDa: 'Fysisk træning for unge under 40', nameEn: 'Physical training, young people under 40', category: 'physical_training', form: 'team', teamMode: 'rolling', descriptionDa: GENERAL_TRAINING_DA, purposeDa: 'Opnå det bedst mulige funktionsniveau i den givne situation; møde jævnaldrende i samme situation.', targetMaxAge: 39, targetTextDa: 'Unge under 40 år, alle diagnoser', legalBases: ALL_BASES, professions: ['physiotherapist'], expectedPerYear: 34, dose: training29(2) },
  { ...base, code: 'lung', nameDa: 'Tværfaglig indsats for borgere med lungekræft', nameEn: 'Interdisciplinary programme, lung cancer', category: 'interdisciplinary', form: 'team_or_individual', teamMode: 'rolling', descriptionDa: 'Instruktion i vejrtrækningsteknikker og hoste-/stødeteknikker, udspænding af nakke-skulderområdet og fysisk træning.', purposeDa: 'Give tryghed ved at blive forpustet og oplevelsen af kontrol over vejrtrækningen tilbage.', targetDiagnoses: ['DC34', 'DC33'], targetTextDa: 'Borgere med lungekræft', legalBases: ALL_BASES, professions: ['physiotherapist', 'occupational_therapist'], expectedPerYear: 86 },
  { ...base, code: 'brain', nameDa: 'Tværfaglig indsats for borgere med hjernekræft', nameEn: 'Interdisciplinary programme, brain cancer', category: 'interdisciplinary', form: 'team_or_individual', teamMode: 'rolling', descriptionDa: 'Under udvikling (note Bilag E); videnscenter for hjernekræft i Ballerup fra 2017.', targetDiagnoses: ['DC71'], targetTextDa: 'Borgere med hjernekræft', legalBases: ALL_BASES, professions: ['occupational_therapist', 'physiotherapist'], expectedPerYear: 17 },
  { ...base, code: 'hhk_cross', nameDa: 'Tværkommunalt tilbud, hoved-hals-kræft', nameEn: 'Head and neck cancer, cross-municipal', category: 'interdisciplinary', form: 'team_or_individual', teamMode: 'rolling', descriptionDa: 'Ergoterapeutisk vejledning i daglige aktiviteter, kost-/diætvejledning og fysioterapeutisk manuel behandling.', purposeDa: 'Opnå det bedst mulige funktionsniveau i forhold til at spise, drikke og kommunikere.', targetDiagnoses: HEAD_NECK_CODES, targetTextDa: 'Borgere med hoved-halskræft', legalBases: HEALTH_BASES, professions: ['occupational_therapist', 'physiotherapist', 'dietitian'], expectedPerYear: 49, dose: hhkDose },
  { ...base, code: 'hhk_home', nameDa: 'Hjemkommunalt tilbud, hoved-hals-kræft', nameEn: 'Head and neck cancer, home municipality', category: 'interdisciplinary', form: 'team_or_individual', teamMode: 'rolling', descriptionDa: 'Som det tværkommunale tilbud, givet i hjemkommunen (rapport Bilag 1).', purposeDa: 'Opnå det bedst mulige funktionsniveau i forhold til at spise, drikke og kommunikere.', targetDiagnoses: HEAD_NECK_CODES, targetTextDa: 'Borgere med hoved-halskræft', legalBases: HEALTH_BASES, professions: ['occupational_therapist', 'physiotherapist', 'dietitian'], crossMunicipal: false, dose: hhkDose },
  { ...base, code: 'livskraft', nameDa: 'Livskraft – hverdagen med kræft', nameEn: 'Livskraft – everyday life with cancer (patient education)', category: 'patient_education', form: 'team', teamMode: 'cohort', descriptionDa: 'Patientundervisning om centrale emner for hverdagen efter en kræftdiagnose: 1 gang om ugen i 6 uger med opfølgning efter 2 måneder.', purposeDa: 'Opnå kompetencer til at fungere i hverdagen; danne netværk.', targetTextDa: 'Alle diagnoser', legalBases: ['SUL119'], professions: ['nurse', 'physiotherapist', 'occupational_therapist', 'dietitian'], expectedPerYear: 677, cohortFollowUpWeeks: 8, dose: [{ part: 'teaching', profession: null, sessions: 7, upTo: false, perWeek: 1, minutes: 150 }] },
  { ...base, code: 'gi_education', nameDa: 'Undervisning for borgere med mave-tarmkræft', nameEn: 'Education, gastro-intestinal cancer', category: 'patient_education', form: 'team', teamMode: 'cohort', descriptionDa: 'Undervisning for borgere med mave-/tarmkræft (fra 2017, rapport Bilag 1).', targetDiagnoses: GI_CODES, targetTextDa: 'Borgere med mave-tarmkræft', legalBases: ['SUL119'], professions: ['dietitian', 'nurse'] },
  { ...base, code: 'memory', nameDa: 'Hukommelsestræning', nameEn: 'Memory training', category: 'other', form: 'team', teamMode: 'cohort', descriptionDa: 'Kursus med viden, redskaber og strategier til hverdagslivet med hukommelses- og koncentrationsbesvær (under udvikling).', purposeDa: 'Opnå viden, redskaber og strategier til at håndtere hukommelses- og koncentrationsbesvær.', targetTextDa: 'Borgere med besvær med at huske, koncentrere sig eller multitaske efter kræft', legalBases: ['SUL119', 'SEL86-1', 'SEL86-2'], professions: ['occupational_therapist'], expectedPerYear: 677 },
  { ...base, code: 'mindfulness', nameDa: 'Mindfulness', nameEn: 'Mindfulness', category: 'other', form: 'team', teamMode: 'cohort', descriptionDa: 'Introduktion til øvelserne fra Mindfulness-Based Stress Reduction: opmærksomhedsøvelser, guidede meditationer og lette yogaøvelser.', purposeDa: 'Større nærvær og øget bevidsthed om egne måder at reagere på.', targetTextDa: 'Alle diagnoser', legalBases: ['SUL119'], professions: ['nurse', 'physiotherapist'], expectedPerYear: 677 },
  { ...base, code: 'relaxation', nameDa: 'Afspænding', nameEn: 'Relaxation', category: 'other', form: 'team', teamMode: 'cohort', descriptionDa: 'Kursus med fokus på afspænding.', purposeDa: 'Mindske trætheden og styrke kroppen.', targetTextDa: 'Alle diagnoser', legalBases: ['SUL119'], professions: ['physiotherapist'], expectedPerYear: 677 },
  { ...base, code: 'individual', nameDa: 'Individuel indsats', nameEn: 'Individual programme', category: 'individual', form: 'individual', teamMode: null, descriptionDa: 'Individuel træning eller vejledning i hjemkommunen, fx når et hold endnu ikke er muligt.', targetTextDa: 'Efter individuel vurdering', legalBases: ALL_BASES, professions: ['physiotherapist', 'occupational_therapist'], crossMunicipal: false },
  { ...base, code: 'ot_guidance', nameDa: 'Ergoterapeutisk vejledning', nameEn: 'Occupational-therapy guidance', category: 'occupational_therapy', form: 'individual', teamMode: null, descriptionDa: 'Individuel vejledning en eller flere gange om ugen med fokus på håndtering af hverdagslivet med en kræftsygdom.', targetTextDa: 'Alle diagnoser', legalBases: ALL_BASES, professions: ['occupational_therapist'] },
  { ...base, code: 'diet', nameDa: 'Kostvejledning', nameEn: 'Dietary advice', category: 'diet', form: 'team_or_individual', teamMode: 'cohort', descriptionDa: 'Individuel kost-/diætvejledning en eller flere gange om ugen, eller holdundervisning om kost og ernæring.', targetTextDa: 'Borgere med ernæringsmæssige problemstillinger efter kræft', legalBases: HEALTH_BASES, professions: ['dietitian'] },
];
