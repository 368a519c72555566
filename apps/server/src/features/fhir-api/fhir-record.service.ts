import type { CitizenDetail } from '@samkraft/contracts/citizens';
import type { ServiceContext } from '../../platform/context.ts';
import { getCitizen } from '../citizens/citizen.service.ts';
import { getCourseCrossReferrals } from '../cross-referrals/cross-referral.service.ts';
import { courseKeyFor, courseOwnResources } from './fhir-course.service.ts';
import { crossResources, homeView } from './fhir-cross.service.ts';
import type { FhirResource, FhirResourceType } from './fhir-types.ts';
import { toPatient } from './patient.mapper.ts';

/*
 * A citizen's whole record as the FHIR API serves it (aktindsigt, issue 13.7): the Patient and
 * every resource of each course the actor may read, each read through its owner's service (its
 * access rule and audit) — the citizen themself, or the home municipality's staff.
 */

const courseTypes: readonly FhirResourceType[] = ['ServiceRequest', 'CarePlan', 'Goal', 'QuestionnaireResponse', 'Communication'];
const crossTypes: readonly FhirResourceType[] = ['ServiceRequest', 'Task', 'CarePlan', 'Goal', 'QuestionnaireResponse', 'Communication', 'Appointment', 'Encounter'];

export type CitizenRecordResources = { citizen: CitizenDetail; resources: FhirResource[] };

export async function citizenRecordResources(ctx: ServiceContext, citizenId: string): Promise<CitizenRecordResources> {
  const citizen = await getCitizen(ctx, citizenId);
  const resources: FhirResource[] = [toPatient(citizen)];
  for (const k of citizen.courses) {
    const key = await courseKeyFor(ctx, k.courseId);
    for (const type of courseTypes) resources.push(...(await courseOwnResources(ctx, key, type)));
    const { crossReferrals } = await getCourseCrossReferrals(ctx, k.courseId);
    for (const x of crossReferrals) for (const type of crossTypes) resources.push(...(await crossResources(ctx, homeView(key, x), type)));
  }
  const seen = new Set<string>();
  return { citizen, resources: resources.filter((r) => !seen.has(`${r.resourceType}/${r.id}`) && seen.add(`${r.resourceType}/${r.id}`)) };
}
