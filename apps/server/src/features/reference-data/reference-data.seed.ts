import type { Db } from '../../platform/database/database.ts';
import { ASSESSMENT_ITEMS } from './assessment-items.data.ts';
import { CANCER_POTENTIAL, CANCER_POTENTIAL_SOURCE, CANCER_POTENTIAL_YEAR, REHAB_SHARE } from './cancer-potential.data.ts';
import { DIAGNOSES } from './diagnoses.data.ts';
import { INTERVENTIONS } from './interventions.data.ts';
import { MEMBERS } from './members.data.ts';
import { MUNICIPALITIES } from './municipalities.data.ts';
import {
  DEADLINE_POLICIES,
  DEFAULT_CLOSING_DAYS,
  FLEXTUR_MEMBERS,
  MUNICIPALITY_TRANSPORT_FROM,
  TRANSPORT_RULES,
} from './policies.data.ts';

/**
 * Seeds what every installation needs, idempotently. The rule: authority data (municipality names
 * and regions, diagnosis titles) is refreshed on every run; everything an installation may
 * configure (membership, catalogue, deadlines, closing days, transport) is only inserted when
 * missing, so a re-seed never overwrites a local decision.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedMunicipalities(trx);
    await trx
      .insertInto('diagnosis')
      .values(DIAGNOSES.map((d) => ({ code: d.code, title_da: d.titleDa, title_en: d.titleEn, uncertain: d.uncertain })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          title_da: eb.ref('excluded.title_da'),
          title_en: eb.ref('excluded.title_en'),
          uncertain: eb.ref('excluded.uncertain'),
        })),
      )
      .execute();
    await trx
      .insertInto('assessment_item')
      .values(ASSESSMENT_ITEMS.map((item, i) => ({ code: item.code, area: item.area, label_da: item.labelDa, label_en: item.labelEn, sort_order: (i + 1) * 10 })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await seedCatalogue(trx);
    await seedPolicies(trx);
    await trx
      .insertInto('cancer_potential')
      .values(CANCER_POTENTIAL.map((p) => ({ municipality_code: p.code, year: CANCER_POTENTIAL_YEAR, new_cases: p.newCases, living_with_cancer: p.livingWithCancer, rehab_share: REHAB_SHARE, source: CANCER_POTENTIAL_SOURCE })))
      .onConflict((oc) => oc.columns(['municipality_code', 'year']).doNothing())
      .execute();
  });
}

async function seedMunicipalities(db: Db): Promise<void> {
  const members = new Map(MEMBERS.map((m) => [m.code, m]));
  await db
    .insertInto('municipality')
    .values(
      MUNICIPALITIES.map((m) => {
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
    )
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), region: eb.ref('excluded.region') })))
    .execute();
}

async function seedCatalogue(db: Db): Promise<void> {
  await db
    .insertInto('intervention')
    .values(
      INTERVENTIONS.map((i) => ({
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
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const doseParts = INTERVENTIONS.flatMap((i) =>
    i.dose.map((d) => ({
      intervention_code: i.code,
      part: d.part,
      profession: d.profession,
      sessions: d.sessions,
      up_to: d.upTo,
      per_week: d.perWeek,
      minutes: d.minutes,
    })),
  );
  await db
    .insertInto('intervention_dose_part')
    .values(doseParts)
    .onConflict((oc) => oc.columns(['intervention_code', 'part']).doNothing())
    .execute();
}

async function seedPolicies(db: Db): Promise<void> {
  await db
    .insertInto('deadline_policy')
    .values(DEADLINE_POLICIES.map((p) => ({ kind: p.kind, amount: p.amount, unit: p.unit, effective_from: p.effectiveFrom, source: p.source })))
    .onConflict((oc) => oc.columns(['kind', 'effective_from']).doNothing())
    .execute();
  // The unique indexes on closing_day are partial expression indexes; a target-less
  // "do nothing" is the portable way to skip rows that exist.
  await db
    .insertInto('closing_day')
    .values(DEFAULT_CLOSING_DAYS.map((d) => ({ municipality_code: null, recurring: true, month: d.month, day: d.day, on_date: null, label: d.label })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('transport_rule')
    .values(
      TRANSPORT_RULES.map((r) => ({
        effective_from: r.effectiveFrom,
        pensioner_min_dkk: r.pensionerMinDkk,
        non_pensioner_min_dkk: r.nonPensionerMinDkk,
        distance_km: r.distanceKm,
        source: r.source,
      })),
    )
    .onConflict((oc) => oc.column('effective_from').doNothing())
    .execute();
  await db
    .insertInto('municipality_transport')
    .values(
      MEMBERS.map((m) => ({
        municipality_code: m.code,
        effective_from: MUNICIPALITY_TRANSPORT_FROM,
        flextur_member: FLEXTUR_MEMBERS.includes(m.code),
        service_level_da: null,
        co_payment_dkk: null,
      })),
    )
    .onConflict((oc) => oc.columns(['municipality_code', 'effective_from']).doNothing())
    .execute();
}
