import fs from 'node:fs';
import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import type { KlBuildContext, KlCitizenModel, KlReferralModel } from '../features/kl-gateway/kl-model.ts';

/*
 * The IGs' two example stories told as Samkraft records, for the KL Gateway builders' tests:
 * Ruddi (§140, Holbæk: a GGOP for a hip fracture, a therapeutic assessment, physical training on
 * a team) and Bruno (§119: a GP referral for type 2 diabetes, a clarifying conversation, cooking
 * in practice). SOR codes are the examples' own; the CPR numbers are the official test persons'.
 */

export type TranscribedReport = {
  resourceType: 'Bundle';
  id: string;
  meta: { profile: string[] };
  entry: { fullUrl: string; resource: Record<string, unknown> & { resourceType: string; id: string; meta: { profile: string[] } } }[];
};

export const readTranscribed = (name: string): TranscribedReport =>
  JSON.parse(fs.readFileSync(new URL(`../../../../refdata/fhir/kl-gateway/${name}.transcribed.json`, import.meta.url), 'utf8')) as TranscribedReport;

export const RUDDI_CPR = '1502779995';
export const BRUNO_CPR = '2509479989';
export const HOLBAEK_CUSTODIAN_SOR = '451000016003';
export const HOLBAEK_REHAB_SOR = '1037801000016003';
export const HOLBAEK_PREVENTION_SOR = '1037791000016002';
export const HOLBAEK_ORTHOPAEDICS_SOR = '227871000016001';
export const BRUNO_GP_SOR = '1071391000016009';

/** The mapping the stories use: physical training and cooking in practice; mobility, transfers and nutrition. */
const interventionCodes: Record<KlLegalBasis, Record<string, string | null>> = {
  SUL140: { mixed_training: '2abe20c7-c0b4-41c1-b397-52acf36499ef', diet: null },
  SUL119: { diet: '01a500f6-c221-4fd0-b518-cd361218b60d' },
};
const conditionCodes: Record<KlLegalBasis, Record<string, string | null>> = {
  SUL140: { 'physical.function': 'dd41df82-3c13-4523-b9c5-e83676425299', 'practical.personal_care': '86e1982c-f459-4658-9071-e4bf3453a687', 'existential.faith': null },
  SUL119: { 'physical.eating': 'c0ee1cf6-47a9-4523-8fda-a80a13e28e30' },
};

export function storyContext(basis: KlLegalBasis, asOf: string, over: Partial<KlBuildContext> = {}): KlBuildContext {
  const unit = basis === 'SUL140' ? HOLBAEK_REHAB_SOR : HOLBAEK_PREVENTION_SOR;
  return {
    basis,
    asOf,
    custodianSor: HOLBAEK_CUSTODIAN_SOR,
    homeUnitSor: unit,
    providerSor: (m) => (m === '0316' ? unit : null),
    interventionCode: (c) => interventionCodes[basis][c],
    conditionCode: (c) => conditionCodes[basis][c],
    ...over,
  };
}

const ruddiReferral: KlReferralModel = {
  referralId: '11111111-1111-4111-8111-111111111111',
  courseId: '11111111-1111-4111-8111-222222222222',
  receivedOn: '2022-05-23',
  dischargedOn: '2022-05-24',
  requester: { sor: HOLBAEK_ORTHOPAEDICS_SOR },
  diagnosis: { code: 'DS721', title: 'Pertrokantær femurfraktur' },
  closedOn: null,
  closeReason: null,
  firstContactOn: '2022-05-23',
  firstOfferedOn: '2022-05-28',
  assessments: [{ assessedOn: '2022-05-28', occasion: 'initial', itemCodes: ['physical.function', 'practical.personal_care'] }],
  interventions: [
    {
      crossReferralId: '11111111-1111-4111-8111-333333333333',
      kind: 'home',
      interventionCode: 'mixed_training',
      interventionName: 'Fysisk træning, blandede diagnoser',
      form: 'team',
      providerMunicipality: '0316',
      receivedOn: '2022-05-28',
      startedOn: '2022-05-31',
      endedOn: null,
      endReason: null,
      providerDecision: 'accepted',
      decline: null,
      inTeam: true,
      sessions: [
        { sessionId: '11111111-1111-4111-8111-444444444401', startsAt: '2022-05-31T08:00:00.000Z', onDate: '2022-05-31', minutes: 60 },
        { sessionId: '11111111-1111-4111-8111-444444444402', startsAt: '2022-06-21T08:00:00.000Z', onDate: '2022-06-21', minutes: 60 },
      ],
    },
  ],
  closingConversationOn: null,
};

export const ruddi = (over: Partial<KlReferralModel> = {}): KlCitizenModel => ({
  citizenId: '11111111-1111-4111-8111-000000000001',
  cpr: RUDDI_CPR,
  deceasedOn: null,
  referrals: [{ ...ruddiReferral, ...over }],
});

const brunoReferral: KlReferralModel = {
  referralId: '22222222-2222-4222-8222-111111111111',
  courseId: '22222222-2222-4222-8222-222222222222',
  receivedOn: '2022-06-02',
  dischargedOn: null,
  requester: { sor: BRUNO_GP_SOR },
  diagnosis: { code: 'DE11', title: 'Type 2-diabetes' },
  closedOn: null,
  closeReason: null,
  firstContactOn: '2022-06-02',
  firstOfferedOn: '2022-06-10',
  assessments: [{ assessedOn: '2022-06-10', occasion: 'initial', itemCodes: ['physical.eating'] }],
  interventions: [
    {
      crossReferralId: '22222222-2222-4222-8222-333333333333',
      kind: 'home',
      interventionCode: 'diet',
      interventionName: 'Kostvejledning',
      form: 'team_or_individual',
      providerMunicipality: '0316',
      receivedOn: '2022-06-10',
      startedOn: null,
      endedOn: null,
      endReason: null,
      providerDecision: 'accepted',
      decline: null,
      inTeam: true,
      sessions: [],
    },
  ],
  closingConversationOn: null,
};

export const bruno = (over: Partial<KlReferralModel> = {}): KlCitizenModel => ({
  citizenId: '22222222-2222-4222-8222-000000000001',
  cpr: BRUNO_CPR,
  deceasedOn: null,
  referrals: [{ ...brunoReferral, ...over }],
});
