import type { InterventionDetail, InterventionFields } from '@samkraft/contracts/catalogue';

type Num = number | '';

type DoseProfession = NonNullable<InterventionFields['dose'][number]['profession']>;

export type DoseRowState = { part: string; profession: DoseProfession | ''; sessions: Num; upTo: boolean; perWeek: Num; minutes: Num };

/** The editor's state: what the inputs hold (empty strings for "not set"), not yet the API's shape. */
export type InterventionFormState = {
  code: string;
  nameDa: string;
  nameEn: string;
  category: InterventionFields['category'];
  form: InterventionFields['form'];
  teamMode: '' | 'rolling' | 'cohort';
  descriptionDa: string;
  purposeDa: string;
  targetSex: '' | 'F' | 'M';
  targetMinAge: Num;
  targetMaxAge: Num;
  targetDiagnoses: string;
  targetTreatment: NonNullable<InterventionFields['targetTreatment']>;
  targetTextDa: string;
  legalBases: InterventionFields['legalBases'];
  professions: InterventionFields['professions'];
  mixedDiagnoses: boolean;
  crossMunicipal: boolean;
  expectedPerYear: Num;
  cohortFollowUpWeeks: Num;
  active: boolean;
  dose: DoseRowState[];
};

export const emptyDoseRow: DoseRowState = { part: '', profession: '', sessions: '', upTo: false, perWeek: '', minutes: '' };

export function toFormState(d: InterventionDetail | null): InterventionFormState {
  if (d === null) {
    return {
      code: '', nameDa: '', nameEn: '', category: 'physical_training', form: 'team', teamMode: 'rolling', descriptionDa: '', purposeDa: '',
      targetSex: '', targetMinAge: '', targetMaxAge: '', targetDiagnoses: '', targetTreatment: [], targetTextDa: '', legalBases: ['SUL119'],
      professions: [], mixedDiagnoses: false, crossMunicipal: true, expectedPerYear: '', cohortFollowUpWeeks: '', active: true, dose: [],
    };
  }
  const n = (v: number | null): Num => (v === null ? '' : v);
  return {
    code: d.code,
    nameDa: d.nameDa,
    nameEn: d.nameEn,
    category: d.category,
    form: d.form,
    teamMode: d.teamMode ?? '',
    descriptionDa: d.descriptionDa ?? '',
    purposeDa: d.purposeDa ?? '',
    targetSex: d.targetSex ?? '',
    targetMinAge: n(d.targetMinAge),
    targetMaxAge: n(d.targetMaxAge),
    targetDiagnoses: (d.targetDiagnoses ?? []).join(', '),
    targetTreatment: d.targetTreatment ?? [],
    targetTextDa: d.targetTextDa ?? '',
    legalBases: d.legalBases,
    professions: d.professions,
    mixedDiagnoses: d.mixedDiagnoses,
    crossMunicipal: d.crossMunicipal,
    expectedPerYear: n(d.expectedPerYear),
    cohortFollowUpWeeks: n(d.cohortFollowUpWeeks),
    active: d.active,
    dose: d.dose.map((p) => ({ part: p.part, profession: p.profession ?? '', sessions: p.sessions, upTo: p.upTo, perWeek: n(p.perWeek), minutes: p.minutes })),
  };
}

/** "DC50, dc34 DC01" → ['DC50', 'DC34', 'DC01']; nothing written means all diagnoses (null). */
export function parseDiagnosisList(text: string): string[] | null {
  const codes = text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
  return codes.length === 0 ? null : codes;
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
const numOrNull = (v: Num): number | null => (v === '' ? null : v);

/**
 * The request body. An empty required number is sent as 0 so the server names the field (at
 * least 1); "no treatment status ticked" means any status, as in the catalogue's data.
 */
export function toBody(s: InterventionFormState): InterventionFields {
  return {
    nameDa: s.nameDa.trim(),
    nameEn: s.nameEn.trim(),
    category: s.category,
    form: s.form,
    teamMode: s.teamMode === '' ? null : s.teamMode,
    descriptionDa: orNull(s.descriptionDa),
    purposeDa: orNull(s.purposeDa),
    targetSex: s.targetSex === '' ? null : s.targetSex,
    targetMinAge: numOrNull(s.targetMinAge),
    targetMaxAge: numOrNull(s.targetMaxAge),
    targetDiagnoses: parseDiagnosisList(s.targetDiagnoses),
    targetTreatment: s.targetTreatment.length === 0 ? null : s.targetTreatment,
    targetTextDa: orNull(s.targetTextDa),
    legalBases: s.legalBases,
    professions: s.professions,
    mixedDiagnoses: s.mixedDiagnoses,
    crossMunicipal: s.crossMunicipal,
    expectedPerYear: numOrNull(s.expectedPerYear),
    cohortFollowUpWeeks: s.teamMode === 'cohort' ? numOrNull(s.cohortFollowUpWeeks) : null,
    active: s.active,
    dose: s.dose.map((d) => ({
      part: d.part.trim(),
      profession: d.profession === '' ? null : d.profession,
      sessions: d.sessions === '' ? 0 : d.sessions,
      upTo: d.upTo,
      perWeek: numOrNull(d.perWeek),
      minutes: d.minutes === '' ? 0 : d.minutes,
    })),
  };
}

/** The first server error of a field or of any of its items (`targetDiagnoses[2]` shows on the list's input). */
export function errorOf(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field] !== undefined) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}[`) || k.startsWith(`${field}.`));
  return key === undefined ? undefined : errors[key];
}
