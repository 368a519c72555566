/** A `tel:` link for a Danish phone number as staff write it ("39 57 51 23", "+45 …"). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  return `tel:${digits.startsWith('+') ? digits : `+45${digits}`}`;
}
