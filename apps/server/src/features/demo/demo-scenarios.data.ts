import { MEMBER_CODE as M } from '../reference-data/members.data.ts';
import type { DepartmentKey, TestPersonKey } from './demo-people.data.ts';

/**
 * The demo's referrals: one course each, stopped at a different step of the pathway (DOMAIN.md)
 * relative to the day the demo is seeded. Gladsaxe carries the most, so that `gladsaxe.kontakt`
 * has a full worklist: some assigned to them, some still unassigned.
 */

export type DemoStep =
  | 'received'
  | 'first_contact'
  | 'assessed'
  | 'planned'
  | 'declined'
  | 'referred_on'
  | 'provider_contact'
  | 'in_team'
  | 'ended'
  | 'closed';

export type DemoScenario = {
  person: TestPersonKey;
  home: string;
  step: DemoStep;
  /** Days before the seed day the referral was received. */
  receivedDaysAgo: number;
  source: 'gp' | 'hospital_gop' | 'hospital_ref01' | 'self';
  department?: DepartmentKey;
  diagnosis: string;
  /** The intervention the plan sends the citizen to; the provider follows the routing. */
  intervention?: string;
  /** False leaves the course without a contact person (a lead still has to assign one). */
  assigned: boolean;
  /** Problems found in the initial needs assessment (assessment item codes). */
  problems: string[];
  protectedAddress?: boolean;
  vulnerable?: boolean;
  pensioner?: boolean;
};

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  // Gladsaxe: the contact person's worklist.
  { person: 'lonni', home: M.gladsaxe, step: 'received', receivedDaysAgo: 1, source: 'hospital_gop', department: 'breast', diagnosis: 'DC50', assigned: false, problems: [] },
  { person: 'magnus', home: M.gladsaxe, step: 'received', receivedDaysAgo: 2, source: 'gp', diagnosis: 'DC34', assigned: false, problems: [] },
  { person: 'einer', home: M.gladsaxe, step: 'received', receivedDaysAgo: 3, source: 'hospital_ref01', department: 'urology', diagnosis: 'DC61', assigned: true, problems: [] },
  { person: 'ellen', home: M.gladsaxe, step: 'first_contact', receivedDaysAgo: 6, source: 'gp', diagnosis: 'DC18', assigned: true, problems: [] },
  { person: 'schwendlund', home: M.gladsaxe, step: 'assessed', receivedDaysAgo: 11, source: 'hospital_gop', department: 'headNeckLung', diagnosis: 'DC32', intervention: 'hhk_cross', assigned: true, problems: ['physical.eating', 'social.communication', 'physical.fatigue'], pensioner: true },
  { person: 'mayJune', home: M.gladsaxe, step: 'planned', receivedDaysAgo: 15, source: 'hospital_gop', department: 'breast', diagnosis: 'DC50', intervention: 'breast_training', assigned: true, problems: ['physical.lymphoedema', 'psychological.worry'] },
  { person: 'else', home: M.gladsaxe, step: 'referred_on', receivedDaysAgo: 19, source: 'hospital_ref01', department: 'breast', diagnosis: 'DC50', intervention: 'breast_training', assigned: true, problems: ['physical.function', 'work_economy.return_to_work'] },
  { person: 'odd', home: M.gladsaxe, step: 'in_team', receivedDaysAgo: 60, source: 'gp', diagnosis: 'DC20', intervention: 'men_training', assigned: true, problems: ['physical.function', 'physical.fatigue', 'work_economy.return_to_work'] },
  { person: 'bruno', home: M.gladsaxe, step: 'ended', receivedDaysAgo: 130, source: 'hospital_ref01', department: 'urology', diagnosis: 'DC61', intervention: 'prostate_pelvic_floor', assigned: true, problems: ['physical.continence', 'physical.sexuality'], pensioner: true },
  { person: 'nancy', home: M.gladsaxe, step: 'closed', receivedDaysAgo: 200, source: 'hospital_ref01', department: 'gastro', diagnosis: 'DC18', intervention: 'mixed_training', assigned: true, problems: ['physical.fatigue', 'social.network'], pensioner: true, vulnerable: true },
  { person: 'knut', home: M.gladsaxe, step: 'declined', receivedDaysAgo: 25, source: 'gp', diagnosis: 'DC25', intervention: 'livskraft', assigned: true, problems: ['psychological.worry', 'relatives.children'] },
  // The other municipalities.
  { person: 'kirsten', home: M.gentofte, step: 'in_team', receivedDaysAgo: 55, source: 'hospital_gop', department: 'breast', diagnosis: 'DC50', intervention: 'breast_training', assigned: true, problems: ['physical.lymphoedema', 'physical.function'], protectedAddress: true },
  { person: 'brita', home: M.roedovre, step: 'provider_contact', receivedDaysAgo: 24, source: 'hospital_gop', department: 'breast', diagnosis: 'DC50', intervention: 'breast_training', assigned: true, problems: ['physical.lymphoedema'] },
  { person: 'max', home: M.herlev, step: 'provider_contact', receivedDaysAgo: 26, source: 'hospital_gop', department: 'headNeckLung', diagnosis: 'DC10', intervention: 'hhk_cross', assigned: true, problems: ['physical.eating', 'social.communication'] },
  { person: 'sverre', home: M.ballerup, step: 'planned', receivedDaysAgo: 16, source: 'hospital_ref01', department: 'oncology', diagnosis: 'DC71', intervention: 'brain', assigned: true, problems: ['psychological.memory', 'practical.daily_activities'] },
  { person: 'ruddi', home: M.egedal, step: 'in_team', receivedDaysAgo: 70, source: 'hospital_ref01', department: 'urology', diagnosis: 'DC61', intervention: 'prostate_pelvic_floor', assigned: true, problems: ['physical.continence'] },
  { person: 'niels', home: M.furesoe, step: 'referred_on', receivedDaysAgo: 18, source: 'hospital_gop', department: 'headNeckLung', diagnosis: 'DC34', intervention: 'lung', assigned: true, problems: ['physical.breathing', 'psychological.worry'] },
  { person: 'torre', home: M.lyngbyTaarbaek, step: 'in_team', receivedDaysAgo: 50, source: 'self', diagnosis: 'DC83', intervention: 'puls_styrke', assigned: true, problems: ['physical.function', 'physical.fatigue'] },
  { person: 'sille', home: M.rudersdal, step: 'closed', receivedDaysAgo: 190, source: 'hospital_gop', department: 'breast', diagnosis: 'DC50', intervention: 'breast_training', assigned: true, problems: ['physical.lymphoedema', 'existential.identity'] },
  { person: 'anders', home: M.roedovre, step: 'ended', receivedDaysAgo: 140, source: 'gp', diagnosis: 'DC62', intervention: 'puls_styrke', assigned: true, problems: ['physical.function', 'work_economy.return_to_work'] },
  { person: 'kaja', home: M.ballerup, step: 'in_team', receivedDaysAgo: 40, source: 'hospital_ref01', department: 'haematology', diagnosis: 'DC81', intervention: 'livskraft', assigned: true, problems: ['physical.fatigue', 'psychological.mood', 'work_economy.finances'] },
  { person: 'ek', home: M.herlev, step: 'received', receivedDaysAgo: 2, source: 'hospital_ref01', department: 'gastro', diagnosis: 'DC15', intervention: 'gi_education', assigned: true, problems: [] },
];
