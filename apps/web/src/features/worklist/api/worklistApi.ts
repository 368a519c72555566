import { type Worklist, worklist } from '@samkraft/contracts/worklist';
import { requestJson } from '../../../api/client.ts';
import { worklistSearch } from '../utils/stateTone.ts';

export function fetchWorklist(filters: { scope: string; state?: string; step?: string }): Promise<Worklist> {
  return requestJson(`/api/worklist${worklistSearch(filters)}`, worklist);
}
