import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KlExportBody, KlFsiiiPairBody, KlMapping, KlMunicipalityBody } from '@samkraft/contracts/kl-gateway';
import { saveFile } from '../../../api/client.ts';
import { createKlExport, fetchKlExports, fetchKlMapping, saveKlAssessmentItem, saveKlIntervention, saveKlMunicipality } from '../api/klGatewayApi.ts';

const mappingKey = ['kl-gateway', 'mapping'] as const;
const exportsKey = (municipality: string) => ['kl-gateway', 'exports', municipality] as const;

export const useKlMapping = () => useQuery({ queryKey: mappingKey, queryFn: fetchKlMapping });
export const useKlExports = (municipality: string) => useQuery({ queryKey: exportsKey(municipality), queryFn: () => fetchKlExports(municipality) });

/** Saves one row of the mapping and puts the saved row into the cached mapping. */
export function useSaveKlIntervention(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KlFsiiiPairBody) => saveKlIntervention(code, body),
    onSuccess: (row) => client.setQueryData<KlMapping>(mappingKey, (m) => m && { ...m, interventions: m.interventions.map((i) => (i.code === row.code ? row : i)) }),
  });
}

export function useSaveKlAssessmentItem(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KlFsiiiPairBody) => saveKlAssessmentItem(code, body),
    onSuccess: (row) => client.setQueryData<KlMapping>(mappingKey, (m) => m && { ...m, assessmentItems: m.assessmentItems.map((i) => (i.code === row.code ? row : i)) }),
  });
}

export function useSaveKlMunicipality(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KlMunicipalityBody) => saveKlMunicipality(code, body),
    onSuccess: (row) => client.setQueryData<KlMapping>(mappingKey, (m) => m && { ...m, municipalities: m.municipalities.map((x) => (x.code === row.code ? row : x)) }),
  });
}

/** Makes the export, saves the ZIP in the browser, and refreshes the list (which then holds its summary). */
export function useCreateKlExport(municipality: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: KlExportBody) => {
      const made = await createKlExport(body);
      saveFile(made.file);
      return made.exportId;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: exportsKey(municipality) }),
  });
}
