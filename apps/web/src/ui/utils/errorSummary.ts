/** One line of a form's error summary: the field's element id, its label and the error's text. */
export type ErrorSummaryItem = { field: string; id: string; label: string; message: string };

/**
 * The element id of a form's field, from the server's field path (`citizen.givenName` →
 * `intake-citizen-givenName`): only letters, digits, `-` and `_`, so it is safe in `#id` links.
 */
export function fieldElementId(formId: string, field: string): string {
  return `${formId}-${field.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`;
}

/**
 * The summary's lines, in the order of `order` (the form's fields as shown, top to bottom);
 * fields not in it follow in the server's order. A field without a label shows its path, so
 * nothing refused is left out.
 */
export function errorSummaryItems(
  errors: Record<string, string>,
  formId: string,
  label: (field: string) => string | undefined,
  order: readonly string[] = [],
): ErrorSummaryItem[] {
  const rank = (field: string) => {
    const i = order.indexOf(field);
    return i === -1 ? order.length : i;
  };
  return Object.entries(errors)
    .map(([field, message], i) => ({ field, message, i }))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.i - b.i)
    .map(({ field, message }) => ({ field, id: fieldElementId(formId, field), label: label(field) ?? field, message }));
}
