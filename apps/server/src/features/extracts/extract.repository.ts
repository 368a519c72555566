import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { StoredReferral } from './extract-diff.rules.ts';
import type { CitizenRef, InterventionRecord, ReferralRecord } from './extract-format.rules.ts';
import type { KnownCodes } from './extract-validate.rules.ts';

/** Ids per lookup statement. */
const CHUNK = 10_000;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Many rows in one statement with one parameter: the rows as JSON, typed by the table itself.
 * Far faster than thousands of bound parameters (on PGlite above all); columns not given keep
 * their defaults.
 */
async function insertRows(db: Db, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = sql.join(Object.keys(first).map((c) => sql.ref(c)));
  for (const part of chunks(rows, 5000)) {
    await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(part)}::json)`.execute(db);
  }
}

export async function loadKnownCodes(db: Db): Promise<KnownCodes> {
  const [m, i, d] = await Promise.all([
    db.selectFrom('municipality').select('code').execute(),
    db.selectFrom('intervention').select('code').execute(),
    db.selectFrom('diagnosis').select('code').execute(),
  ]);
  return { municipalities: new Set(m.map((r) => r.code)), interventions: new Set(i.map((r) => r.code)), diagnoses: new Set(d.map((r) => r.code)) };
}

type ReferralViewRow = {
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

type InterventionViewRow = {
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

/**
 * Every stored referral as an extract row with its intervention rows, whatever its origin: the
 * step dates are read from the step records (first reached contact, initial assessment, first
 * plan version, earliest decline, closing conversation, closing note). `ids` narrows it.
 */
export async function selectStoredReferrals(db: Db, ids?: string[]): Promise<StoredReferral[]> {
  const filter = ids ? sql`where r.id = any(${ids}::uuid[])` : sql``;
  const referrals = await sql<ReferralViewRow>`
    select r.id, r.external_id, r.home_municipality_code, r.origin, r.received_on, r.source, r.legal_basis, r.diagnosis_code,
      c.id as citizen_id, c.cpr, c.pseudonym, c.sex, c.birth_date, k.id as course_id,
      (select min(cc.contacted_on) from course_contact cc where cc.course_id = k.id and cc.reached) as first_contact,
      (select na.assessed_on from needs_assessment na where na.course_id = k.id and na.occasion = 'initial') as needs_assessed,
      (select ap.agreed_on from action_plan ap where ap.course_id = k.id order by ap.version limit 1) as action_plan,
      (select d.declined_on from decline d where d.course_id = k.id order by d.declined_on, d.recorded_at limit 1) as declined,
      (select d.reason from decline d where d.course_id = k.id order by d.declined_on, d.recorded_at limit 1) as decline_reason,
      (select cv.held_on from closing_conversation cv where cv.course_id = k.id) as closing_conversation,
      (select cn.sent_on from closing_note cn where cn.course_id = k.id) as closing_note_sent
    from referral r
    join citizen c on c.id = r.citizen_id
    left join course k on k.referral_id = r.id
    ${filter}
    order by r.id`.execute(db);
  const courseIds = referrals.rows.flatMap((r) => (r.course_id ? [r.course_id] : []));
  const byCourse = new Map<string, InterventionRecord[]>();
  for (const part of ids ? chunks(courseIds, 10_000) : [null]) {
    const where = part ? sql`where cr.course_id = any(${part}::uuid[])` : sql``;
    const rows = await sql<InterventionViewRow>`
      select cr.course_id, cr.intervention_code, cr.provider_municipality_code, cr.received_on, cr.provider_contact_on,
        coalesce(cr.deeper_assessment_on, (select min(da.assessed_on) from deeper_assessment da where da.cross_referral_id = cr.id)) as deeper_assessment_on,
        cr.started_on, cr.ended_on, cr.end_reason,
        -- Sessions attended by the one definition (migration 0010); the format needs a number
        -- with an end, so an unknown count is written as 0.
        coalesce(s.sessions_attended, case when cr.ended_on is not null then 0 end) as attendances
      from cross_referral cr
      join sessions_attended(array(select id from cross_referral cr ${where})) s on s.cross_referral_id = cr.id
      ${where}`.execute(db);
    for (const r of rows.rows) {
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
  }
  return referrals.rows.map((r) => ({
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The referrals an extract's referral_ids may mean: by the care system's id, or — for records
 * made in Samkraft, which an export names by their own id — by that id.
 */
export async function findReferralIdsByExternal(db: Db, referralIds: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const part of chunks(referralIds, 10_000)) {
    const uuids = part.filter((id) => UUID.test(id));
    const rows = await db
      .selectFrom('referral')
      .select('id')
      .where((eb) => eb.or([eb('external_id', 'in', part), ...(uuids.length ? [eb.and([eb('external_id', 'is', null), eb('id', 'in', uuids)])] : [])]))
      .execute();
    found.push(...rows.map((r) => r.id));
  }
  return found;
}

export type CitizenRow = { id: string; key: string; sex: string; birthDate: string };

export async function findCitizens(db: Db, refs: CitizenRef[]): Promise<CitizenRow[]> {
  const out: CitizenRow[] = [];
  const cprs = refs.filter((r) => r.kind === 'cpr').map((r) => r.value);
  const pseudonyms = refs.filter((r) => r.kind === 'pseudonym').map((r) => r.value);
  for (const [column, values] of [['cpr', cprs], ['pseudonym', pseudonyms]] as const) {
    for (const part of chunks(values, 10_000)) {
      const rows = await db.selectFrom('citizen').select(['id', 'cpr', 'pseudonym', 'sex', 'birth_date']).where(column, 'in', part).execute();
      out.push(...rows.map((r) => ({ id: r.id, key: r.cpr ?? r.pseudonym ?? '', sex: r.sex, birthDate: r.birth_date })));
    }
  }
  return out;
}

export type NewCitizen = { id: string; ref: CitizenRef; sex: string; birthDate: string; homeMunicipality: string };

/** Imported citizens carry no names or address: the extract has none (see 0006_extracts.sql). */
export async function insertCitizens(db: Db, citizens: NewCitizen[]): Promise<void> {
  await insertRows(
    db,
    'citizen',
    citizens.map((c) => ({
      id: c.id,
      cpr: c.ref.kind === 'cpr' ? c.ref.value : null,
      pseudonym: c.ref.kind === 'pseudonym' ? c.ref.value : null,
      is_synthetic: c.ref.kind === 'pseudonym',
      given_name: '',
      family_name: '',
      sex: c.sex,
      birth_date: c.birthDate,
      home_municipality_code: c.homeMunicipality,
    })),
  );
}

export async function updateCitizenFacts(db: Db, id: string, sex: string, birthDate: string): Promise<void> {
  await db.updateTable('citizen').set({ sex, birth_date: birthDate, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export type ReferralToStore = { referralId: string; courseId: string; citizenId: string; record: ReferralRecord };

/** An imported course is closed as completed by its closing conversation. */
const courseFacts = (r: ReferralRecord) => ({ opened_on: r.received, closed_on: r.closingConversation, close_reason: r.closingConversation ? 'completed' : null });

/** The step and intervention rows of imported courses (the course rows exist already). */
async function insertSteps(db: Db, items: ReferralToStore[]): Promise<void> {
  for (const part of chunks(items, 5000)) {
    const pick = <T>(f: (x: ReferralToStore) => T | null): T[] => part.flatMap((x) => {
      const v = f(x);
      return v === null ? [] : [v];
    });
    const contacts = pick((x) => (x.record.firstContact ? { course_id: x.courseId, contacted_on: x.record.firstContact, reached: true, origin: 'import' } : null));
    await insertRows(db, 'course_contact', contacts);
    const assessments = pick((x) => (x.record.needsAssessed ? { course_id: x.courseId, occasion: 'initial', assessed_on: x.record.needsAssessed, origin: 'import' } : null));
    await insertRows(db, 'needs_assessment', assessments);
    const plans = pick((x) => (x.record.actionPlan ? { course_id: x.courseId, version: 1, agreed_on: x.record.actionPlan, difficulties_and_needs: '', purpose_and_content: '', location: '', first_follow_up_on: x.record.actionPlan, origin: 'import' } : null));
    await insertRows(db, 'action_plan', plans);
    const declines = pick((x) =>
      x.record.declined && x.record.declineReason ? { course_id: x.courseId, declined_on: x.record.declined, reason: x.record.declineReason, origin: 'import' } : null,
    );
    await insertRows(db, 'decline', declines);
    const conversations = pick((x) => (x.record.closingConversation ? { course_id: x.courseId, held_on: x.record.closingConversation, evaluation: '', origin: 'import' } : null));
    await insertRows(db, 'closing_conversation', conversations);
    const notes = pick((x) => (x.record.closingNoteSent ? { course_id: x.courseId, sent_on: x.record.closingNoteSent, body: '', origin: 'import' } : null));
    await insertRows(db, 'closing_note', notes);
    const interventions = part.flatMap((x) =>
      x.record.interventions.map((i) => ({
        course_id: x.courseId,
        kind: i.providerMunicipality === x.record.homeMunicipality ? 'home' : 'cross_municipal',
        intervention_code: i.intervention,
        provider_municipality_code: i.providerMunicipality,
        received_on: i.referred,
        provider_contact_on: i.providerContact,
        deeper_assessment_on: i.deeperAssessment,
        started_on: i.start,
        ended_on: i.end,
        end_reason: i.endReason,
        attendances_recorded: i.attendances,
        origin: 'import',
      })),
    );
    await insertRows(db, 'cross_referral', interventions);
  }
}

/** New referrals with their courses, steps and interventions, all marked origin 'import'. */
export async function insertImportedReferrals(db: Db, items: ReferralToStore[]): Promise<void> {
  await insertRows(
    db,
    'referral',
    items.map(({ referralId, citizenId, record: r }) => ({
      id: referralId,
      citizen_id: citizenId,
      home_municipality_code: r.homeMunicipality,
      external_id: r.referralId,
      origin: 'import',
      received_on: r.received,
      source: r.source,
      legal_basis: r.legalBasis,
      diagnosis_code: r.diagnosis,
    })),
  );
  await insertRows(db, 'course', items.map(({ courseId, referralId, record }) => ({ id: courseId, referral_id: referralId, ...courseFacts(record) })));
  await insertSteps(db, items);
}

/**
 * Replaces an imported referral's facts: its own columns are updated, its imported step and
 * intervention rows are written again (rows made in Samkraft are left alone).
 */
export async function replaceImportedReferral(db: Db, item: ReferralToStore): Promise<void> {
  const r = item.record;
  await db
    .updateTable('referral')
    .set({ citizen_id: item.citizenId, received_on: r.received, source: r.source, legal_basis: r.legalBasis, diagnosis_code: r.diagnosis })
    .where('id', '=', item.referralId)
    .execute();
  await db.updateTable('course').set(courseFacts(r)).where('id', '=', item.courseId).execute();
  for (const table of ['course_contact', 'needs_assessment', 'action_plan', 'decline', 'closing_conversation', 'closing_note', 'cross_referral'] as const) {
    await db.deleteFrom(table).where('course_id', '=', item.courseId).where('origin', '=', 'import').execute();
  }
  await insertSteps(db, [item]);
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
