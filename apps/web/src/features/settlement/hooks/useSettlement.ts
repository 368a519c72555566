import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettlementFileFormat, SettlementLockBody, TariffBody } from '@samkraft/contracts/settlement';
import { saveFile } from '../../../api/client.ts';
import { addTariff, endTariff, fetchSettlements, fetchStatement, fetchStatementFile, fetchTariffs, lockSettlement, type StatementParams } from '../api/settlementApi.ts';

const root = ['settlement'] as const;

export const useStatement = (p: StatementParams | null) =>
  useQuery({ queryKey: [...root, 'statement', p], queryFn: () => fetchStatement(p ?? { from: '', to: '', mode: 'cost_neutral' }), enabled: p !== null });
export const useSettlements = () => useQuery({ queryKey: [...root, 'settlements'], queryFn: fetchSettlements });
export const useTariffs = () => useQuery({ queryKey: [...root, 'tariffs'], queryFn: fetchTariffs });

/** Downloads the statement as a file; the browser saves it. */
export function useDownloadStatement() {
  return useMutation({
    mutationFn: async ({ params, format }: { params: StatementParams; format: SettlementFileFormat }) => {
      saveFile(await fetchStatementFile(params, format));
    },
  });
}

export function useLockSettlement() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (body: SettlementLockBody) => lockSettlement(body), onSuccess: () => client.invalidateQueries({ queryKey: root }) });
}

export function useAddTariff() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (body: TariffBody) => addTariff(body), onSuccess: () => client.invalidateQueries({ queryKey: root }) });
}

export function useEndTariff() {
  const client = useQueryClient();
  return useMutation({ mutationFn: ({ id, validTo }: { id: string; validTo: string }) => endTariff(id, validTo), onSuccess: () => client.invalidateQueries({ queryKey: root }) });
}
