import {
  settlementList,
  settlementStatement,
  tariff,
  tariffList,
  type SettlementFileFormat,
  type SettlementList,
  type SettlementLockBody,
  type SettlementMode,
  type SettlementStatement,
  type Tariff,
  type TariffBody,
  type TariffList,
} from '@samkraft/contracts/settlement';
import { requestFile, requestJson, type DownloadedFile } from '../../../api/client.ts';

export type StatementParams = { from: string; to: string; mode: SettlementMode };

const query = (p: Record<string, string>) => new URLSearchParams(p).toString();

export function fetchStatement(p: StatementParams): Promise<SettlementStatement> {
  return requestJson(`/api/settlement/statement?${query(p)}`, settlementStatement);
}

export function fetchStatementFile(p: StatementParams, format: SettlementFileFormat): Promise<DownloadedFile> {
  return requestFile(`/api/settlement/statement/file?${query({ ...p, format })}`);
}

export function lockSettlement(body: SettlementLockBody): Promise<SettlementStatement> {
  return requestJson('/api/settlement/settlements', settlementStatement, { method: 'POST', body });
}

export function fetchSettlements(): Promise<SettlementList> {
  return requestJson('/api/settlement/settlements', settlementList);
}

export function fetchTariffs(): Promise<TariffList> {
  return requestJson('/api/settlement/tariffs', tariffList);
}

export function addTariff(body: TariffBody): Promise<Tariff> {
  return requestJson('/api/settlement/tariffs', tariff, { method: 'POST', body });
}

export function endTariff(id: string, validTo: string): Promise<Tariff> {
  return requestJson(`/api/settlement/tariffs/${encodeURIComponent(id)}/end`, tariff, { method: 'POST', body: { validTo } });
}
