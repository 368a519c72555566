import { z } from 'zod';
import { isoDate, municipalityRef, sex, text, uuid } from './common.ts';
import { gpClinic, gpClinicInput } from './organisations.ts';

export const citizenParams = z.strictObject({ citizenId: uuid });

export const citizenDetail = z.object({
  id: uuid,
  identifier: text,
  name: text,
  /** The name's parts as registered (`name` is both, for display). */
  givenName: text,
  familyName: text,
  sex,
  birthDate: isoDate,
  homeMunicipality: municipalityRef,
  /** Hidden (null) when the citizen has name and address protection. */
  address: text.nullable(),
  protected: z.boolean(),
  deceasedOn: isoDate.nullable(),
  vulnerable: z.boolean(),
  synthetic: z.boolean(),
  /** The citizen's GP clinic (egen læge); null when not known. Home municipality only. */
  gp: gpClinic.nullable(),
  courses: z.array(z.object({ courseId: uuid, receivedOn: isoDate, closedOn: isoDate.nullable() })),
});
export type CitizenDetail = z.infer<typeof citizenDetail>;

/** Change the citizen's GP clinic (a known one, or a new one), or `null` when it is not known. */
export const citizenGpUpdate = z.strictObject({ gp: gpClinicInput.nullable() });
export type CitizenGpUpdate = z.input<typeof citizenGpUpdate>;
export const citizenGpResult = z.object({ citizenId: uuid, gp: gpClinic.nullable() });
export type CitizenGpResult = z.infer<typeof citizenGpResult>;

/**
 * Find a citizen by CPR number (with or without the dash) or by name (part of the given or family
 * name, any case; several words must each match). In the body, never the URL: logs keep URLs.
 */
export const citizenSearchBody = z.strictObject({
  query: text.trim().min(2).max(100),
});
export type CitizenSearchBody = z.input<typeof citizenSearchBody>;

/** The most results a search gives; a search that finds more says so and asks for more words. */
export const citizenSearchLimit = 50;

export const citizenSearchResult = z.object({
  citizen: z.object({ id: uuid, name: text, identifier: text }),
  /** `home`: a citizen of the actor's municipality; `provider`: referred to it from another. */
  scope: z.enum(['home', 'provider']),
  /** The home municipality's courses of the citizen (home scope only), newest first. */
  courses: z.array(z.object({ courseId: uuid, receivedOn: isoDate, closedOn: isoDate.nullable() })),
  /** The cross-municipal referrals sent to the actor's municipality (provider scope only), newest first. */
  incomingReferrals: z.array(z.object({ id: uuid, receivedOn: isoDate, homeMunicipality: municipalityRef })),
});
export type CitizenSearchResult = z.infer<typeof citizenSearchResult>;

export const citizenSearchResults = z.object({
  by: z.enum(['cpr', 'name']),
  items: z.array(citizenSearchResult),
  /** More citizens matched than the limit; only the first are given (and audited). */
  truncated: z.boolean(),
});
export type CitizenSearchResults = z.infer<typeof citizenSearchResults>;
