import type { ContactPersonBody, NewContactBody } from '@samkraft/contracts/courses';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import { isUniqueViolation } from '../../platform/database/database.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { citizenName } from '../citizens/citizen.mapper.ts';
import { requireCourseAccess } from './course-access.service.ts';
import { decideAssignment } from './course-assignment.rules.ts';
import { checkContact, checkPreparationFormSent } from './course-contact.rules.ts';
import { loadCourseOverview } from './course-overview.repository.ts';
import { findAssignee, findCurrentAssignment, findLatestReachedContact, findReceivedOn, insertContact, replaceAssignment, setPreparationFormSent } from './course.repository.ts';
import { preparationLetterDocument } from './preparation-letter.document.ts';
import { courseContactDetails } from './course-contact-details.service.ts';
import { getAssessmentItems } from '../assessments/assessment.service.ts';

const ASSIGNED_MEANWHILE = 'Forløbet fik en anden kontaktperson i samme øjeblik. Indlæs forløbet igen for at se hvem. (The course got another contact person at the same moment; reload it.)';

/** Takes, assigns or reassigns the course's contact person; the history is kept. */
export async function setContactPerson(ctx: ServiceContext, courseId: string, body: ContactPersonBody): Promise<void> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'course.assign');
  const outcome = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const current = await findCurrentAssignment(trx, courseId);
      const assignee = await findAssignee(trx, body.staffUserId);
      const decision = decideAssignment(ctx.actor, { homeMunicipalityCode: key.homeMunicipalityCode, closedOn: key.closedOn, currentStaffUserId: current?.staffUserId ?? null }, assignee ?? null);
      switch (decision.kind) {
        case 'invalid':
          throw AppError.validation(decision.issues);
        case 'refused':
          return decision;
        case 'unchanged':
          return decision;
        case 'assign':
        case 'reassign':
          await replaceAssignment(trx, courseId, {
            staffUserId: body.staffUserId,
            assignedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
            reason: body.reason ?? null,
            at: ctx.clock.now(),
          });
          await audit(trx, ctx, [
            { action: 'course.assign', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', detail: { kind: decision.kind, from: current?.staffUserId ?? null, to: body.staffUserId } },
          ]);
          return decision;
      }
    })
    .catch((err: unknown) => {
      // Two took the course at the same moment: the unique key of the current assignment let the
      // first one in. Before it, both saw a course without a contact person.
      if (isUniqueViolation(err, 'course_assignment_current_key')) throw AppError.conflict(ASSIGNED_MEANWHILE);
      throw err;
    });
  if (outcome.kind === 'refused') {
    await audit(ctx.db, ctx, [{ action: 'course.assign', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'denied', detail: { reason: outcome.reason } }]);
    throw outcome.reason === 'closed' ? AppError.conflict(outcome.message) : AppError.forbidden(outcome.message);
  }
}

/** Records a contact with the citizen (the first one is the "first contact" of note §8.9). */
export async function addContact(ctx: ServiceContext, courseId: string, body: NewContactBody): Promise<{ id: string }> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'course.contact');
  if (key.closedOn) throw AppError.conflict('The course is closed');
  const today = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const receivedOn = await findReceivedOn(trx, key.referralId);
    const issues = checkContact(body, { today, receivedOn });
    if (issues.length > 0) throw AppError.validation(issues);
    const id = await insertContact(trx, {
      courseId,
      contactedOn: body.contactedOn,
      channel: body.channel,
      reached: body.reached,
      agreedAssessmentAt: body.agreedAssessmentAt ?? null,
      note: body.note ?? null,
      recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
    });
    await audit(trx, ctx, [{ action: 'course.contact', citizenId: key.citizenId, entityType: 'course_contact', entityId: id, outcome: 'allowed', detail: { courseId, reached: body.reached } }]);
    return { id };
  });
}

/** Marks "Støtte til livet med kræft" as sent, on the contact where the conversation was agreed. */
export async function markPreparationFormSent(ctx: ServiceContext, courseId: string, sentOn: string): Promise<void> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'course.preparation_form');
  if (key.closedOn) throw AppError.conflict('The course is closed');
  const today = danishDate(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    const receivedOn = await findReceivedOn(trx, key.referralId);
    const issues = checkPreparationFormSent(sentOn, { today, receivedOn });
    if (issues.length > 0) throw AppError.validation(issues);
    const contact = await findLatestReachedContact(trx, courseId);
    if (!contact) throw AppError.validation([{ field: 'sentOn', code: 'contact_required', message: 'record the first contact (citizen reached) before the form is sent' }]);
    await setPreparationFormSent(trx, contact.id, sentOn);
    await audit(trx, ctx, [{ action: 'course.preparation_form', citizenId: key.citizenId, entityType: 'course_contact', entityId: contact.id, outcome: 'allowed', detail: { courseId, sentOn } }]);
  });
}

/** The Danish letter to print and send with the form; producing it reads the citizen, so it is audited. */
export async function preparationLetter(ctx: ServiceContext, courseId: string): Promise<Buffer> {
  await requireCourseAccess(ctx, courseId, 'read', 'course.preparation_letter');
  const today = danishDate(ctx.clock.now());
  const facts = await ctx.db.transaction().execute(async (trx) => {
    const { citizenId, facts } = await preparationLetterFactsIn(trx, courseId, today);
    await audit(trx, ctx, [{ action: 'course.preparation_letter', citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    return facts;
  });
  return renderPdf(preparationLetterDocument(facts));
}

/**
 * The preparation letter's facts, dated `date`: for a caller that has decided access and audits
 * the read in the same transaction (the letter as sent, in the citizen's documents).
 */
export async function preparationLetterFactsIn(trx: Db, courseId: string, date: string) {
  const k = await loadCourseOverview(trx, courseId);
  if (!k) throw AppError.notFound('Course');
  const current = k.assignments.find((a) => a.ended_at === null);
  const [details, form] = await Promise.all([courseContactDetails(trx, courseId), getAssessmentItems({ db: trx })]);
  const agreed = k.contacts.find((c) => c.agreed_assessment_at !== null);
  const c = k.citizen;
  const town = [c.postalCode, c.city].filter(Boolean).join(' ');
  return {
    citizenId: c.id,
    facts: {
      municipalityName: k.municipality.name,
      date,
      citizen: { name: citizenName(c), addressLines: c.protected ? null : [c.addressLine, town].filter((l): l is string => Boolean(l)) },
      contactPerson: current ? { name: current.display_name, profession: current.profession, phone: details?.contactPerson?.phone ?? null } : null,
      unitPhone: details?.unitPhone ?? null,
      form,
      agreedAssessmentAt: agreed?.agreed_assessment_at ?? null,
    },
  };
}

/** The preparation letter dated `date`, to render as PDF (access and audit are the caller's). */
export async function preparationLetterDocumentIn(trx: Db, courseId: string, date: string) {
  return preparationLetterDocument((await preparationLetterFactsIn(trx, courseId, date)).facts);
}
