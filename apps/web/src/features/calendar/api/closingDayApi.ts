import { closingDay, type ClosingDayBody, type ClosingDayItem, closingDays, type ClosingDays } from '@samkraft/contracts/calendar';
import { requestJson, requestVoid } from '../../../api/client.ts';

export function fetchClosingDays(): Promise<ClosingDays> {
  return requestJson('/api/closing-days', closingDays);
}

export function addClosingDay(body: ClosingDayBody): Promise<ClosingDayItem> {
  return requestJson('/api/closing-days', closingDay, { method: 'POST', body });
}

export function deleteClosingDay(id: string): Promise<void> {
  return requestVoid(`/api/closing-days/${id}`, { method: 'DELETE' });
}
