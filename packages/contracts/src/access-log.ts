import { z } from 'zod';
import { text, uuid } from './common.ts';

/**
 * "Hvem har set mine oplysninger" (issue 13.6): every audited read of a citizen's data, newest
 * first, paged by a cursor (the log is never counted or skipped through). The texts come from the
 * server in Danish and English, so the web, the PDF and the FHIR export say the same.
 */

const words = z.object({ da: text, en: text });

export const accessLogEntry = z.object({
  id: text,
  at: text,
  who: z.object({
    kind: z.enum(['staff', 'citizen', 'system']),
    /** The staff member's name; null for the citizen and the system. */
    name: text.nullable(),
    municipality: z.object({ code: text, name: text }).nullable(),
    roles: z.array(words),
  }),
  what: words,
  why: words,
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

export const accessLogPage = z.object({
  entries: z.array(accessLogEntry),
  /** Give as `before` for the next (older) page; null when there is none. */
  next: text.nullable(),
});
export type AccessLogPage = z.infer<typeof accessLogPage>;

/** A page's cursor: the last entry's time and number, as the server gave it. */
export const accessLogQuery = z.strictObject({
  before: z.string().regex(/^[0-9]{1,17}-[0-9]{1,19}$/, 'must be a cursor the log gave').optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type AccessLogQuery = z.infer<typeof accessLogQuery>;

export const accessLogCourseParams = z.strictObject({ courseId: uuid });
