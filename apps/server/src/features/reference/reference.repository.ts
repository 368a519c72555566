import type { Db } from '../../platform/database/database.ts';

export type MunicipalityRecord = { code: string; name: string; isMember: boolean; lat: number | null; lon: number | null };

export async function listMunicipalities(db: Db, membersOnly: boolean): Promise<MunicipalityRecord[]> {
  let q = db.selectFrom('municipality').select(['code', 'name', 'is_member', 'lat', 'lon']);
  if (membersOnly) q = q.where('is_member', '=', true);
  const rows = await q.orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, isMember: r.is_member, lat: r.lat, lon: r.lon }));
}
