import type { Insertable } from 'kysely';
import { klLegalBases, type KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import type { DB } from '../../platform/database/schema.ts';
import { ASSESSMENT_ITEMS } from './assessment-items.data.ts';
import { CANCER_POTENTIAL, CANCER_POTENTIAL_SOURCE, CANCER_POTENTIAL_YEAR, REHAB_SHARE } from './cancer-potential.data.ts';
import { DIAGNOSES } from './diagnoses.data.ts';
import { INTERVENTIONS } from './interventions.data.ts';
import { KL_CONDITION_MAPPING, KL_INTERVENTION_MAPPING } from './kl-gateway-mapping.data.ts';
import { MEMBERS } from './members.data.ts';
import { MUNICIPALITIES } from './municipalities.data.ts';
import { DEADLINE_POLICIES, DEFAULT_CLOSING_DAYS, FLEXTUR_MEMBERS, MUNICIPALITY_TRANSPORT_FROM, TRANSPORT_RULES } from './policies.data.ts';

type Rows<T extends keyof DB> = Insertable<DB[T]>[];

/** Every row the reference seed writes, table by table: pure, and the seed's whole content. */
export type ReferenceRows = {
  municipality: Rows<'municipality'>;
  diagnosis: Rows<'diagnosis'>;
  assessment_item: Rows<'assessment_item'>;
  intervention: Rows<'intervention'>;
  intervention_dose_part: Rows<'intervention_dose_part'>;
  deadline_policy: Rows<'deadline_policy'>;
  closing_day: Rows<'closing_day'>;
  transport_rule: Rows<'transport_rule'>;
  municipality_transport: Rows<'municipality_transport'>;
  cancer_potential: Rows<'cancer_potential'>;
  kl_gateway_intervention_code: { intervention_code: string; legal_basis: KlLegalBasis; fsiii_code: string | null }[];
  kl_gateway_condition_code: { item_code: string; legal_basis: KlLegalBasis; fsiii_code: string | null }[];
};

export function referenceRows(): ReferenceRows {
  const members = new Map(MEMBERS.map((m) => [m.code, m]));
  return {
    municipality: MUNICIPALITIES.map((m) => {
      const member = members.get(m.code);
      return {
        code: m.code,
        name: m.name,
        region: m.region,
        is_member: member !== undefined,
        joined_on: member?.joinedOn ?? null,
        site_name: member?.siteName ?? null,
        site_address: member?.siteAddress ?? null,
        lat: member?.lat ?? null,
        lon: member?.lon ?? null,
      };
    }),
    diagnosis: DIAGNOSES.map((d) => ({ code: d.code, title_da: d.titleDa, title_en: d.titleEn, uncertain: d.uncertain })),
    assessment_item: ASSESSMENT_ITEMS.map((item, i) => ({ code: item.code, area: item.area, label_da: item.labelDa, label_en: item.labelEn, sort_order: (i + 1) * 10 })),
    intervention: INTERVENTIONS.map((i) => ({
      code: i.code,
      name_da: i.nameDa,
      name_en: i.nameEn,
      category: i.category,
      form: i.form,
      team_mode: i.teamMode,
      description_da: i.descriptionDa,
      purpose_da: i.purposeDa,
      target_sex: i.targetSex,
      target_min_age: i.targetMinAge,
      target_max_age: i.targetMaxAge,
      target_diagnoses: i.targetDiagnoses,
      target_treatment: null,
      target_text_da: i.targetTextDa,
      legal_bases: i.legalBases,
      professions: i.professions,
      mixed_diagnoses: i.mixedDiagnoses,
      cross_municipal: i.crossMunicipal,
      expected_per_year: i.expectedPerYear,
      cohort_follow_up_weeks: i.cohortFollowUpWeeks,
    })),
    intervention_dose_part: INTERVENTIONS.flatMap((i) =>
      i.dose.map((d) => ({
        intervention_code: i.code,
        part: d.part,
        profession: d.profession,
        sessions: d.sessions,
        up_to: d.upTo,
        per_week: d.perWeek,
        minutes: d.minutes,
      })),
    ),
    deadline_policy: DEADLINE_POLICIES.map((p) => ({ kind: p.kind, amount: p.amount, unit: p.unit, effective_from: p.effectiveFrom, source: p.source })),
    closing_day: DEFAULT_CLOSING_DAYS.map((d) => ({ municipality_code: null, recurring: true, month: d.month, day: d.day, on_date: null, label: d.label })),
    transport_rule: TRANSPORT_RULES.map((r) => ({
      effective_from: r.effectiveFrom,
      pensioner_min_dkk: r.pensionerMinDkk,
      non_pensioner_min_dkk: r.nonPensionerMinDkk,
      distance_km: r.distanceKm,
      source: r.source,
    })),
    municipality_transport: MEMBERS.map((m) => ({
      municipality_code: m.code,
      effective_from: MUNICIPALITY_TRANSPORT_FROM,
      flextur_member: FLEXTUR_MEMBERS.includes(m.code),
      service_level_da: null,
      co_payment_dkk: null,
    })),
    cancer_potential: CANCER_POTENTIAL.map((p) => ({
      municipality_code: p.code,
      year: CANCER_POTENTIAL_YEAR,
      new_cases: p.newCases,
      living_with_cancer: p.livingWithCancer,
      rehab_share: REHAB_SHARE,
      source: CANCER_POTENTIAL_SOURCE,
    })),
    kl_gateway_intervention_code: Object.entries(KL_INTERVENTION_MAPPING).flatMap(([code, pair]) => klLegalBases.map((basis) => ({ intervention_code: code, legal_basis: basis, fsiii_code: pair[basis] }))),
    kl_gateway_condition_code: Object.entries(KL_CONDITION_MAPPING).flatMap(([code, pair]) => klLegalBases.map((basis) => ({ item_code: code, legal_basis: basis, fsiii_code: pair[basis] }))),
  };
}
