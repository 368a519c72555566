import type { CourseSuggestions } from '@samkraft/contracts/suggestions';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { municipalityDistanceKm } from './distance.rules.ts';
import { ageOn, answersNeeds, courseWeeks, expectedWaitWeeks, isEligible } from './eligibility.rules.ts';
import { findCourseCitizenFacts, findLatestAssessmentAreas, listActiveInterventionTargets, listRoutedOfferings } from './suggestions.repository.ts';

/** The interventions the course's citizen is eligible for, with the providers routed to the home municipality today. */
export async function getCourseSuggestions(ctx: ServiceContext, courseId: string): Promise<CourseSuggestions> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'course.suggestions');
  const now = ctx.clock.now();
  const today = danishDate(now);
  return ctx.db.transaction().execute(async (trx) => {
    const facts = await findCourseCitizenFacts(trx, courseId);
    if (!facts) throw AppError.notFound('Course');
    const assessment = await findLatestAssessmentAreas(trx, courseId);
    const areas = assessment?.areas ?? [];
    const citizen = { sex: facts.sex, age: ageOn(facts.birthDate, today), diagnosisCode: facts.diagnosisCode, treatmentStatus: facts.treatmentStatus };
    const interventions = (await listActiveInterventionTargets(trx)).filter((i) => isEligible(i, citizen) && answersNeeds(i.category, areas));
    const routed = await listRoutedOfferings(trx, facts.homeMunicipalityCode, today, now);
    const suggestions = interventions.map((i) => {
      const weeks = courseWeeks(i.dose);
      const providers = routed
        .filter((o) => o.interventionCode === i.code)
        .map((o) => ({
          offeringId: o.offeringId,
          host: { code: o.hostCode, name: o.hostName },
          placeName: o.placeName,
          address: o.address,
          distanceKm: municipalityDistanceKm(facts.homeMunicipalityCode, o.hostCode),
          inferred: o.inferred,
          routingNote: o.routingNote,
          capacity: o.capacity,
          enrolled: o.enrolled,
          freeSeats: Math.max(0, o.capacity - o.enrolled),
          waiting: o.waiting,
          nextTeamStartOn: o.nextSessionAt === null ? null : danishDate(o.nextSessionAt),
          expectedWaitWeeks: expectedWaitWeeks({ waiting: o.waiting, capacity: o.capacity, courseWeeks: weeks }),
        }))
        .sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
      return { interventionCode: i.code, nameDa: i.nameDa, nameEn: i.nameEn, category: i.category, targetTextDa: i.targetTextDa, providers };
    });
    // Routed interventions first: those the citizen can actually be referred to.
    suggestions.sort((a, b) => Number(b.providers.length > 0) - Number(a.providers.length > 0));
    await audit(trx, ctx, [{ action: 'course.suggestions', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    return {
      basis: { ...citizen, assessedOn: assessment?.assessedOn ?? null, areas },
      suggestions,
    };
  });
}

/**
 * Whether the course's citizen is in the intervention's target group (sex, age, diagnosis,
 * treatment status) on `today`. The hard rule behind the suggestions: a cross-municipal referral
 * may only go to such an intervention. The assessed problem areas only rank suggestions and do
 * not refuse, so a contact person can refer on a need the latest assessment did not record.
 */
export async function isCitizenEligibleFor(db: Db, courseId: string, interventionCode: string, today: string): Promise<boolean> {
  const facts = await findCourseCitizenFacts(db, courseId);
  if (!facts) return false;
  const target = (await listActiveInterventionTargets(db)).find((i) => i.code === interventionCode);
  if (!target) return false;
  return isEligible(target, { sex: facts.sex, age: ageOn(facts.birthDate, today), diagnosisCode: facts.diagnosisCode, treatmentStatus: facts.treatmentStatus });
}
