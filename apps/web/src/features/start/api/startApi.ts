import type { Role } from '@samkraft/contracts/common';
import { type StartPage, startPage } from '@samkraft/contracts/start';
import { requestJson } from '../../../api/client.ts';

export function fetchStartPage(role: Role | null): Promise<StartPage> {
  const query = role ? `?role=${encodeURIComponent(role)}` : '';
  return requestJson(`/api/start${query}`, startPage);
}
