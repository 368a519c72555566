import { z } from 'zod';
import { auditOutcomes, isoDate, role, text, uuid } from './common.ts';

/**
 * "Tilsyn med adgang" (issue 15.4): the audit log for the municipality's data-protection role
 * (`auditor`). Events of the auditor's own municipality — about its citizens (home municipality) or
 * done by its staff — newest first, paged by a cursor (never counted or skipped through), filtered
 * by citizen, user, period, action and outcome; exported as CSV or XLSX (bounded); and a list of
 * unusual reads for the data-protection officer. Texts come from the server in Danish and English.
 */

const words = z.object({ da: text, en: text });

/** What kind of event: a read of a citizen's data, a change, a sign-in, or work about no one citizen. */
export const auditEventKinds = ['read', 'write', 'sign_in', 'no_citizen', 'other'] as const;

export const auditReviewEvent = z.object({
  id: text,
  at: text,
  who: z.object({
    kind: z.enum(['staff', 'citizen', 'system']),
    /** The staff user's id (to filter by them), name and user name; null for the citizen and the system. */
    userId: uuid.nullable(),
    name: text.nullable(),
    username: text.nullable(),
    municipality: z.object({ code: text, name: text }).nullable(),
    /** The roles the staff member acted in, as they were at the time. */
    roles: z.array(words),
    /** The system actor's label (`system:messaging`), else null. */
    label: text.nullable(),
  }),
  action: text,
  kind: z.enum(auditEventKinds),
  what: words,
  why: words,
  outcome: z.enum(auditOutcomes),
  citizen: z.object({ id: uuid, name: text }).nullable(),
  entity: z.object({ type: text, id: text.nullable() }).nullable(),
});
export type AuditReviewEvent = z.infer<typeof auditReviewEvent>;

export const auditReviewPage = z.object({
  events: z.array(auditReviewEvent),
  /** Give as `before` for the next (older) page; null when there is none. */
  next: text.nullable(),
});
export type AuditReviewPage = z.infer<typeof auditReviewPage>;

/** The filters the list and the export share. `to` is the last day included (Danish calendar days). */
export const auditReviewFilter = z.strictObject({
  citizenId: uuid.optional(),
  userId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_.]+$/, 'must be an audit action such as course.read')
    .max(100)
    .optional(),
  outcome: z.enum(auditOutcomes).optional(),
});
export type AuditReviewFilter = z.infer<typeof auditReviewFilter>;

export const auditReviewQuery = auditReviewFilter.extend({
  before: z.string().regex(/^[0-9]{1,17}-[0-9]{1,19}$/, 'must be a cursor the list gave').optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type AuditReviewQuery = z.infer<typeof auditReviewQuery>;

export const auditReviewExportFormats = ['csv', 'xlsx'] as const;
export const auditReviewExportQuery = auditReviewFilter.extend({ format: z.enum(auditReviewExportFormats) });
export type AuditReviewExportQuery = z.infer<typeof auditReviewExportQuery>;

/** The CPR travels in the body, never in a URL (the logs carry no citizen). */
export const auditReviewCitizenLookupBody = z.strictObject({ cpr: text.max(20) });
export const auditReviewCitizenLookup = z.object({ citizen: z.object({ id: uuid, name: text }).nullable() });
export type AuditReviewCitizenLookup = z.infer<typeof auditReviewCitizenLookup>;

/** The alert list's period and thresholds (the defaults are the rules'). */
export const auditReviewAlertQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  /** Flag a user who read at least this many distinct citizens… */
  minCitizens: z.coerce.number().int().min(1).max(100_000).optional(),
  /** …of whom at most this share (per cent) were their own. */
  maxOwnPercent: z.coerce.number().int().min(0).max(100).optional(),
  /** Flag a user with at least this many reads outside working hours. */
  minOutsideHours: z.coerce.number().int().min(1).max(100_000).optional(),
  /** Working hours on the Danish wall clock, weekdays that are not public holidays: from this hour… */
  workStartHour: z.coerce.number().int().min(0).max(23).optional(),
  /** …until this hour (exclusive). */
  workEndHour: z.coerce.number().int().min(1).max(24).optional(),
});
export type AuditReviewAlertQuery = z.infer<typeof auditReviewAlertQuery>;

export const auditAlertReasons = ['many_not_own', 'outside_hours'] as const;
export type AuditAlertReason = (typeof auditAlertReasons)[number];

export const auditReviewAlert = z.object({
  user: z.object({ id: uuid, name: text, username: text, municipality: z.object({ code: text, name: text }).nullable(), roles: z.array(role) }),
  reasons: z.array(z.enum(auditAlertReasons)),
  reads: z.number().int(),
  citizens: z.number().int(),
  ownCitizens: z.number().int(),
  outsideHours: z.number().int(),
});
export type AuditReviewAlert = z.infer<typeof auditReviewAlert>;

export const auditReviewAlerts = z.object({
  from: isoDate,
  to: isoDate,
  thresholds: z.object({ minCitizens: z.number().int(), maxOwnPercent: z.number().int(), minOutsideHours: z.number().int(), workStartHour: z.number().int(), workEndHour: z.number().int() }),
  alerts: z.array(auditReviewAlert),
});
export type AuditReviewAlerts = z.infer<typeof auditReviewAlerts>;

/** What the retention keeps, for the page's footnote. */
export const auditReviewRetention = z.object({ months: z.number().int(), floorMonths: z.number().int(), law: text });
export type AuditReviewRetention = z.infer<typeof auditReviewRetention>;
