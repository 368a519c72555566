import type { Db } from '../../platform/database/database.ts';

/**
 * The feature's reads of `organisation` (owned by another feature), kept here in one place: the
 * municipal unit a letter is addressed to, and a known organisation a letter's sender may be.
 */

export type ReceivingUnit = { organisationId: string; name: string; municipalityCode: string; municipalityName: string };

/** The active municipal unit with this EAN (location number), with its municipality. */
export async function findMunicipalUnitByEan(db: Db, ean: string): Promise<ReceivingUnit | undefined> {
  const r = await db
    .selectFrom('organisation as o')
    .innerJoin('municipality as m', 'm.code', 'o.municipality_code')
    .select(['o.id', 'o.name', 'm.code', 'm.name as municipality_name'])
    .where('o.kind', '=', 'municipal_unit')
    .where('o.ean', '=', ean)
    .where('o.active', '=', true)
    .executeTakeFirst();
  return r && { organisationId: r.id, name: r.name, municipalityCode: r.code, municipalityName: r.municipality_name };
}

/**
 * The known organisation a sender is: by its EAN first, then by the number it gave of itself
 * (a GP's ydernummer, a SOR code). Undefined when none or several match.
 */
export async function findSenderOrganisation(db: Db, s: { ean: string; identifier: string | null; identifierCode: string | null }): Promise<string | undefined> {
  const byEan = await db.selectFrom('organisation').select('id').where('ean', '=', s.ean).where('active', '=', true).execute();
  if (byEan.length === 1) return byEan[0]?.id;
  const column = s.identifierCode === 'ydernummer' ? 'ydernummer' : s.identifierCode === 'sorkode' ? 'sor_code' : undefined;
  if (!column || !s.identifier) return undefined;
  const byNumber = await db.selectFrom('organisation').select('id').where(column, '=', s.identifier).where('active', '=', true).execute();
  return byNumber.length === 1 ? byNumber[0]?.id : undefined;
}
