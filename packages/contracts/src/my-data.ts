import { z } from 'zod';
import { text, uuid } from './common.ts';

/**
 * Aktindsigt (issue 13.7, GDPR Art. 15): everything Samkraft holds about a citizen, as a readable
 * PDF and a machine-readable file — a FHIR Bundle shaped as the FHIR API serves it, plus what the
 * FHIR API does not cover as plain JSON sections.
 */

export const myDataFormats = ['json', 'pdf'] as const;
export const myDataFormat = z.enum(myDataFormats);
export type MyDataFormat = z.infer<typeof myDataFormat>;

/** The citizen's own download: which file. */
export const myDataQuery = z.strictObject({ format: myDataFormat.optional() });

/** Staff producing the same for a written request: the request's reference (journal number, letter date) is recorded in the audit log. */
export const dataAccessRequestBody = z.strictObject({
  reference: text.trim().min(3).max(200),
  format: myDataFormat,
});
export type DataAccessRequestBody = z.infer<typeof dataAccessRequestBody>;

export const dataAccessRequestParams = z.strictObject({ courseId: uuid });

/** The machine-readable file's outline (the sections' contents are each feature's own DTOs). */
export const myDataFile = z.object({
  format: z.literal('samkraft-aktindsigt/1'),
  generatedAt: text,
  request: z.object({ by: z.enum(['citizen', 'staff']), reference: text.nullable(), municipality: text.nullable() }),
  citizen: z.object({ id: uuid, name: text }),
  fhir: z.record(z.string(), z.unknown()),
  sections: z.record(z.string(), z.unknown()),
  /** Which kinds of record the file holds, and those it leaves out with why. */
  coverage: z.object({ sections: z.array(z.object({ key: text, tables: z.array(text) })), excluded: z.record(z.string(), text) }),
});
export type MyDataFile = z.infer<typeof myDataFile>;
