import type { MyDocument, MyDocumentKind } from '@samkraft/contracts/my-documents';
import type { CitizenCourseRecord } from './my-documents.repository.ts';

export type DocumentSources = {
  letters: { courseId: string; sentOn: string }[];
  plans: { id: string; courseId: string; version: number; agreedOn: string }[];
  notes: { id: string; courseId: string; sentOn: string }[];
};

/** A document's id: its kind and the record it is made from (the course for a preparation letter). */
export const documentIdOf = (kind: MyDocumentKind, recordId: string): string => `${kind}.${recordId}`;

/**
 * The citizen's documents, newest first (by date, then letters before the plan before the note of
 * the same day), each with its home municipality.
 */
export function toMyDocuments(courses: CitizenCourseRecord[], s: DocumentSources): MyDocument[] {
  const municipalityOf = new Map(courses.map((c) => [c.id, c.homeMunicipality]));
  const home = (courseId: string) => municipalityOf.get(courseId) ?? '';
  const docs: MyDocument[] = [
    ...s.letters.map((l) => ({ id: documentIdOf('preparation_letter', l.courseId), kind: 'preparation_letter' as const, courseId: l.courseId, date: l.sentOn, version: null, homeMunicipality: home(l.courseId) })),
    ...s.plans.map((p) => ({ id: documentIdOf('action_plan', p.id), kind: 'action_plan' as const, courseId: p.courseId, date: p.agreedOn, version: p.version, homeMunicipality: home(p.courseId) })),
    ...s.notes.map((n) => ({ id: documentIdOf('closing_note', n.id), kind: 'closing_note' as const, courseId: n.courseId, date: n.sentOn, version: null, homeMunicipality: home(n.courseId) })),
  ];
  const order: Record<MyDocumentKind, number> = { closing_note: 0, action_plan: 1, preparation_letter: 2 };
  return docs.sort((a, b) => b.date.localeCompare(a.date) || order[a.kind] - order[b.kind] || (b.version ?? 0) - (a.version ?? 0) || a.id.localeCompare(b.id));
}

/** The kind and record of a document id (the route's schema has checked its shape). */
export function parseDocumentId(id: string): { kind: MyDocumentKind; recordId: string } {
  const dot = id.indexOf('.');
  return { kind: id.slice(0, dot) as MyDocumentKind, recordId: id.slice(dot + 1) };
}
