import type { Municipality } from '@samkraft/contracts/reference';
import type { ServiceContext } from '../../platform/context.ts';
import { listMunicipalities } from './reference.repository.ts';

const collator = new Intl.Collator('da');

/** The municipalities (all Danish ones, or the collaboration's members) in Danish alphabetical order. */
export async function municipalityList(ctx: ServiceContext, o: { membersOnly: boolean }): Promise<Municipality[]> {
  const records = await listMunicipalities(ctx.db, o.membersOnly);
  return records.sort((a, b) => collator.compare(a.name, b.name));
}
