import { z } from 'zod';
import { isoDate, text, uuid } from './common.ts';
import { goalStatus } from './plans.ts';

/**
 * The citizen's API (`/api/borger/…`, issue 13): what a citizen signed in through the identity
 * provider sees of their own data. Never staff data beyond the names and numbers to call.
 */

/** The signed-in citizen (no CPR: the web never needs it). */
export const citizenSessionInfo = z.object({
  citizen: z.object({ givenName: text, familyName: text }),
  /** Send as header `x-csrf-token` on every state-changing request. */
  csrfToken: text,
  idleExpiresAt: text,
});
export type CitizenSessionInfo = z.infer<typeof citizenSessionInfo>;

/** The ways in the citizen sign-in page offers: the MitID broker (OpenID Connect) and NemLog-in (SAML), each when configured. */
export const citizenSignInMethods = z.object({ oidc: z.boolean(), saml: z.boolean() });
export type CitizenSignInMethods = z.infer<typeof citizenSignInMethods>;

/** Where the browser goes to sign out at the identity provider too (RP-initiated logout), or null. */
export const citizenSignOutResult = z.object({ logoutUrl: text.nullable() });
export type CitizenSignOutResult = z.infer<typeof citizenSignOutResult>;

/** Who to call: a person with a number, or the unit's number when the person has none. */
export const citizenContact = z.object({
  name: text.nullable(),
  phone: text.nullable(),
  /** Whose number `phone` is. */
  phoneOf: z.enum(['person', 'unit']).nullable(),
  email: text.nullable(),
});
export type CitizenContact = z.infer<typeof citizenContact>;

export const myCourseGoal = z.object({ description: text, targetOn: isoDate.nullable(), status: goalStatus });

export const myCoursePlan = z.object({
  version: z.number().int(),
  agreedOn: isoDate,
  difficultiesAndNeeds: text,
  purposeAndContent: text,
  location: text,
  firstFollowUpOn: isoDate,
  goals: z.array(myCourseGoal),
  responsibilities: z.array(z.object({ part: text, responsible: text })),
});
export type MyCoursePlan = z.infer<typeof myCoursePlan>;

/** An intervention of the course, and who provides it. */
export const myIntervention = z.object({
  name: text,
  providerMunicipality: text,
  placeName: text.nullable(),
  address: text.nullable(),
  status: z.enum(['sent', 'accepted', 'started', 'ended', 'declined']),
  startedOn: isoDate.nullable(),
  endedOn: isoDate.nullable(),
  contact: citizenContact,
});
export type MyIntervention = z.infer<typeof myIntervention>;

export const myCourse = z.object({
  id: uuid,
  openedOn: isoDate,
  homeMunicipality: text,
  contactPerson: citizenContact,
  plan: myCoursePlan.nullable(),
  interventions: z.array(myIntervention),
});
export type MyCourse = z.infer<typeof myCourse>;

export const myCourses = z.object({ courses: z.array(myCourse) });
export type MyCourses = z.infer<typeof myCourses>;

/** Why a sign-in was refused: the page `/borger/log-ind?fejl=…` says it in plain words. */
export const citizenSignInErrors = ['state', 'provider', 'cpr_missing', 'assurance', 'unavailable'] as const;
export type CitizenSignInError = (typeof citizenSignInErrors)[number];
