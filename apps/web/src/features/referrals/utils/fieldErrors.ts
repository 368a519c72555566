import type { FieldError } from '../../../api/apiRequestError.ts';

/** The open course a 409 from intake points to (the server names it in the allowDuplicate field). */
export function openCourseIdFrom(fields: readonly FieldError[]): string | null {
  const courseId = fields.find((x) => x.field === 'allowDuplicate' && x.code === 'open_course')?.params?.courseId;
  return typeof courseId === 'string' ? courseId : null;
}
