import type { CourseHospitalStay, HospitalNotificationSetting, HospitalNotificationSettings, TeamHospitalAbsences } from '@samkraft/contracts/hospital-notifications';
import { hasRole } from '../../platform/auth/actor.ts';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { requireTeam } from '../teams/team.service.ts';
import { deleteStaysOf, findSettings, saveSetting, staysOfCitizen, staysOfTeamParticipants, type SettingRecord } from './hospital-notification.repository.ts';
import { currentStay, reportedDeath } from './hospital-stay.rules.ts';

/*
 * Hospital notifications for staff: each member municipality's setting (administrators switch it
 * on the municipality's decision; its leads see it), a course's current hospital stay (the home municipality, as it reads the course)
 * and a team's participants away at hospital (the provider running the team: that they are away,
 * nothing more). Each read of a citizen's stay and each change is audited.
 */

const toSetting = (s: SettingRecord): HospitalNotificationSetting => ({
  municipalityCode: s.municipalityCode,
  municipalityName: s.municipalityName,
  act: s.act,
  changedAt: s.changedAt?.toISOString() ?? null,
  changedByName: s.changedByName,
});

async function refuse(ctx: ServiceContext, action: string, reason: string, message: string): Promise<never> {
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'hospital_notification_setting', outcome: 'denied', detail: { reason } }]);
  throw AppError.forbidden(message);
}

/** Every member municipality's setting to an administrator (who changes them); a municipal lead's own municipality's. */
export async function getHospitalNotificationSettings(ctx: ServiceContext): Promise<HospitalNotificationSettings> {
  if (hasRole(ctx.actor, 'administrator')) return { settings: (await findSettings(ctx.db)).map(toSetting), canChange: true };
  if (ctx.actor.kind === 'staff' && hasRole(ctx.actor, 'municipal_lead')) return { settings: (await findSettings(ctx.db, [ctx.actor.municipalityCode])).map(toSetting), canChange: false };
  return refuse(ctx, 'hospital_notifications.setting.read', 'role', 'Only administrators and municipal leads see whether hospital notifications are acted on');
}

/**
 * Switches acting on hospital notifications on or off for a member municipality (administrators,
 * on the municipality's decision as data controller). Off removes every stay kept for it (data
 * minimisation: nothing is shown or kept while off), audited per citizen; the change itself is
 * audited with the old and new value.
 */
export async function setHospitalNotificationSetting(ctx: ServiceContext, municipalityCode: string, act: boolean): Promise<HospitalNotificationSetting> {
  if (!hasRole(ctx.actor, 'administrator')) return refuse(ctx, 'hospital_notifications.setting.update', 'role', 'Only administrators change whether hospital notifications are acted on');
  return ctx.db.transaction().execute(async (trx) => {
    const [before] = await findSettings(trx, [municipalityCode]);
    if (!before) throw AppError.notFound('Member municipality');
    const now = ctx.clock.now();
    await saveSetting(trx, { municipalityCode, act, changedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null, at: now });
    const removed = act ? [] : await deleteStaysOf(trx, municipalityCode);
    const entries: AuditEntry[] = [
      { action: 'hospital_notifications.setting.update', citizenId: null, entityType: 'hospital_notification_setting', entityId: municipalityCode, outcome: 'allowed', detail: { before: before.act, after: act } },
      ...removed.map((s): AuditEntry => ({ action: 'hospital_stay.delete', citizenId: s.citizenId, entityType: 'hospital_stay', entityId: s.id, outcome: 'allowed', detail: { reason: 'setting_off' } })),
    ];
    await audit(trx, ctx, entries);
    const [after] = await findSettings(trx, [municipalityCode]);
    if (!after) throw new AppError('internal', 'the setting could not be read back');
    return toSetting(after);
  });
}

/** The citizen's current hospital stay on an open course's page (home municipality), and a death the hospital reported; null when none or not acted on. */
export async function getCourseHospitalStay(ctx: ServiceContext, courseId: string): Promise<CourseHospitalStay> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'hospital_stay.read');
  if (key.closedOn !== null) return { stay: null, death: null };
  return ctx.db.transaction().execute(async (trx) => {
    const stays = (await staysOfCitizen(trx, key.homeMunicipalityCode, key.citizenId)).map((s) => s.state);
    const stay = currentStay(stays);
    const death = reportedDeath(stays);
    if (stay || death) await audit(trx, ctx, [{ action: 'hospital_stay.read', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', detail: { kind: stay?.kind ?? null, death: death !== null } }]);
    return { stay, death };
  });
}

/** Which of a team's participants are at hospital now — only that (not where, not since when), to the municipality running the team. */
export async function getTeamHospitalAbsences(ctx: ServiceContext, teamId: string): Promise<TeamHospitalAbsences> {
  await requireTeam(ctx, teamId, 'hospital_stay.team.read');
  return ctx.db.transaction().execute(async (trx) => {
    const stays = await staysOfTeamParticipants(trx, teamId);
    const enrolmentIds = [...new Set(stays.map((s) => s.enrolmentId))];
    const shown = stays.filter((s, i) => stays.findIndex((o) => o.enrolmentId === s.enrolmentId) === i);
    if (shown.length > 0) {
      await audit(trx, ctx, shown.map((s): AuditEntry => ({ action: 'hospital_stay.read', citizenId: s.citizenId, entityType: 'enrolment', entityId: s.enrolmentId, outcome: 'allowed', detail: { teamId, shown: 'absent' } })));
    }
    return { enrolmentIds };
  });
}
