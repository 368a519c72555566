import { describe, expect, it } from 'vitest';
import type { MyCourseRecord, MyInterventionRecord } from './my-course.repository.ts';
import { courseContact, interventionContact, interventionStatus } from './my-course.rules.ts';

const course = (o: Partial<MyCourseRecord> = {}): MyCourseRecord => ({ id: 'k', openedOn: '2026-11-02', homeMunicipality: 'Gladsaxe', unitPhone: null, contactPerson: null, ...o });
const intervention = (o: Partial<MyInterventionRecord> = {}): MyInterventionRecord => ({
  courseId: 'k',
  name: 'Puls og Styrke',
  providerMunicipality: 'Ballerup',
  providerUnitPhone: null,
  placeName: null,
  address: null,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  decision: null,
  startedOn: null,
  endedOn: null,
  ...o,
});

describe('what the citizen is told about who to call', () => {
  it('gives the contact person’s own phone, else the home unit’s, said as the unit’s', () => {
    const person = { name: 'Karen Kontakt', profession: 'nurse', phone: '39 57 51 23', email: null };
    expect(courseContact(course({ contactPerson: person, unitPhone: '39 57 50 00' }))).toEqual({ name: 'Karen Kontakt', phone: '39 57 51 23', phoneOf: 'person', email: null });
    expect(courseContact(course({ contactPerson: { ...person, phone: null }, unitPhone: '39 57 50 00' }))).toEqual({ name: 'Karen Kontakt', phone: '39 57 50 00', phoneOf: 'unit', email: null });
    expect(courseContact(course())).toEqual({ name: null, phone: null, phoneOf: null, email: null });
  });

  it('gives the offering’s contact, else the providing municipality’s unit', () => {
    expect(interventionContact(intervention({ contactName: 'Jonas', contactPhone: '44 77 12 34' }))).toMatchObject({ name: 'Jonas', phone: '44 77 12 34', phoneOf: 'person' });
    expect(interventionContact(intervention({ providerUnitPhone: '44 77 00 00' }))).toMatchObject({ phone: '44 77 00 00', phoneOf: 'unit' });
  });

  it('says where an intervention stands', () => {
    expect(interventionStatus({ decision: null, startedOn: null, endedOn: null })).toBe('sent');
    expect(interventionStatus({ decision: 'accepted', startedOn: null, endedOn: null })).toBe('accepted');
    expect(interventionStatus({ decision: 'accepted', startedOn: '2026-11-20', endedOn: null })).toBe('started');
    expect(interventionStatus({ decision: 'accepted', startedOn: '2026-11-20', endedOn: '2027-01-20' })).toBe('ended');
    expect(interventionStatus({ decision: 'declined', startedOn: null, endedOn: null })).toBe('declined');
  });
});
