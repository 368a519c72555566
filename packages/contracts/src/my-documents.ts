import { z } from 'zod';
import { isoDate, text, uuid } from './common.ts';

/**
 * "Mine dokumenter" (issue 13.2): the citizen's letters, action plans and closing notes as PDF,
 * from every course of their own (open or closed). A document's id names its kind and the record
 * it is made from; the citizen reaches only their own (another's id answers 404).
 */
export const myDocumentKinds = ['preparation_letter', 'action_plan', 'closing_note'] as const;
export type MyDocumentKind = (typeof myDocumentKinds)[number];

/** `<kind>.<uuid>`: the course (preparation letter), the plan version or the closing note. */
export const myDocumentId = z.string().regex(/^(preparation_letter|action_plan|closing_note)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a document id');

export const myDocument = z.object({
  id: myDocumentId,
  kind: z.enum(myDocumentKinds),
  courseId: uuid,
  /** The day the letter or note was sent, or the plan agreed. */
  date: isoDate,
  /** The plan's version; null for the letters. */
  version: z.number().int().nullable(),
  homeMunicipality: text,
});
export type MyDocument = z.infer<typeof myDocument>;

export const myDocuments = z.object({ documents: z.array(myDocument) });
export type MyDocuments = z.infer<typeof myDocuments>;

export const myDocumentParams = z.strictObject({ documentId: myDocumentId });
