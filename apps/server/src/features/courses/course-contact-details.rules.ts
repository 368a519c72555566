import type { CourseContactDetailsRecord } from './course.repository.ts';

export type CourseContactDetails = CourseContactDetailsRecord;

/**
 * The number to call about the course: the contact person's work phone, else the home
 * municipality's rehabilitation unit — a letter never leaves the citizen without a number.
 */
export function phoneToCall(d: CourseContactDetails): { phone: string; of: 'contact_person' | 'unit' } | null {
  if (d.contactPerson?.phone) return { phone: d.contactPerson.phone, of: 'contact_person' };
  if (d.unitPhone) return { phone: d.unitPhone, of: 'unit' };
  return null;
}

/** "Anne Hansen, tlf. 44 55 66 77" — or the unit's number, said as such, when she has none. */
export function contactLineDa(d: CourseContactDetails): string {
  const phone = phoneToCall(d);
  const name = d.contactPerson?.name ?? 'ikke tildelt endnu';
  if (!phone) return name;
  return phone.of === 'contact_person' ? `${name}, tlf. ${phone.phone}` : `${name} – ring til kræftrehabiliteringen i ${d.municipalityName} Kommune på tlf. ${phone.phone}`;
}
