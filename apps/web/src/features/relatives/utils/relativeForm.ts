import type { CourseRelative, RelativeCreate, RelativeRelation } from '@samkraft/contracts/relatives';

/** The relative form as typed: text fields as strings, an empty phone meaning none. */
export type RelativeForm = {
  name: string;
  relation: RelativeRelation | '';
  phone: string;
  consentToParticipate: boolean;
  consentToShareWithProvider: boolean;
  consentGivenOn: string;
  startsOn: string;
};

export const emptyRelativeForm = (today: string): RelativeForm => ({ name: '', relation: '', phone: '', consentToParticipate: false, consentToShareWithProvider: false, consentGivenOn: today, startsOn: today });

export const relativeFormOf = (r: CourseRelative): RelativeForm => ({
  name: r.name,
  relation: r.relation,
  phone: r.phone ?? '',
  consentToParticipate: r.consentToParticipate,
  consentToShareWithProvider: r.consentToShareWithProvider,
  consentGivenOn: r.consentGivenOn,
  startsOn: r.startsOn,
});

/** The request body: the server checks every field and answers naming the ones it refuses (a missing relation too). */
export function toRelativeBody(f: RelativeForm): RelativeCreate {
  return {
    name: f.name,
    relation: f.relation as RelativeRelation,
    phone: f.phone.trim() === '' ? null : f.phone.trim(),
    consentToParticipate: f.consentToParticipate,
    consentToShareWithProvider: f.consentToShareWithProvider,
    consentGivenOn: f.consentGivenOn,
    startsOn: f.startsOn,
  };
}
