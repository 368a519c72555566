import type { ServiceContext } from '../../platform/context.ts';
import { getNeedsAssessments } from '../assessments/assessment.service.ts';
import { getClosing } from '../closings/closing.service.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { getCourseOverview } from '../courses/course-overview.service.ts';
import type { CourseKey } from '../courses/course.types.ts';
import { getCourseCrossReferrals } from '../cross-referrals/cross-referral.service.ts';
import { getPlanOverview } from '../plans/plan.service.ts';
import { toClosingNoteCommunication, toClosingQuestionnaire, toCourseGoals, toCoursePlan, toNeedsAssessmentResponses, toReferralServiceRequest, type CourseFacts } from './course.mapper.ts';
import { crossResources, homeView } from './fhir-cross.service.ts';
import type { FhirResource, FhirResourceType } from './fhir-types.ts';

/*
 * The resources a home municipality's course holds, each read through the feature that owns it
 * (courses, plans, assessments, closings), whose service decides access (the course's home
 * municipality only) and audits the read.
 */

/** The course's key facts, or the refusal `requireCourseAccess` audits and throws (as every course read does). */
export function courseKeyFor(ctx: ServiceContext, courseId: string): Promise<CourseKey> {
  return requireCourseAccess(ctx, courseId, 'read', 'fhir.read');
}

const factsOf = (k: CourseKey): CourseFacts => ({ courseId: k.courseId, citizenId: k.citizenId, homeMunicipalityCode: k.homeMunicipalityCode, closedOn: k.closedOn });

/** The resources of one type that the course itself holds (not its cross-referrals'). */
export async function courseOwnResources(ctx: ServiceContext, key: CourseKey, type: FhirResourceType): Promise<FhirResource[]> {
  const c = factsOf(key);
  switch (type) {
    case 'ServiceRequest':
      return [toReferralServiceRequest(await getCourseOverview(ctx, key.courseId))];
    case 'CarePlan':
    case 'Goal': {
      const { current } = await getPlanOverview(ctx, key.courseId);
      if (!current) return [];
      return type === 'CarePlan' ? [toCoursePlan(c, current)] : toCourseGoals(c, current);
    }
    case 'QuestionnaireResponse': {
      const assessments = await getNeedsAssessments(ctx, key.courseId);
      const closing = await getClosing(ctx, key.courseId);
      const questionnaire = toClosingQuestionnaire(c, closing);
      return [...toNeedsAssessmentResponses(c, assessments.assessments), ...(questionnaire ? [questionnaire] : [])];
    }
    case 'Communication': {
      const note = toClosingNoteCommunication(c, await getClosing(ctx, key.courseId));
      return note ? [note] : [];
    }
    case 'Task':
    case 'Appointment':
    case 'Encounter':
    case 'Patient':
    case 'Organization':
    case 'AuditEvent':
      return [];
  }
}

/** Types a cross-referral holds (the course's list of them is read only for these). */
const crossTypes: ReadonlySet<FhirResourceType> = new Set(['ServiceRequest', 'Task', 'CarePlan', 'Goal', 'QuestionnaireResponse', 'Communication']);

/** Everything of one type about the course: its own resources, then its cross-referrals'. */
export async function courseResources(ctx: ServiceContext, courseId: string, type: FhirResourceType): Promise<FhirResource[]> {
  const key = await courseKeyFor(ctx, courseId);
  const own = await courseOwnResources(ctx, key, type);
  if (!crossTypes.has(type)) return own;
  const { crossReferrals } = await getCourseCrossReferrals(ctx, courseId);
  const held: FhirResource[] = [];
  for (const x of crossReferrals) held.push(...(await crossResources(ctx, homeView(key, x), type)));
  return [...own, ...held];
}
