import { z } from 'zod';
import { calendarDate, isoDate, municipalityCode, text, uuid } from './common.ts';

/** A leap year, so that 29 February is a valid recurring closing day. */
const daysInMonth = (month: number): number => new Date(Date.UTC(2024, month, 0)).getUTCDate();

export const closingDaysQuery = z.strictObject({
  /** The municipality whose own days are listed besides the default set; the user's own when left out. */
  municipality: municipalityCode.optional(),
});

/**
 * A closing day on top of the public holidays: once on `date`, or every year on `month`/`day`.
 * Without `municipalityCode` it joins the collaboration's default set (administrators only).
 */
export const closingDayBody = z
  .strictObject({
    municipalityCode: municipalityCode.optional(),
    date: calendarDate.optional(),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    label: text.trim().min(1, 'must not be empty').max(200),
  })
  .superRefine((v, ctx) => {
    const recurring = v.month !== undefined || v.day !== undefined;
    if (v.date !== undefined && recurring) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'give either a date or a recurring month and day, not both', params: { code: 'date_or_day_required' } });
    } else if (v.date === undefined && !recurring) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'is required unless a recurring month and day are given', params: { code: 'date_or_day_required' } });
    } else if (recurring) {
      if (v.month === undefined) ctx.addIssue({ code: 'custom', path: ['month'], message: 'is required with day', params: { code: 'required' } });
      else if (v.day === undefined) ctx.addIssue({ code: 'custom', path: ['day'], message: 'is required with month', params: { code: 'required' } });
      else if (v.day > daysInMonth(v.month)) ctx.addIssue({ code: 'custom', path: ['day'], message: `month ${v.month} has no day ${v.day}`, params: { code: 'invalid_date' } });
    }
  });
export type ClosingDayBody = z.infer<typeof closingDayBody>;

export const closingDayParams = z.strictObject({ id: uuid });

export const closingDay = z.object({
  id: uuid,
  /** null: the collaboration's default set, part of every municipality's calendar. */
  municipalityCode: text.nullable(),
  recurring: z.boolean(),
  month: z.number().int().nullable(),
  day: z.number().int().nullable(),
  date: isoDate.nullable(),
  label: text,
  /** Whether the asking user may delete it. */
  editable: z.boolean(),
});
export type ClosingDayItem = z.infer<typeof closingDay>;

export const closingDays = z.object({
  municipality: z.object({ code: text, name: text }),
  days: z.array(closingDay),
  /** Whether the user may add days to the municipality, and to the default set. */
  permissions: z.object({ editMunicipality: z.boolean(), editDefault: z.boolean() }),
});
export type ClosingDays = z.infer<typeof closingDays>;
