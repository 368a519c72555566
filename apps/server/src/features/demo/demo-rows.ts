import type { Db } from '../../platform/database/database.ts';
import { insertNeedsAssessmentProblemsInBulk, insertNeedsAssessmentsInBulk } from '../assessments/assessments.bulk.ts';
import { insertStaffRolesInBulk, insertStaffUsersInBulk } from '../auth/auth.bulk.ts';
import { insertOfferingsInBulk, insertRoutingsInBulk } from '../catalogue/catalogue.bulk.ts';
import { insertCitizensInBulk } from '../citizens/citizens.bulk.ts';
import { insertClosingConversationsInBulk, insertClosingNotesInBulk } from '../closings/closings.bulk.ts';
import { closeCourses } from '../courses/course-lifecycle.service.ts';
import type { CloseReason } from '../courses/course.types.ts';
import { insertCourseAssignmentsInBulk, insertCourseContactsInBulk, insertCoursesInBulk } from '../courses/courses.bulk.ts';
import { insertCrossReferralsInBulk, insertDeclinesInBulk } from '../cross-referrals/cross-referrals.bulk.ts';
import { insertFollowUpsInBulk } from '../follow-ups/follow-ups.bulk.ts';
import { insertOrganisationsInBulk } from '../organisations/organisations.bulk.ts';
import { insertActionPlanResponsibilitiesInBulk, insertActionPlansInBulk, insertPlanGoalsInBulk } from '../plans/plans.bulk.ts';
import { insertDeeperAssessmentTestsInBulk, insertDeeperAssessmentsInBulk, insertProviderGoalsInBulk } from '../provider-inbox/provider-inbox.bulk.ts';
import { insertReferralsInBulk } from '../referrals/referrals.bulk.ts';
import { insertStatusNotesInBulk } from '../status-notes/status-notes.bulk.ts';
import { insertAttendancesInBulk, insertEnrolmentsInBulk, insertTeamSchedulesInBulk, insertTeamSessionsInBulk, insertTeamsInBulk } from '../teams/teams.bulk.ts';

/** The row type an owner's bulk write takes as values. */
type RowOf<W extends (db: Db, source: never) => Promise<number>> = Extract<Parameters<W>[1], { rows: unknown }>['rows'][number];

/**
 * Every row of the demo, by table, with ids made in advance (randomUUID) so rows can refer to each
 * other before anything is written; `writeDemoRows` hands each table to its owner in one call.
 * All rows of a table set the same keys (bulk-write.ts): a column some rows leave null is null in
 * all of them, and a column left to its default is in none.
 */
export type DemoRows = {
  organisations: RowOf<typeof insertOrganisationsInBulk>[];
  staffUsers: RowOf<typeof insertStaffUsersInBulk>[];
  staffRoles: RowOf<typeof insertStaffRolesInBulk>[];
  offerings: RowOf<typeof insertOfferingsInBulk>[];
  routings: RowOf<typeof insertRoutingsInBulk>[];
  teams: RowOf<typeof insertTeamsInBulk>[];
  teamSchedules: RowOf<typeof insertTeamSchedulesInBulk>[];
  teamSessions: RowOf<typeof insertTeamSessionsInBulk>[];
  citizens: RowOf<typeof insertCitizensInBulk>[];
  referrals: RowOf<typeof insertReferralsInBulk>[];
  courses: RowOf<typeof insertCoursesInBulk>[];
  courseAssignments: RowOf<typeof insertCourseAssignmentsInBulk>[];
  courseContacts: RowOf<typeof insertCourseContactsInBulk>[];
  needsAssessments: RowOf<typeof insertNeedsAssessmentsInBulk>[];
  needsAssessmentProblems: RowOf<typeof insertNeedsAssessmentProblemsInBulk>[];
  actionPlans: RowOf<typeof insertActionPlansInBulk>[];
  planGoals: RowOf<typeof insertPlanGoalsInBulk>[];
  actionPlanResponsibilities: RowOf<typeof insertActionPlanResponsibilitiesInBulk>[];
  declines: RowOf<typeof insertDeclinesInBulk>[];
  crossReferrals: RowOf<typeof insertCrossReferralsInBulk>[];
  deeperAssessments: RowOf<typeof insertDeeperAssessmentsInBulk>[];
  deeperAssessmentTests: RowOf<typeof insertDeeperAssessmentTestsInBulk>[];
  providerGoals: RowOf<typeof insertProviderGoalsInBulk>[];
  enrolments: RowOf<typeof insertEnrolmentsInBulk>[];
  attendances: RowOf<typeof insertAttendancesInBulk>[];
  statusNotes: RowOf<typeof insertStatusNotesInBulk>[];
  /** Follow-ups held, with who recorded them and when. */
  followUpsHeld: RowOf<typeof insertFollowUpsInBulk>[];
  /** Follow-ups only planned: recorded_at keeps its default (the seed's transaction time). */
  followUpsPlanned: RowOf<typeof insertFollowUpsInBulk>[];
  closingConversations: RowOf<typeof insertClosingConversationsInBulk>[];
  closingNotes: RowOf<typeof insertClosingNotesInBulk>[];
  /** Courses to close once their rows are in, through the courses feature. */
  closings: { courseId: string; closedOn: string; reason: CloseReason }[];
};

export function emptyDemoRows(): DemoRows {
  return {
    organisations: [],
    staffUsers: [],
    staffRoles: [],
    offerings: [],
    routings: [],
    teams: [],
    teamSchedules: [],
    teamSessions: [],
    citizens: [],
    referrals: [],
    courses: [],
    courseAssignments: [],
    courseContacts: [],
    needsAssessments: [],
    needsAssessmentProblems: [],
    actionPlans: [],
    planGoals: [],
    actionPlanResponsibilities: [],
    declines: [],
    crossReferrals: [],
    deeperAssessments: [],
    deeperAssessmentTests: [],
    providerGoals: [],
    enrolments: [],
    attendances: [],
    statusNotes: [],
    followUpsHeld: [],
    followUpsPlanned: [],
    closingConversations: [],
    closingNotes: [],
    closings: [],
  };
}

/** Writes the demo's rows through their owners, one statement a table, in foreign-key order. */
export async function writeDemoRows(db: Db, r: DemoRows): Promise<void> {
  await insertOrganisationsInBulk(db, { rows: r.organisations });
  await insertStaffUsersInBulk(db, { rows: r.staffUsers });
  await insertStaffRolesInBulk(db, { rows: r.staffRoles });
  await insertOfferingsInBulk(db, { rows: r.offerings });
  await insertRoutingsInBulk(db, { rows: r.routings });
  await insertTeamsInBulk(db, { rows: r.teams });
  await insertTeamSchedulesInBulk(db, { rows: r.teamSchedules });
  await insertTeamSessionsInBulk(db, { rows: r.teamSessions });
  await insertCitizensInBulk(db, { rows: r.citizens });
  await insertReferralsInBulk(db, { rows: r.referrals });
  await insertCoursesInBulk(db, { rows: r.courses });
  await insertCourseAssignmentsInBulk(db, { rows: r.courseAssignments });
  await insertCourseContactsInBulk(db, { rows: r.courseContacts });
  await insertNeedsAssessmentsInBulk(db, { rows: r.needsAssessments });
  await insertNeedsAssessmentProblemsInBulk(db, { rows: r.needsAssessmentProblems });
  await insertActionPlansInBulk(db, { rows: r.actionPlans });
  await insertPlanGoalsInBulk(db, { rows: r.planGoals });
  await insertActionPlanResponsibilitiesInBulk(db, { rows: r.actionPlanResponsibilities });
  await insertDeclinesInBulk(db, { rows: r.declines });
  await insertCrossReferralsInBulk(db, { rows: r.crossReferrals });
  await insertDeeperAssessmentsInBulk(db, { rows: r.deeperAssessments });
  await insertDeeperAssessmentTestsInBulk(db, { rows: r.deeperAssessmentTests });
  await insertProviderGoalsInBulk(db, { rows: r.providerGoals });
  await insertEnrolmentsInBulk(db, { rows: r.enrolments });
  await insertAttendancesInBulk(db, { rows: r.attendances });
  await insertStatusNotesInBulk(db, { rows: r.statusNotes });
  await insertFollowUpsInBulk(db, { rows: r.followUpsHeld });
  await insertFollowUpsInBulk(db, { rows: r.followUpsPlanned });
  await insertClosingConversationsInBulk(db, { rows: r.closingConversations });
  await insertClosingNotesInBulk(db, { rows: r.closingNotes });
  for (const reason of new Set(r.closings.map((c) => c.reason))) {
    const closings = r.closings.filter((c) => c.reason === reason);
    const closed = await closeCourses(
      db,
      closings.map((c) => c.courseId),
      closings.map((c) => c.closedOn),
      reason,
    );
    if (closed.length !== closings.length) throw new Error(`demo data: closed ${closed.length} of ${closings.length} courses (${reason})`);
  }
}
