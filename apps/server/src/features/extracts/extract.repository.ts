import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import { insertSettingIfAbsent, readSetting } from '../../platform/settings/system-setting.repository.ts';
import type { StoredReferral } from './extract-diff.rules.ts';
import type { InterventionRecord } from './extract-format.rules.ts';
import type { KnownCodes } from './extract-validate.rules.ts';

export async function loadKnownCodes(db: Db): Promise<KnownCodes> {
  const [m, i, d] = await Promise.all([
    db.selectFrom('municipality').select('code').execute(),
    db.selectFrom('intervention').select('code').execute(),
    db.selectFrom('diagnosis').select('code').execute(),
  ]);
  return { municipalities: new Set(m.map((r) => r.code)), interventions: new Set(i.map((r) => r.code)), diagnoses: new Set(d.map((r) => r.code)) };
}

export type ReferralViewRow = {
  id: string;
  external_id: string | null;
  home_municipality_code: string;
  origin: string;
  received_on: string;
  source: string;
  legal_basis: string | null;
  diagnosis_code: string | null;
  citizen_id: string;
  cpr: string | null;
  pseudonym: string | null;
  sex: string;
  birth_date: string;
  course_id: string | null;
  first_contact: string | null;
  needs_assessed: string | null;
  action_plan: string | null;
  declined: string | null;
  decline_reason: string | null;
  closing_conversation: string | null;
  closing_note_sent: string | null;
};

export type InterventionViewRow = {
  course_id: string;
  intervention_code: string;
  provider_municipality_code: string;
  received_on: string;
  provider_contact_on: string | null;
  deeper_assessment_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  end_reason: string | null;
  attendances: number | null;
};

/** Which stored records: queries of referral ids and of their course ids (column `id` each). */
export type ChosenRecords = { referrals: RawBuilder<unknown>; courses: RawBuilder<unknown> };

/**
 * The stored referrals as extract rows, whatever their origin: the step dates are read from the
 * step records (first reached contact, initial assessment, first plan version, earliest decline,
 * closing conversation, closing note), each set-based, grouped per course. `chosen` narrows it
 * (null: every referral). The one definition of a stored record as an extract row: the export
 * writes it, an import compares against it.
 */
export function storedReferralsQuery(chosen: ChosenRecords | null): RawBuilder<ReferralViewRow> {
  const only = (column: string) => (chosen ? sql`and ${sql.ref(column)} in (select id from chosen_course)` : sql``);
  return sql<ReferralViewRow>`
    ${chosen ? sql`with chosen as not materialized (${chosen.referrals}), chosen_course as not materialized (${chosen.courses})` : sql``}
    select r.id, r.external_id, r.home_municipality_code, r.origin, r.received_on, r.source, r.legal_basis, r.diagnosis_code,
      c.id as citizen_id, c.cpr, c.pseudonym, c.sex, c.birth_date, k.id as course_id,
      fc.first_contact, na.assessed_on as needs_assessed, ap.agreed_on as action_plan, d.declined_on as declined, d.reason as decline_reason,
      cv.held_on as closing_conversation, cn.sent_on as closing_note_sent
    from referral r
    join citizen c on c.id = r.citizen_id
    left join course k on k.referral_id = r.id
    left join (
      select cc.course_id, min(cc.contacted_on) as first_contact from course_contact cc where cc.reached ${only('cc.course_id')} group by cc.course_id
    ) fc on fc.course_id = k.id
    left join needs_assessment na on na.course_id = k.id and na.occasion = 'initial'
    left join (
      select distinct on (ap.course_id) ap.course_id, ap.agreed_on from action_plan ap where true ${only('ap.course_id')} order by ap.course_id, ap.version
    ) ap on ap.course_id = k.id
    left join (
      select distinct on (d.course_id) d.course_id, d.declined_on, d.reason from decline d where true ${only('d.course_id')} order by d.course_id, d.declined_on, d.recorded_at, d.id
    ) d on d.course_id = k.id
    left join closing_conversation cv on cv.course_id = k.id
    left join closing_note cn on cn.course_id = k.id
    ${chosen ? sql`where r.id in (select id from chosen)` : sql``}`;
}

/**
 * The intervention rows of stored courses as the extract writes them; `chosen` narrows it (null:
 * every course). Sessions attended by the one
 * definition (migration 0010); the format needs a number with an end, so an unknown count is
 * written as 0.
 */
export function storedInterventionsQuery(chosen: ChosenRecords | null): RawBuilder<InterventionViewRow> {
  const only = chosen ? sql`where cr.course_id in (select id from chosen_course)` : sql``;
  return sql<InterventionViewRow>`
    ${chosen ? sql`with chosen_course as not materialized (${chosen.courses})` : sql``}
    select cr.course_id, cr.intervention_code, cr.provider_municipality_code, cr.received_on, cr.provider_contact_on,
      coalesce(cr.deeper_assessment_on, da.assessed_on) as deeper_assessment_on,
      cr.started_on, cr.ended_on, cr.end_reason,
      coalesce(s.sessions_attended, case when cr.ended_on is not null then 0 end) as attendances
    from cross_referral cr
    join sessions_attended(array(select cr.id from cross_referral cr ${only})) s on s.cross_referral_id = cr.id
    left join (
      select da.cross_referral_id, min(da.assessed_on) as assessed_on from deeper_assessment da
      ${chosen ? sql`where da.cross_referral_id in (select cr.id from cross_referral cr ${only})` : sql``}
      group by da.cross_referral_id
    ) da on da.cross_referral_id = cr.id
    ${only}`;
}

/** Every stored referral as an extract row with its intervention rows; `ids` narrows it. */
/** Which stored referrals to read: all, some by id, or those of one home municipality. */
export type StoredReferralFilter = { ids: string[] } | { homeMunicipalityCode: string } | undefined;

function chosenBy(filter: StoredReferralFilter): ChosenRecords | null {
  if (!filter) return null;
  if ('ids' in filter) return { referrals: sql`select unnest(${filter.ids}::uuid[]) as id`, courses: sql`select k.id from course k where k.referral_id = any(${filter.ids}::uuid[])` };
  const home = filter.homeMunicipalityCode;
  return {
    referrals: sql`select r.id from referral r where r.home_municipality_code = ${home}`,
    courses: sql`select k.id from course k join referral r on r.id = k.referral_id where r.home_municipality_code = ${home}`,
  };
}

export async function selectStoredReferrals(db: Db, filter?: StoredReferralFilter): Promise<StoredReferral[]> {
  const chosen = chosenBy(filter);
  const referrals = (await sql<ReferralViewRow>`${storedReferralsQuery(chosen)} order by r.id`.execute(db)).rows;
  const byCourse = new Map<string, InterventionRecord[]>();
  for (const r of (await storedInterventionsQuery(chosen).execute(db)).rows) {
    const list = byCourse.get(r.course_id) ?? [];
    list.push({
      intervention: r.intervention_code,
      providerMunicipality: r.provider_municipality_code,
      referred: r.received_on,
      providerContact: r.provider_contact_on,
      deeperAssessment: r.deeper_assessment_on,
      start: r.started_on,
      end: r.ended_on,
      attendances: r.attendances,
      endReason: r.end_reason,
    });
    byCourse.set(r.course_id, list);
  }
  return referrals.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    citizenId: r.citizen_id,
    origin: r.origin,
    record: {
      referralId: r.external_id ?? r.id,
      homeMunicipality: r.home_municipality_code,
      citizen: r.cpr ? { kind: 'cpr', value: r.cpr } : { kind: 'pseudonym', value: r.pseudonym ?? '' },
      sex: r.sex === 'M' ? 'M' : 'F',
      birthDate: r.birth_date,
      received: r.received_on,
      source: r.source,
      legalBasis: r.legal_basis,
      diagnosis: r.diagnosis_code,
      firstContact: r.first_contact,
      needsAssessed: r.needs_assessed,
      actionPlan: r.action_plan,
      declined: r.declined,
      declineReason: r.decline_reason,
      closingConversation: r.closing_conversation,
      closingNoteSent: r.closing_note_sent,
      interventions: r.course_id ? (byCourse.get(r.course_id) ?? []) : [],
    },
  }));
}

export type ImportBatch = {
  fileHash: string;
  fileNames: string[];
  format: 'csv' | 'xlsx';
  referralRows: number;
  interventionRows: number;
  created: number;
  updated: number;
  unchanged: number;
  actorUserId: string | null;
  actorLabel: string;
};

export async function insertImportBatch(db: Db, b: ImportBatch): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('extract_import')
    .values({
      id,
      file_hash: b.fileHash,
      file_names: b.fileNames,
      format: b.format,
      referral_rows: b.referralRows,
      intervention_rows: b.interventionRows,
      created_count: b.created,
      updated_count: b.updated,
      unchanged_count: b.unchanged,
      actor_user_id: b.actorUserId,
      actor_label: b.actorLabel,
    })
    .execute();
  return id;
}

const PSEUDONYM_SECRET_KEY = 'extract_pseudonym_secret';

/**
 * The installation's secret for pseudonymised extracts, made on first use (random, 32 bytes,
 * hex); it never leaves the database. Concurrent first uses agree: the first insert wins.
 */
export async function pseudonymSecret(db: Db, fresh: () => string): Promise<string> {
  await insertSettingIfAbsent(db, PSEUDONYM_SECRET_KEY, fresh());
  const value = await readSetting(db, PSEUDONYM_SECRET_KEY);
  if (value === null) throw new Error('the pseudonym secret was not stored');
  return value;
}
