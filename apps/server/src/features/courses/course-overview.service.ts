import type { CourseDetail } from '@samkraft/contracts/courses';
import { auditEachRow } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { citizenIdentifier, citizenName } from '../citizens/citizen.mapper.ts';
import { decideCourseAccess } from './course-access.rules.ts';
import { requireCourseAccess } from './course-access.service.ts';
import { listAssignableContactPersons, loadCourseOverview } from './course-overview.repository.ts';
import { ageOn, visibleAddress } from './course-overview.rules.ts';
import { courseStep } from './course-step.rules.ts';

type Detail = CourseDetail;

/** The course overview, for the home municipality's staff; the read is audited in its own statement. */
export async function getCourseOverview(ctx: ServiceContext, courseId: string): Promise<Detail> {
  await requireCourseAccess(ctx, courseId, 'read', 'course.read');
  const actor = ctx.actor;
  const today = danishDate(ctx.clock.now());
  const k = await loadCourseOverview(ctx.db, courseId, auditEachRow(ctx, { action: 'course.read', entityType: 'course', outcome: 'allowed' }));
  if (!k) throw AppError.notFound('Course');
  const { assignments, contacts, linkedReferrals: linked } = k;
  const canWrite = decideCourseAccess(actor, k.municipality.code, 'write').allowed && !k.closedOn;
  const isLead = actor.kind === 'staff' && actor.roles.includes('municipal_lead');
  const current = assignments.find((a) => a.ended_at === null);
  const isContactPerson = actor.kind === 'staff' && actor.roles.includes('contact_person');
  // Staff of the municipality, not the citizen's data: read outside the audited statement.
  const assignable = canWrite && isLead ? await listAssignableContactPersons(ctx.db, k.municipality.code) : [];
  const sent = contacts.map((c) => c.preparation_form_sent_on).filter((d): d is string => d !== null).sort();
  return {
    id: k.id,
    referralId: k.referralId,
    openedOn: k.openedOn,
    closedOn: k.closedOn,
    closeReason: k.closeReason,
    step: courseStep(k),
    homeMunicipality: k.municipality,
    citizen: {
      id: k.citizen.id,
      identifier: citizenIdentifier(k.citizen),
      name: citizenName(k.citizen),
      birthDate: k.citizen.birthDate,
      age: ageOn(k.citizen.birthDate, k.citizen.deceasedOn ?? today),
      sex: k.citizen.sex,
      protected: k.citizen.protected,
      vulnerable: k.citizen.vulnerable,
      address: visibleAddress(k.citizen),
      phone: k.citizen.protected ? null : k.citizen.phone,
      deceasedOn: k.citizen.deceasedOn,
    },
    referral: {
      receivedOn: k.referral.receivedOn,
      source: k.referral.source,
      legalBasis: k.referral.legalBasis,
      referringOrganisation: k.referral.organisation,
      referringText: k.referral.referringText,
      diagnosis: k.referral.diagnosis,
      treatmentStatus: k.referral.treatmentStatus,
      treatmentStartedOn: k.referral.treatmentStartedOn,
      treatmentEndedOn: k.referral.treatmentEndedOn,
      dischargedOn: k.referral.dischargedOn,
      planClinicalStartOn: k.referral.planClinicalStartOn,
      targetGroup: k.referral.targetGroup,
      targetGroupReasons: k.referral.targetGroupReasons as Detail['referral']['targetGroupReasons'],
      targetGroupJustification: k.referral.targetGroupJustification,
    },
    contactPerson: current ? { id: current.staff_user_id, name: current.display_name } : null,
    assignments: assignments.map((a) => ({
      staff: { id: a.staff_user_id, name: a.display_name },
      assignedAt: a.assigned_at.toISOString(),
      assignedBy: a.assigned_by ? { id: a.assigned_by, name: a.by_name ?? '' } : null,
      endedAt: a.ended_at ? a.ended_at.toISOString() : null,
      reason: a.reason,
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      contactedOn: c.contacted_on,
      channel: c.channel,
      reached: c.reached,
      agreedAssessmentAt: c.agreed_assessment_at ? c.agreed_assessment_at.toISOString() : null,
      preparationFormSentOn: c.preparation_form_sent_on,
      note: c.note,
      recordedBy: c.recorded_by ? { id: c.recorded_by, name: c.display_name ?? '' } : null,
    })),
    preparationFormSentOn: sent.at(-1) ?? null,
    linkedReferrals: linked.map((l) => ({ referralId: l.id, courseId: l.course_id, receivedOn: l.received_on, closedOn: l.closed_on, direction: l.direction })),
    permissions: { write: canWrite, assign: canWrite && isLead, takeOver: canWrite && isContactPerson && !current },
    assignable: assignable.map((s) => ({ id: s.id, name: s.display_name })),
  };
}
