import type { FieldError } from '../../../api/apiRequestError.ts';

/** The server's field errors by field name (several for one field are joined). */
export function fieldErrorMap(fields: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    // An unknown-keys error may name several fields in one entry.
    for (const name of f.field.split(', ')) out[name] = out[name] ? `${out[name]}; ${f.message}` : f.message;
  }
  return out;
}

/** The open course a 409 from intake points to (the server names it in the allowDuplicate field). */
export function openCourseIdFrom(fields: readonly FieldError[]): string | null {
  const f = fields.find((x) => x.field === 'allowDuplicate');
  const m = f?.message.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  return m ? m[0] : null;
}
