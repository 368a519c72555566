import { MEMBER_CODE as M } from '../reference-data/members.data.ts';
import type { DepartmentKey } from './demo-people.data.ts';

/**
 * The SOR codes and GLNs of the demo's organisations, so MedCom messages can be addressed to and
 * from them. Never invented: every pair is an Organization of MedCom's official CareCommunication
 * test messages (refdata/fhir/medcom/carecommunication/*.json in the steering repository: MedCom's
 * test scripts, commit b36af236, SendExamples.zip and ReceiveExamples.zip; all carry the GLN under
 * `https://www.gs1.org/gln`, and every GLN passes the GS1 check digit). These are all nine of them,
 * with the names the messages give them, and the messages where each is sender (S) or receiver (R).
 */
export const MEDCOM_TEST_ORGANISATIONS = {
  /** R in R-A-new, R-C-forward, R-Tek-B, R-Tek-K, R-Tek-M, S-A-new; S in R-Tek-G. */
  sundhedsplejenAabenraa: { sorCode: '330461000016004', gln: '5790001353308', name: 'Sundhedsplejen, Aabenraa kommune' },
  /** R in R-Tek-CPR-1, R-Tek-CPR-3, S-Tek-CPR. */
  medcomXdis91: { sorCode: '325251000016005', gln: '5790000121526', name: 'MedCom XDIS91' },
  /** R in R-Tek-E-new-parallel, R-Tek-I-reply-order. */
  ardenLaegehus: { sorCode: '382871000016004', gln: '5790001387419', name: 'Arden Lægehus' },
  /** R in R-Tek-G, S-C-new, S-E-forward, S-Tek-B-new-episodeOfCare. */
  laegehusetOesterbro: { sorCode: '1017421000016003', gln: '5790002408496', name: '2100 Lægehuset Østerbro' },
  /** S in R-A-new, R-Tek-B, R-Tek-K, R-Tek-M, S-A-new. */
  aeldresygdommeAuh: { sorCode: '441211000016000', gln: '5790001987244', name: 'Klinik for Ældresygdomme, AUH, Skejby' },
  /** S in R-Tek-E-new-parallel, R-Tek-I-reply-order. */
  hjerteafdelingenHgh: { sorCode: '265161000016000', gln: '5790000209354', name: 'Hjerteafdelingen på Herlev og Gentofte hospital' },
  /** S in R-Tek-CPR-1, R-Tek-CPR-3, S-Tek-CPR. */
  medcomFdis91: { sorCode: '325371000016006', gln: '5790000120314', name: 'MedCom FDIS91' },
  /** S in R-C-forward, S-C-new, S-Tek-B-new-episodeOfCare. */
  hjemmesygeplejenAalborg: { sorCode: '328081000016004', gln: '5790000121786', name: 'Hjemmesygeplejen, Aalborg kommune' },
  /** S in S-E-forward (the message gives it no name). */
  unnamedSender: { sorCode: '1382601000016006', gln: '5790002631818', name: null },
} as const;
export type MedcomTestOrganisation = keyof typeof MEDCOM_TEST_ORGANISATIONS;

/**
 * Who carries which. The four receivers of MedCom's test messages are member municipalities' own
 * units, so the test messages are addressed to Samkraft: Gladsaxe (the demo's fully staffed
 * municipality) takes the receiver of most of them. The five others go to the GP clinics and
 * hospital departments the demo's journeys send to (the citizen's GP in Gladsaxe, Ballerup and
 * Rødovre; the breast surgery and urology departments), under the demo's own names. Nine pairs do
 * not reach every organisation: the units of Lyngby-Taarbæk, Rødovre, Furesø, Rudersdal and Egedal,
 * the Gentofte GP clinic and four departments have none, and cannot send or receive electronically
 * (the register says so).
 */
export const MUNICIPAL_UNIT_IDENTIFIERS: Readonly<Record<string, MedcomTestOrganisation | null>> = {
  [M.gladsaxe]: 'sundhedsplejenAabenraa',
  [M.herlev]: 'laegehusetOesterbro',
  [M.ballerup]: 'medcomXdis91',
  [M.gentofte]: 'ardenLaegehus',
  [M.lyngbyTaarbaek]: null,
  [M.roedovre]: null,
  [M.furesoe]: null,
  [M.rudersdal]: null,
  [M.egedal]: null,
};

/** The GP clinics' identifiers by the clinic's municipality (demo-people.data.ts GP_CLINICS). */
export const GP_CLINIC_IDENTIFIERS: Readonly<Record<string, MedcomTestOrganisation>> = {
  [M.gladsaxe]: 'medcomFdis91',
  [M.ballerup]: 'unnamedSender',
  [M.roedovre]: 'hjemmesygeplejenAalborg',
};

export const DEPARTMENT_IDENTIFIERS: Readonly<Partial<Record<DepartmentKey, MedcomTestOrganisation>>> = {
  breast: 'hjerteafdelingenHgh',
  urology: 'aeldresygdommeAuh',
};

/** The SOR code and GLN a demo organisation carries, by its key above. */
export function medcomIdentifiers(key: MedcomTestOrganisation | null | undefined): { sor_code: string | null; ean: string | null } {
  if (!key) return { sor_code: null, ean: null };
  const o = MEDCOM_TEST_ORGANISATIONS[key];
  return { sor_code: o.sorCode, ean: o.gln };
}
