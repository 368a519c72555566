import type { CitizenContact, MyCourse, MyIntervention } from '@samkraft/contracts/borger';
import type { MyCourseRecord, MyInterventionRecord, MyPlanRecord } from './my-course.repository.ts';

/** The contact person with their work phone, else the home unit's number said as the unit's. */
export function courseContact(c: MyCourseRecord): CitizenContact {
  const person = c.contactPerson;
  if (person?.phone) return { name: person.name, phone: person.phone, phoneOf: 'person', email: person.email };
  return { name: person?.name ?? null, phone: c.unitPhone, phoneOf: c.unitPhone ? 'unit' : null, email: person?.email ?? null };
}

/** Where an intervention stands, as the citizen needs to know it. */
export function interventionStatus(x: Pick<MyInterventionRecord, 'decision' | 'startedOn' | 'endedOn'>): MyIntervention['status'] {
  if (x.decision === 'declined') return 'declined';
  if (x.endedOn) return 'ended';
  if (x.startedOn) return 'started';
  if (x.decision === 'accepted') return 'accepted';
  return 'sent';
}

/** The offering's contact, else the providing municipality's rehabilitation unit. */
export function interventionContact(x: MyInterventionRecord): CitizenContact {
  if (x.contactPhone) return { name: x.contactName, phone: x.contactPhone, phoneOf: 'person', email: x.contactEmail };
  return { name: x.contactName, phone: x.providerUnitPhone, phoneOf: x.providerUnitPhone ? 'unit' : null, email: x.contactEmail };
}

export function toMyCourses(courses: MyCourseRecord[], plans: MyPlanRecord[], interventions: MyInterventionRecord[]): MyCourse[] {
  return courses.map((c) => {
    const plan = plans.find((p) => p.courseId === c.id);
    return {
      id: c.id,
      openedOn: c.openedOn,
      homeMunicipality: c.homeMunicipality,
      contactPerson: courseContact(c),
      plan: plan
        ? {
            version: plan.version,
            agreedOn: plan.agreedOn,
            difficultiesAndNeeds: plan.difficultiesAndNeeds,
            purposeAndContent: plan.purposeAndContent,
            location: plan.location,
            firstFollowUpOn: plan.firstFollowUpOn,
            goals: plan.goals,
            responsibilities: plan.responsibilities,
          }
        : null,
      interventions: interventions
        .filter((x) => x.courseId === c.id)
        .map((x) => ({
          name: x.name,
          providerMunicipality: x.providerMunicipality,
          placeName: x.placeName,
          address: x.address,
          status: interventionStatus(x),
          startedOn: x.startedOn,
          endedOn: x.endedOn,
          contact: interventionContact(x),
        })),
    };
  });
}
