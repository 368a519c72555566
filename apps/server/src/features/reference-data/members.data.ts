/**
 * The nine member municipalities of the collaboration ("Vi samler kræfterne").
 *
 * joined_on: the original six (note §1–2) started the cross-municipal work in 2013 and widened it
 * to a cross-sectoral collaboration with Herlev Hospital in January 2014 — 2014-01-01 is used as
 * their start. Gentofte, Lyngby-Taarbæk and Rudersdal joined with the new distribution of
 * interventions from 1 October 2017 (report, Bilag 1).
 *
 * Sites: town halls from refdata/municipalities/nine_kommuner_sites.json. Only Ballerup is an
 * official address point; the other eight are approximate (within ~500 m, inside the polygon).
 */

export type MemberRow = {
  code: string;
  name: string;
  joinedOn: string;
  siteName: string;
  siteAddress: string;
  lat: number;
  lon: number;
};

export const ORIGINAL_MEMBERS_JOINED_ON = '2014-01-01';
export const EXPANSION_JOINED_ON = '2017-10-01';

export const MEMBERS: readonly MemberRow[] = [
  { code: '0151', name: 'Ballerup', joinedOn: ORIGINAL_MEMBERS_JOINED_ON, siteName: 'Ballerup Rådhus', siteAddress: 'Hold-An Vej 7, 2750 Ballerup', lat: 55.73404048, lon: 12.3647784 },
  { code: '0159', name: 'Gladsaxe', joinedOn: ORIGINAL_MEMBERS_JOINED_ON, siteName: 'Gladsaxe Rådhus', siteAddress: 'Rådhus Allé 7, 2860 Søborg', lat: 55.738, lon: 12.49 },
  { code: '0163', name: 'Herlev', joinedOn: ORIGINAL_MEMBERS_JOINED_ON, siteName: 'Herlev Rådhus', siteAddress: 'Herlev Bygade 90, 2730 Herlev', lat: 55.724, lon: 12.4395 },
  { code: '0175', name: 'Rødovre', joinedOn: ORIGINAL_MEMBERS_JOINED_ON, siteName: 'Rødovre Rådhus', siteAddress: 'Rødovre Parkvej 150, 2610 Rødovre', lat: 55.6806, lon: 12.4546 },
  { code: '0190', name: 'Furesø', joinedOn: ORIGINAL_MEMBERS_JOINED_ON, siteName: 'Furesø Rådhus', siteAddress: 'Stiager 2, 3500 Værløse', lat: 55.782, lon: 12.37 },
  { code: '0240', name: 'Egedal', joinedOn: ORIGINAL_MEMBERS_JOINED_ON, siteName: 'Egedal Rådhus', siteAddress: 'Dronning Dagmars Vej 200, 3650 Ølstykke', lat: 55.794, lon: 12.185 },
  { code: '0157', name: 'Gentofte', joinedOn: EXPANSION_JOINED_ON, siteName: 'Gentofte Rådhus', siteAddress: 'Bernstorffsvej 161, 2920 Charlottenlund', lat: 55.7505, lon: 12.5521 },
  { code: '0173', name: 'Lyngby-Taarbæk', joinedOn: EXPANSION_JOINED_ON, siteName: 'Lyngby Rådhus', siteAddress: 'Lyngby Torv 17, 2800 Kongens Lyngby', lat: 55.771, lon: 12.504 },
  { code: '0230', name: 'Rudersdal', joinedOn: EXPANSION_JOINED_ON, siteName: 'Rudersdal Rådhus', siteAddress: 'Øverødvej 2, 2840 Holte', lat: 55.812, lon: 12.472 },
];

/** Municipality codes by name, for readable seed and demo data. */
export const MEMBER_CODE = {
  ballerup: '0151',
  gentofte: '0157',
  gladsaxe: '0159',
  herlev: '0163',
  lyngbyTaarbaek: '0173',
  roedovre: '0175',
  furesoe: '0190',
  rudersdal: '0230',
  egedal: '0240',
} as const;
