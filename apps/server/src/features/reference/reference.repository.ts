import type { Db } from '../../platform/database/database.ts';

export async function listMunicipalities(db: Db, membersOnly: boolean) {
  let q = db.selectFrom('municipality').select(['code', 'name', 'is_member', 'lat', 'lon']);
  if (membersOnly) q = q.where('is_member', '=', true);
  return q.orderBy('code').execute();
}
