import {
  type OrganisationDetail,
  organisationDetail,
  type OrganisationFields,
  type OrganisationRegisterPage,
  organisationRegisterPage,
  type OrganisationRegisterQuery,
} from '@samkraft/contracts/organisations';
import { type Municipality, municipality } from '@samkraft/contracts/reference';
import { z } from 'zod';
import { requestJson } from '../../../api/client.ts';

/** The register's query string: only what is set, so the server's defaults apply to the rest. */
export function registerSearch(q: Partial<OrganisationRegisterQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value !== undefined && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function fetchRegister(q: Partial<OrganisationRegisterQuery>): Promise<OrganisationRegisterPage> {
  return requestJson(`/api/organisations/register${registerSearch(q)}`, organisationRegisterPage);
}

export function fetchOrganisation(id: string): Promise<OrganisationDetail> {
  return requestJson(`/api/organisations/${encodeURIComponent(id)}`, organisationDetail);
}

export function createOrganisation(body: OrganisationFields): Promise<OrganisationDetail> {
  return requestJson('/api/organisations', organisationDetail, { method: 'POST', body });
}

export function saveOrganisation(id: string, body: OrganisationFields): Promise<OrganisationDetail> {
  return requestJson(`/api/organisations/${encodeURIComponent(id)}`, organisationDetail, { method: 'PUT', body });
}

export function setOrganisationActive(id: string, active: boolean): Promise<OrganisationDetail> {
  return requestJson(`/api/organisations/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`, organisationDetail, { method: 'POST' });
}

/** Every Danish municipality: a GP clinic or hospital may lie outside the nine. */
export function fetchAllMunicipalities(): Promise<Municipality[]> {
  return requestJson('/api/municipalities?members=false', z.array(municipality));
}
