import { z } from 'zod';

/** Year 1 to 9999 (PostgreSQL has no year 0), and the day exists in its month. */
function isRealDate(v: string): boolean {
  const at = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === v && v >= '0001-01-01';
}

/**
 * A calendar date `YYYY-MM-DD`. `2017-02-30` has the right shape and is still refused: it would
 * otherwise reach PostgreSQL, which refuses it with an error the API answers 500.
 * (`abort`: a date of the wrong shape is one error, not also "not a real date".)
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD', abort: true })
  .refine(isRealDate, { message: 'must be a real date YYYY-MM-DD', params: { code: 'invalid_date' } });
/** An offset PostgreSQL accepts (±15:59) and a real one (±14:00 at most anywhere). */
function isStorableInstant(v: string): boolean {
  const at = Date.parse(v);
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(v);
  const minutes = offset ? Number(offset[2]) * 60 + Number(offset[3]) : 0;
  return !Number.isNaN(at) && minutes <= 14 * 60 && v.slice(0, 10) >= '1900-01-01' && v.slice(0, 10) <= '2200-12-31' && isRealDate(v.slice(0, 10));
}

/**
 * An instant, ISO 8601 with `Z` or an offset (`2026-11-23T09:30:00+01:00`). A shape-valid one
 * PostgreSQL cannot store (an offset of +23:14, year 9600, 30 February) is refused here, not
 * answered 500 by the database.
 */
export const isoInstant = z.iso
  .datetime({ offset: true, abort: true })
  .refine(isStorableInstant, { message: 'must be a real date and time (year 1900–2200, offset at most ±14:00)', params: { code: 'invalid_date' } });

/** The same as `isoDate`, which checks the calendar too now; the contracts written before use this name. */
export const calendarDate = isoDate;

/** NUL, or half of a UTF-16 surrogate pair (not Unicode: JSON and jsonb refuse its escape). */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for.
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL can store: no NUL character, no lone surrogate (either would reach the
 * database and fail there, as a 500). Every string of the contracts is one.
 */
export const text = z.string().refine((v) => !unstorable.test(v), { message: 'must not contain the NUL character or broken Unicode', params: { code: 'invalid_characters' }, abort: true });

export const uuid = z.uuid();
/** A Danish or international phone number as typed: digits and spaces, an optional leading +. */
export const phoneNumber = text.trim().regex(/^\+?[0-9][0-9 ]{6,18}[0-9]$/, 'must be a phone number: digits and spaces, an optional leading +');
export const municipalityCode = z
  .string()
  .trim()
  .regex(/^\d{3,4}$/, 'must be a municipality code of 3 or 4 digits')
  .transform((v) => v.padStart(4, '0'));

export const roles = ['contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator', 'auditor'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const professions = ['nurse', 'physiotherapist', 'occupational_therapist', 'dietitian', 'physician', 'social_worker', 'administrative', 'other'] as const;
export const profession = z.enum(professions);
export type Profession = z.infer<typeof profession>;

/** Where a record came from (the `origin` column of the clinical tables). */
export const origins = ['ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'] as const;
export type Origin = (typeof origins)[number];

export const sexes = ['F', 'M'] as const;
export const sex = z.enum(sexes);
export type Sex = z.infer<typeof sex>;

export const auditOutcomes = ['allowed', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** Narrows a string to one of a closed list's values (instead of a cast). */
export function isOneOf<const T extends string>(values: readonly T[], value: unknown): value is T {
  return values.some((v) => v === value);
}

/** The value a control gave, as one of the closed list it offers (a select offers nothing else); throws on any other. */
export function oneOf<const T extends string>(values: readonly T[], value: string): T {
  if (isOneOf(values, value)) return value;
  throw new Error(`${value} is not one of ${values.join(', ')}`);
}

export const municipalityRef = z.object({ code: z.string(), name: z.string() });
export type MunicipalityRef = z.infer<typeof municipalityRef>;

/**
 * Why a field was refused, as a machine code the web translates (the English `message` beside it
 * is for logs and API clients). Closed, so the web's texts are `Record<FieldErrorCode, string>`
 * and a new code cannot ship without its Danish and English text.
 */
export const fieldErrorCodes = [
  // Shape, from the request schemas.
  'invalid',
  'required',
  'invalid_type',
  'invalid_format',
  'invalid_value',
  'invalid_date',
  'invalid_characters',
  'unknown_field',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'invalid_body',
  'invalid_content_type',
  'body_too_large',
  'csrf_token',
  // CPR numbers (cpr.ts).
  'cpr_empty',
  'cpr_format',
  'cpr_invalid_month',
  'cpr_invalid_day',
  'cpr_not_leap_year',
  // Dates in time.
  'future_date',
  'past_date',
  'before_birth',
  'before_received',
  'before_contact',
  'before_agreed',
  'before_treatment_start',
  'before_discharge',
  // Referral intake and citizens.
  'citizen_deceased',
  'move_date_required',
  'sex_required_replacement_cpr',
  'gop_requires_sul140',
  'discharge_required_sul140',
  'organisation_required',
  'unknown_organisation',
  'unknown_diagnosis',
  'reason_required',
  'reasons_not_allowed',
  'justification_required',
  'open_course',
  'duplicate',
  // The GP clinic (issue 10.15).
  'ydernummer_format',
  'sor_format',
  'gp_identifier_required',
  'not_gp_clinic',
  // Organisations and their identifiers (features/organisations, identifiers.ts).
  'gln_format',
  'gln_check_digit',
  'cvr_format',
  'cvr_check_digit',
  'identifier_taken',
  'parent_not_hospital',
  'parent_department_only',
  'ydernummer_gp_only',
  'has_departments',
  // Courses, assessments, follow-ups.
  'not_contact_person',
  'requires_reached',
  'contact_required',
  'unknown_assessment_item',
  'initial_required',
  'initial_exists',
  'already_held',
  'course_closed',
  'not_goal_of_plan',
  // Deadlines.
  'cross_referral_required',
  'not_cross_referral_of_course',
  'cross_referral_not_allowed',
  'before_paused',
  'note_required',
  'date_or_day_required',
  // The must-use rule (note §8.13).
  'parallel_home_reason_required',
  // Staff users.
  'unknown_municipality',
  'taken',
  'not_demo_user',
  // Cross-municipal referrals.
  'plan_required',
  'nothing_shared',
  'not_routed',
  'unknown_offering',
  'not_eligible',
  // Catalogue (features/catalogue).
  'before_valid_from',
  'below_min_age',
  'team_mode_required',
  'cohort_only',
  'overlapping_route',
  'already_ended',
  'other_intervention',
  // Teams and attendance.
  'before_start',
  'range_too_long',
  'not_enrolled',
  'session_cancelled',
  'session_not_cancelled',
  'attendance_recorded',
  'before_attendance',
  'cohort_started',
  // A citizen cancelling a session themselves (issue 13.4).
  'cutoff_passed',
  'session_past',
  'already_cancelled',
  // Status notes (features/status-notes).
  'already_written',
  'end_note_only',
  // Closing conversation and closing note (features/closings).
  'answers_not_allowed',
  'not_end_assessment',
  'closing_conversation_required',
  'before_conversation',
  'recipient_required',
  'gp_unknown',
  'not_hospital_department',
  'consent_required',
  'already_sent',
  // The questionnaire at closing answered by the citizen (features/closings, issue 13.5).
  'answered_by_citizen',
  'already_answered',
  'questionnaire_expired',
  // Reports (features/reports).
  'period_too_long',
  // Hospital referrals in: an uploaded OIOXML letter, and accepting its draft (features/hospital-referrals).
  'file_empty',
  'file_too_large',
  'not_xml',
  'xml_encoding',
  'xml_doctype',
  'xml_malformed',
  'xml_schema',
  'wrong_letter_type',
  'unknown_receiver',
  'draft_cpr_mismatch',
  // KL Gateway reports (features/kl-gateway).
  'sor_required',
  'before_last_export',
  // The activity ledger and settlement (features/settlement).
  'period_settled',
  'overlapping_tariff',
  // Relatives (features/relatives, teams' relative attendance).
  'participation_consent_required',
  'before_consent',
  'after_end',
  // Messages written from a course (features/messaging).
  'not_addressable',
  'cannot_send',
  'not_course_message',
  // Numbers and measurements (measurements.ts).
  'not_a_number',
  'out_of_range',
  'whole_number',
  'too_many_decimals',
] as const;
export const fieldErrorCode = z.enum(fieldErrorCodes);
export type FieldErrorCode = z.infer<typeof fieldErrorCode>;

/** `{ minimum: 12 }`, `{ courseId }`: what a field error's text may interpolate. */
export const fieldErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type FieldErrorParams = z.infer<typeof fieldErrorParams>;

/**
 * One refused field. `code` is a plain string on the wire, not the enum: a client built before a
 * new code must still read the error (the web falls back to a generic text).
 */
export const fieldError = z.object({ field: z.string(), code: z.string(), message: z.string(), params: fieldErrorParams.optional() });
export type FieldError = z.infer<typeof fieldError>;

/** Every code an error of the API carries (the server's `AppError`); the HTTP status follows from it. */
export const errorCodes = ['validation', 'unauthenticated', 'invalid_credentials', 'forbidden', 'assurance_level', 'not_found', 'conflict', 'csrf', 'rate_limited', 'unavailable', 'internal'] as const;
export const errorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCode>;

/** The one error body of the API. `fields` names each bad field (and row, for files). */
export const apiError = z.object({
  error: z.object({
    code: errorCode,
    message: z.string(),
    fields: z.array(fieldError),
  }),
});
export type ApiError = z.infer<typeof apiError>;

/**
 * The error body as a client reads it: any code, so a client built before a new code still reads
 * the error (and falls back to a generic text), as with field codes.
 */
export const apiErrorAsRead = z.object({ error: apiError.shape.error.extend({ code: z.string() }) });
