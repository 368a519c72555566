import { sql } from 'kysely';
import type { GoalStatus } from '@samkraft/contracts/plans';
import type { Db } from '../../platform/database/database.ts';

/** Serialises writes to one course, so two saves cannot take the same version number. */
export async function lockCourse(db: Db, courseId: string): Promise<void> {
  await db.selectFrom('course').select('id').where('id', '=', courseId).forUpdate().execute();
}

export async function nextPlanVersion(db: Db, courseId: string): Promise<number> {
  const r = await db.selectFrom('action_plan').select((eb) => eb.fn.max('version').as('max')).where('course_id', '=', courseId).executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

export type NewPlan = {
  courseId: string;
  version: number;
  agreedOn: string;
  difficultiesAndNeeds: string;
  purposeAndContent: string;
  location: string;
  otherAdministrations: string;
  returnToWork: string | null;
  evaluationOn: string;
  evaluationBy: string;
  firstFollowUpOn: string;
  revisionReason: string | null;
  createdBy: string | null;
  responsibilities: { part: string; responsible: string }[];
  goals: { description: string; targetOn: string | null; status: GoalStatus }[];
};

export async function insertPlan(db: Db, p: NewPlan): Promise<string> {
  const row = await db
    .insertInto('action_plan')
    .values({
      course_id: p.courseId,
      version: p.version,
      agreed_on: p.agreedOn,
      difficulties_and_needs: p.difficultiesAndNeeds,
      purpose_and_content: p.purposeAndContent,
      location: p.location,
      other_administrations: p.otherAdministrations,
      return_to_work: p.returnToWork,
      evaluation_on: p.evaluationOn,
      evaluation_by: p.evaluationBy,
      first_follow_up_on: p.firstFollowUpOn,
      revision_reason: p.revisionReason,
      created_by: p.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('action_plan_responsibility')
    .values(p.responsibilities.map((r, i) => ({ action_plan_id: row.id, ordinal: i + 1, part: r.part, responsible: r.responsible })))
    .execute();
  await db
    .insertInto('plan_goal')
    .values(p.goals.map((g, i) => ({ action_plan_id: row.id, ordinal: i + 1, description: g.description, target_on: g.targetOn, status: g.status })))
    .execute();
  return row.id;
}

export type PlanVersionRecord = { version: number; agreedOn: string; revisionReason: string | null; createdBy: string | null; createdAt: string };

export async function listPlanVersions(db: Db, courseId: string): Promise<PlanVersionRecord[]> {
  const rows = await db
    .selectFrom('action_plan as p')
    .leftJoin('staff_user as s', 's.id', 'p.created_by')
    .select(['p.version', 'p.agreed_on', 'p.revision_reason', 's.display_name', 'p.created_at'])
    .where('p.course_id', '=', courseId)
    .orderBy('p.version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, agreedOn: r.agreed_on, revisionReason: r.revision_reason, createdBy: r.display_name, createdAt: new Date(r.created_at).toISOString() }));
}

export type PlanRecord = {
  id: string;
  courseId: string;
  version: number;
  agreedOn: string;
  difficultiesAndNeeds: string;
  purposeAndContent: string;
  location: string;
  responsibilities: { part: string; responsible: string }[];
  otherAdministrations: string | null;
  returnToWork: string | null;
  evaluationOn: string | null;
  evaluationBy: string | null;
  firstFollowUpOn: string;
  goals: PlanGoalRecord[];
  revisionReason: string | null;
  createdBy: string | null;
  createdAt: string;
};

export type PlanGoalRecord = { id: string; ordinal: number; description: string; targetOn: string | null; status: GoalStatus; statusRecordedOn: string | null };

/**
 * A plan version's goals with each one's latest judged status (follow-up or closing), else the
 * status the version was saved with.
 */
export async function listPlanGoals(db: Db, actionPlanId: string): Promise<PlanGoalRecord[]> {
  const rows = await db
    .selectFrom('plan_goal as g')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('plan_goal_status as s')
          .select(['s.status', 's.recorded_on'])
          .whereRef('s.plan_goal_id', '=', 'g.id')
          .orderBy('s.recorded_on', 'desc')
          .orderBy('s.recorded_at', 'desc')
          .limit(1)
          .as('latest'),
      (j) => j.on(sql<boolean>`true`),
    )
    .select(['g.id', 'g.ordinal', 'g.description', 'g.target_on', 'g.status', 'latest.status as latest_status', 'latest.recorded_on'])
    .where('g.action_plan_id', '=', actionPlanId)
    .orderBy('g.ordinal')
    .execute();
  return rows.map((g) => ({
    id: g.id,
    ordinal: g.ordinal,
    description: g.description,
    targetOn: g.target_on,
    status: g.latest_status ?? g.status,
    statusRecordedOn: g.recorded_on,
  }));
}

/** The ids of the goals of the course's latest plan version. */
export async function listCurrentGoalIds(db: Db, courseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_goal as g')
    .select('g.id')
    .where('g.action_plan_id', '=', (eb) => eb.selectFrom('action_plan').select('id').where('course_id', '=', courseId).orderBy('version', 'desc').limit(1))
    .execute();
  return rows.map((r) => r.id);
}

export type GoalStatusEntry = {
  goalId: string;
  status: GoalStatus;
  occasion: 'follow_up' | 'closing';
  followUpId: string | null;
  closingConversationId: string | null;
  recordedOn: string;
  recordedBy: string | null;
  at: Date;
};

export async function insertGoalStatuses(db: Db, entries: GoalStatusEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('plan_goal_status')
    .values(
      entries.map((e) => ({
        plan_goal_id: e.goalId,
        status: e.status,
        occasion: e.occasion,
        follow_up_id: e.followUpId,
        closing_conversation_id: e.closingConversationId,
        recorded_on: e.recordedOn,
        recorded_by: e.recordedBy,
        recorded_at: e.at,
      })),
    )
    .execute();
}

export async function findPlan(db: Db, courseId: string, version: number): Promise<PlanRecord | undefined> {
  const p = await db
    .selectFrom('action_plan as p')
    .leftJoin('staff_user as s', 's.id', 'p.created_by')
    .selectAll('p')
    .select('s.display_name')
    .where('p.course_id', '=', courseId)
    .where('p.version', '=', version)
    .executeTakeFirst();
  if (!p) return undefined;
  const responsibilities = await db
    .selectFrom('action_plan_responsibility')
    .select(['part', 'responsible'])
    .where('action_plan_id', '=', p.id)
    .orderBy('ordinal')
    .execute();
  const goals = await listPlanGoals(db, p.id);
  return {
    id: p.id,
    courseId: p.course_id,
    version: p.version,
    agreedOn: p.agreed_on,
    difficultiesAndNeeds: p.difficulties_and_needs,
    purposeAndContent: p.purpose_and_content,
    location: p.location,
    responsibilities,
    otherAdministrations: p.other_administrations,
    returnToWork: p.return_to_work,
    evaluationOn: p.evaluation_on,
    evaluationBy: p.evaluation_by,
    firstFollowUpOn: p.first_follow_up_on,
    goals,
    revisionReason: p.revision_reason,
    createdBy: p.display_name,
    createdAt: new Date(p.created_at).toISOString(),
  };
}

export type PlanLetterFacts = {
  citizenName: string;
  municipalityName: string;
  contactPersonName: string | null;
  contactPersonEmail: string | null;
  contactPersonPhone: string | null;
  /** The home municipality's rehabilitation unit, printed when the contact person has no phone. */
  unitPhone: string | null;
};

/** Names for the citizen's copy: who the citizen is, the home municipality, the contact person. */
export async function findPlanLetterFacts(db: Db, courseId: string): Promise<PlanLetterFacts | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .innerJoin('municipality as m', 'm.code', 'r.home_municipality_code')
    .leftJoin('course_assignment as a', (j) => j.onRef('a.course_id', '=', 'k.id').on('a.ended_at', 'is', null))
    .leftJoin('staff_user as s', 's.id', 'a.staff_user_id')
    .select(['c.given_name', 'c.family_name', 'm.name as municipality_name', 'm.unit_phone', 's.display_name', 's.email', 's.phone'])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  return (
    r && {
      citizenName: `${r.given_name} ${r.family_name}`,
      municipalityName: r.municipality_name,
      contactPersonName: r.display_name,
      contactPersonEmail: r.email,
      contactPersonPhone: r.phone,
      unitPhone: r.unit_phone,
    }
  );
}
