import { z } from 'zod';
import {
  type CitizenLookup,
  citizenLookup,
  type DiagnosisItem,
  diagnosisItem,
  type NewReferralBody,
  type NewReferralResult,
  newReferralResult,
} from '@samkraft/contracts/referrals';
import { type OrganisationItem, organisationItem } from '@samkraft/contracts/organisations';
import { type CitizenDetail, citizenDetail, type CitizenGpResult, citizenGpResult, type CitizenGpUpdate } from '@samkraft/contracts/citizens';
import { requestJson } from '../../../api/client.ts';

export function createReferral(body: NewReferralBody): Promise<NewReferralResult> {
  return requestJson('/api/referrals', newReferralResult, { method: 'POST', body });
}

export function lookupCitizen(cpr: string): Promise<CitizenLookup> {
  // In the body: a URL with a CPR would end up in logs.
  return requestJson('/api/citizens/lookup', citizenLookup, { method: 'POST', body: { cpr } });
}

export function fetchOrganisations(kind?: 'gp_clinic'): Promise<OrganisationItem[]> {
  return requestJson(kind ? `/api/organisations?kind=${kind}` : '/api/organisations', z.array(organisationItem));
}

export function fetchDiagnoses(): Promise<DiagnosisItem[]> {
  return requestJson('/api/diagnoses', z.array(diagnosisItem));
}

export function fetchCitizen(citizenId: string): Promise<CitizenDetail> {
  return requestJson(`/api/citizens/${encodeURIComponent(citizenId)}`, citizenDetail);
}

export function setCitizenGp(citizenId: string, body: CitizenGpUpdate): Promise<CitizenGpResult> {
  return requestJson(`/api/citizens/${encodeURIComponent(citizenId)}/gp`, citizenGpResult, { method: 'PUT', body });
}
