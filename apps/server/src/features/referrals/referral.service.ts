import type { CitizenLookup, DeceasedResult, NewReferralBody, NewReferralResult } from '@samkraft/contracts/referrals';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCitizenAccess } from '../citizens/citizen-access.rules.ts';
import { citizenIdentifier, citizenName } from '../citizens/citizen.mapper.ts';
import { changeCitizen, citizenAccessFacts, citizenRecord, createCitizen, recordCitizenDeceased, type CitizenChanges } from '../citizens/citizen-record.service.ts';
import { cprFieldErrorCode, parseCpr } from '@samkraft/contracts/cpr';
import { decideCourseAccess, type CourseAccessMode } from '../courses/course-access.rules.ts';
import { closeCourses, openCourse } from '../courses/course-lifecycle.service.ts';
import type { CloseReason } from '../courses/course.types.ts';
import { checkGpClinicIn, resolveGpClinicIn } from '../organisations/gp-clinic.service.ts';
import { isActiveOrganisationIn } from '../organisations/organisation.service.ts';
import { checkReferralIntake } from './referral-intake.rules.ts';
import { diagnosisExists, findCitizenByCpr, findOpenCourse, insertReferral, listOpenCourseIdsOfCitizen } from './referral.repository.ts';

/** Closes the citizen's open courses in one home municipality (through `courses`); returns their ids. */
async function closeOpenCoursesOfCitizen(db: Db, citizenId: string, municipalityCode: string, closedOn: string, reason: CloseReason): Promise<string[]> {
  const open = await listOpenCourseIdsOfCitizen(db, citizenId, municipalityCode);
  const closed = new Set(await closeCourses(db, open, closedOn, reason));
  return open.filter((id) => closed.has(id));
}

/** Intake happens in the actor's own municipality, by those who may write its courses. */
async function requireHomeStaff(ctx: ServiceContext, mode: CourseAccessMode, action: string, citizenId: string | null = null): Promise<StaffActor> {
  const actor = ctx.actor;
  const decision = decideCourseAccess(actor, actor.kind === 'staff' ? actor.municipalityCode : '', mode);
  if (actor.kind !== 'staff' || !decision.allowed) {
    await audit(ctx.db, ctx, [{ action, citizenId, outcome: 'denied', detail: { reason: decision.allowed ? 'not_staff' : decision.reason } }]);
    throw AppError.forbidden('You may not do this');
  }
  return actor;
}

export type ReferralIntakeOptions = {
  /** How the referral came: typed in (`ui`, the default) or accepted from a message's draft (`medcom`). */
  origin?: 'ui' | 'medcom';
  /**
   * The caller's own change, run in the intake's transaction once the referral and its course
   * exist, so both land or neither (a hospital referral's draft is marked accepted there). What
   * it throws undoes the intake.
   */
  within?: (trx: Db, created: NewReferralResult) => Promise<void>;
};

/**
 * Registers a referral and opens its course, in one transaction: the citizen is found by CPR
 * (or created), the referral checked as a whole, and a referral during an open course refused
 * unless the user confirms — then it is linked to the open one, never silently duplicated.
 */
export async function createReferral(ctx: ServiceContext, body: NewReferralBody, options: ReferralIntakeOptions = {}): Promise<NewReferralResult> {
  const actor = await requireHomeStaff(ctx, 'write', 'referral.create');
  const home = actor.municipalityCode;
  const now = ctx.clock.now();
  const today = danishDate(now);
  const parsed = parseCpr(body.citizen.cpr);

  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const existing = parsed.ok ? await findCitizenByCpr(trx, parsed.cpr.value) : undefined;
    const decision = checkReferralIntake(body, {
      today,
      diagnosisExists: body.diagnosisCode ? await diagnosisExists(trx, body.diagnosisCode) : false,
      organisationExists: body.referringOrganisationId ? await isActiveOrganisationIn(trx, body.referringOrganisationId) : true,
      existingCitizen: existing ? { birthDate: existing.birthDate, deceasedOn: existing.deceasedOn, elsewhere: existing.homeMunicipalityCode !== home } : null,
    });
    // The GP is checked with the rest, so one answer names every field at fault.
    const gpIssues = body.gp ? await checkGpClinicIn(trx, body.gp, 'gp') : [];
    if (!decision.ok || gpIssues.length > 0) throw AppError.validation([...(decision.ok ? [] : decision.issues), ...gpIssues]);

    const open = existing ? await findOpenCourse(trx, existing.id, home) : undefined;
    if (open && !body.allowDuplicate) return { kind: 'duplicate', duplicateOf: open, citizenId: existing?.id ?? null } as const;
    // Only now, so a refused duplicate adds no clinic either.
    const gp = body.gp ? await resolveGpClinicIn(trx, body.gp, 'gp', home) : null;

    const entries: AuditEntry[] = [];
    let citizenId: string;
    const c = body.citizen;
    if (existing) {
      citizenId = existing.id;
      const changes: CitizenChanges = {};
      // A citizen of another municipality moves here only with a confirmed date (the intake
      // rules demand it): the new home's name and address replace the old, and the old home's
      // open courses close as 'moved' on that date.
      const movedInOn = existing.homeMunicipalityCode !== home ? c.movedInOn : undefined;
      if (movedInOn) {
        changes.homeMunicipalityCode = home;
        if (c.givenName !== undefined) changes.givenName = c.givenName;
        if (c.familyName !== undefined) changes.familyName = c.familyName;
        const closed = await closeOpenCoursesOfCitizen(trx, citizenId, existing.homeMunicipalityCode, movedInOn, 'moved');
        entries.push(
          { action: 'citizen.move', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', detail: { movedFrom: existing.homeMunicipalityCode, movedTo: home, movedInOn, closedCourseIds: closed } },
          ...closed.map((id) => ({ action: 'course.close', citizenId, entityType: 'course', entityId: id, outcome: 'allowed' as const, detail: { reason: 'moved', movedInOn } })),
        );
      }
      if (c.addressLine !== undefined) changes.addressLine = c.addressLine;
      if (c.postalCode !== undefined) changes.postalCode = c.postalCode;
      if (c.city !== undefined) changes.city = c.city;
      if (c.phone !== undefined) changes.phone = c.phone;
      if (c.protected !== undefined && c.protected !== existing.protected) changes.protected = c.protected;
      if (gp && gp.clinic.id !== existing.gpOrganisationId) changes.gpOrganisationId = gp.clinic.id;
      if (Object.keys(changes).length > 0) {
        await changeCitizen(trx, citizenId, changes, now);
        entries.push({
          action: 'citizen.update',
          citizenId,
          entityType: 'citizen',
          entityId: citizenId,
          outcome: 'allowed',
          detail: {
            fields: Object.keys(changes),
            ...(changes.homeMunicipalityCode ? { movedFrom: existing.homeMunicipalityCode, movedTo: home } : {}),
            ...(changes.gpOrganisationId ? { gpFrom: existing.gpOrganisationId, gpTo: changes.gpOrganisationId, gpCreated: gp?.created ?? false } : {}),
          },
        });
      }
    } else {
      citizenId = await createCitizen(trx, {
        cpr: decision.cpr.value,
        givenName: c.givenName ?? '',
        familyName: c.familyName ?? '',
        sex: decision.sex ?? 'F',
        birthDate: decision.cpr.birthDate,
        homeMunicipalityCode: home,
        addressLine: c.addressLine ?? null,
        postalCode: c.postalCode ?? null,
        city: c.city ?? null,
        phone: c.phone ?? null,
        protected: c.protected ?? false,
        gpOrganisationId: gp?.clinic.id ?? null,
      });
      entries.push({ action: 'citizen.create', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', ...(gp ? { detail: { gp: gp.clinic.id, gpCreated: gp.created } } : {}) });
    }

    const outside = decision.targetGroup === 'outside';
    const referralId = await insertReferral(trx, {
      origin: options.origin ?? 'ui',
      citizenId,
      homeMunicipalityCode: home,
      receivedOn: decision.receivedOn,
      source: decision.source,
      legalBasis: decision.legalBasis,
      referringOrganisationId: body.referringOrganisationId ?? null,
      referringText: body.referringText ?? null,
      diagnosisCode: decision.diagnosisCode,
      treatmentStatus: decision.treatmentStatus,
      treatmentStartedOn: body.treatmentStartedOn ?? null,
      treatmentEndedOn: body.treatmentEndedOn ?? null,
      dischargedOn: body.dischargedOn ?? null,
      planClinicalStartOn: body.planClinicalStartOn ?? null,
      targetGroup: decision.targetGroup,
      targetGroupReasons: body.targetGroupReasons?.length ? body.targetGroupReasons : null,
      targetGroupJustification: body.targetGroupJustification ?? null,
      linkedReferralId: open?.referralId ?? null,
      createdBy: actor.userId,
    });
    const courseId = await openCourse(trx, {
      referralId,
      openedOn: decision.receivedOn,
      // Outside the target group: recorded (it counts as a referral) and closed at once.
      closed: outside ? { closedOn: decision.receivedOn, reason: 'not_in_target_group' } : null,
    });
    const created = { referralId, courseId };
    entries.push({
      action: 'referral.create',
      citizenId,
      entityType: 'referral',
      entityId: created.referralId,
      outcome: 'allowed',
      detail: { courseId: created.courseId, source: decision.source, targetGroup: decision.targetGroup, linkedReferralId: open?.referralId ?? null },
    });
    await audit(trx, ctx, entries);
    const result: NewReferralResult = {
      referralId: created.referralId,
      courseId: created.courseId,
      citizenId,
      citizenCreated: !existing,
      linkedTo: open ? { referralId: open.referralId, courseId: open.courseId } : null,
      courseClosed: outside,
    };
    if (options.within) await options.within(trx, result);
    return { kind: 'created', result } as const;
  });

  if (outcome.kind === 'duplicate') {
    await audit(ctx.db, ctx, [
      { action: 'referral.create', citizenId: outcome.citizenId, entityType: 'course', entityId: outcome.duplicateOf.courseId, outcome: 'failed', detail: { reason: 'open_course' } },
    ]);
    throw new AppError('conflict', `The citizen has an open course here (course ${outcome.duplicateOf.courseId}); confirm with allowDuplicate to register a linked referral`, [
      { field: 'allowDuplicate', code: 'open_course', message: `open course ${outcome.duplicateOf.courseId}`, params: { courseId: outcome.duplicateOf.courseId } },
    ]);
  }
  return outcome.result;
}

/** Whether a CPR belongs to a citizen known here; the name only to those who may see it. */
export async function lookupCitizen(ctx: ServiceContext, cprInput: string): Promise<CitizenLookup> {
  const actor = await requireHomeStaff(ctx, 'read', 'citizen.lookup');
  const parsed = parseCpr(cprInput);
  if (!parsed.ok) throw AppError.validation([{ field: 'cpr', code: cprFieldErrorCode[parsed.code], message: parsed.message }]);
  return ctx.db.transaction().execute(async (trx) => {
    const found = await findCitizenByCpr(trx, parsed.cpr.value);
    const facts = found ? await citizenAccessFacts(trx, found.id) : undefined;
    const access = facts ? decideCitizenAccess(actor, facts) : undefined;
    const known = access?.allowed === true && access.scope === 'home';
    const open = found && known ? await findOpenCourse(trx, found.id, actor.municipalityCode) : undefined;
    await audit(trx, ctx, [
      { action: 'citizen.lookup', citizenId: found?.id ?? null, entityType: 'citizen', entityId: found?.id, outcome: 'allowed', purpose: 'referral_intake', detail: { known } },
    ]);
    return {
      known,
      citizen:
        found && known
          ? { id: found.id, name: citizenName(found), identifier: citizenIdentifier({ cpr: parsed.cpr.value, pseudonym: null }), protected: found.protected, deceasedOn: found.deceasedOn }
          : null,
      openCourse: open ? { courseId: open.courseId, receivedOn: open.receivedOn } : null,
      birthDate: parsed.cpr.birthDate,
      sex: parsed.cpr.sex,
    };
  });
}

/** A death closes the citizen's open courses in the actor's municipality (reason 'died'). */
export async function markDeceased(ctx: ServiceContext, citizenId: string, deceasedOn: string): Promise<DeceasedResult> {
  const actor = await requireHomeStaff(ctx, 'write', 'citizen.deceased', null);
  const facts = await citizenAccessFacts(ctx.db, citizenId);
  if (!facts) throw AppError.notFound('Citizen');
  const access = decideCitizenAccess(actor, facts);
  if (!access.allowed || access.scope !== 'home') {
    await audit(ctx.db, ctx, [{ action: 'citizen.deceased', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'denied', detail: { reason: access.allowed ? 'provider' : access.reason } }]);
    throw AppError.forbidden('You do not have access to this citizen');
  }
  const now = ctx.clock.now();
  const today = danishDate(now);
  return ctx.db.transaction().execute(async (trx) => {
    const citizen = await citizenRecord(trx, citizenId);
    if (!citizen) throw AppError.notFound('Citizen');
    if (deceasedOn > today) throw AppError.validation([{ field: 'deceasedOn', code: 'future_date', message: `must not be in the future (today is ${today})` }]);
    if (deceasedOn < citizen.birthDate) throw AppError.validation([{ field: 'deceasedOn', code: 'before_birth', message: 'must not be before the citizen was born' }]);
    await recordCitizenDeceased(trx, citizenId, deceasedOn, now);
    const closed = await closeOpenCoursesOfCitizen(trx, citizenId, actor.municipalityCode, deceasedOn, 'died');
    await audit(trx, ctx, [
      { action: 'citizen.deceased', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', detail: { deceasedOn } },
      ...closed.map((id) => ({ action: 'course.close', citizenId, entityType: 'course', entityId: id, outcome: 'allowed' as const, detail: { reason: 'died' } })),
    ]);
    return { citizenId, deceasedOn, closedCourseIds: closed };
  });
}
