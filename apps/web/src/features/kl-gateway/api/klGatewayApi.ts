import {
  klAssessmentItemMapping,
  klExportList,
  klInterventionMapping,
  klMapping,
  klMunicipalitySetting,
  type KlAssessmentItemMapping,
  type KlExportBody,
  type KlExportList,
  type KlFsiiiPairBody,
  type KlInterventionMapping,
  type KlMapping,
  type KlMunicipalityBody,
  type KlMunicipalitySetting,
} from '@samkraft/contracts/kl-gateway';
import { requestFile, requestJson, type DownloadedFile } from '../../../api/client.ts';

export function fetchKlMapping(): Promise<KlMapping> {
  return requestJson('/api/kl-gateway/mapping', klMapping);
}

export function saveKlIntervention(code: string, body: KlFsiiiPairBody): Promise<KlInterventionMapping> {
  return requestJson(`/api/kl-gateway/interventions/${encodeURIComponent(code)}`, klInterventionMapping, { method: 'PUT', body });
}

export function saveKlAssessmentItem(code: string, body: KlFsiiiPairBody): Promise<KlAssessmentItemMapping> {
  return requestJson(`/api/kl-gateway/assessment-items/${encodeURIComponent(code)}`, klAssessmentItemMapping, { method: 'PUT', body });
}

export function saveKlMunicipality(code: string, body: KlMunicipalityBody): Promise<KlMunicipalitySetting> {
  return requestJson(`/api/kl-gateway/municipalities/${encodeURIComponent(code)}`, klMunicipalitySetting, { method: 'PUT', body });
}

export function fetchKlExports(municipality: string): Promise<KlExportList> {
  return requestJson(`/api/kl-gateway/exports?${new URLSearchParams({ municipality }).toString()}`, klExportList);
}

/** The export is a ZIP the server makes and logs in one request; its id comes in a header. */
export async function createKlExport(body: KlExportBody): Promise<{ file: DownloadedFile; exportId: string | null }> {
  const file = await requestFile('/api/kl-gateway/exports', { method: 'POST', body });
  return { file, exportId: file.headers.get('x-kl-export-id') };
}
