/** Full years between a birth date and a date, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** One line for an address; null under name and address protection, or when nothing is known. */
export function visibleAddress(c: { protected: boolean; addressLine: string | null; postalCode: string | null; city: string | null }): string | null {
  if (c.protected) return null;
  const town = [c.postalCode, c.city].filter(Boolean).join(' ');
  return [c.addressLine, town].filter(Boolean).join(', ') || null;
}
