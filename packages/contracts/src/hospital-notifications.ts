import { z } from 'zod';
import { municipalityCode, text } from './common.ts';

/*
 * MedCom's hospital notifications (advis om sygehusophold) as Samkraft acts on them — when the
 * municipality has chosen to (off by default): the municipality's setting, a course's current
 * hospital stay, and which participants of a team are away at hospital.
 */

/** A member municipality's choice whether Samkraft acts on the hospital notifications it receives. */
export const hospitalNotificationSetting = z.object({
  municipalityCode,
  municipalityName: text,
  act: z.boolean(),
  /** When it was last changed, and by whom (null: never changed — off). */
  changedAt: text.nullable(),
  changedByName: text.nullable(),
});
export type HospitalNotificationSetting = z.infer<typeof hospitalNotificationSetting>;

/** Administrators see and change every member municipality's; a municipal lead sees their own. */
export const hospitalNotificationSettings = z.object({ settings: z.array(hospitalNotificationSetting), canChange: z.boolean() });
export type HospitalNotificationSettings = z.infer<typeof hospitalNotificationSettings>;

export const hospitalNotificationSettingParams = z.strictObject({ municipalityCode });

export const hospitalNotificationSettingUpdate = z.strictObject({ act: z.boolean() });
export type HospitalNotificationSettingUpdate = z.infer<typeof hospitalNotificationSettingUpdate>;

/** admitted: an inpatient stay (IMP); emergency: at hospital for an acute assessment without admission (EMER). */
/** The Encounter's status a HospitalNotification may carry (MedCom HospitalNotification 3.0.2), as a stay keeps it. */
export const hospitalEncounterStatuses = ['in-progress', 'onleave', 'finished', 'entered-in-error'] as const;
export type HospitalEncounterStatus = (typeof hospitalEncounterStatuses)[number];
/** The Encounter's class: inpatient (IMP) or emergency (EMER). */
export const hospitalEncounterClasses = ['IMP', 'EMER'] as const;
export type HospitalEncounterClass = (typeof hospitalEncounterClasses)[number];

export const hospitalStayKinds = ['admitted', 'emergency'] as const;
export type HospitalStayKind = (typeof hospitalStayKinds)[number];

/** The citizen's current hospital stay, as the home municipality's course page shows it. */
export const currentHospitalStay = z.object({
  kind: z.enum(hospitalStayKinds),
  /** The instant the stay began (ISO 8601). */
  since: text,
  department: text.nullable(),
  /** On leave from the stay since this instant, when on leave now. */
  onLeaveSince: text.nullable(),
});
export type CurrentHospitalStay = z.infer<typeof currentHospitalStay>;

/**
 * A hospital's notification that the citizen has died (MedCom's MORS: Patient.deceased on a stay's
 * notification), not yet recorded in Samkraft: when the notification was sent and from which
 * department. The contact person checks it and records the death, which closes the course.
 */
export const reportedDeath = z.object({
  /** The instant the hospital sent the notification (ISO 8601). */
  notifiedAt: text,
  department: text.nullable(),
});
export type ReportedDeath = z.infer<typeof reportedDeath>;

export const courseHospitalStay = z.object({ stay: currentHospitalStay.nullable(), death: reportedDeath.nullable() });
export type CourseHospitalStay = z.infer<typeof courseHospitalStay>;

/** The participants of a team away at hospital now: only that, never where or why. */
export const teamHospitalAbsences = z.object({ enrolmentIds: z.array(z.uuid()) });
export type TeamHospitalAbsences = z.infer<typeof teamHospitalAbsences>;
