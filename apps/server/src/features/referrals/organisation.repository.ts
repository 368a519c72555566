import type { Db } from '../../platform/database/database.ts';
import type { OrganisationKind } from '@samkraft/contracts/referrals';

/** Organisations (hospitals, departments, GP clinics) are the referrals feature's: its SQL on them. */

export type GpClinicRecord = { id: string; name: string; ydernummer: string | null; sorCode: string | null; address: string | null; phone: string | null };

export async function findOrganisationKind(db: Db, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('organisation').select('kind').where('id', '=', id).where('active', '=', true).executeTakeFirst();
  return r?.kind;
}

export async function findGpClinic(db: Db, id: string): Promise<GpClinicRecord | undefined> {
  const r = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'ydernummer', 'sor_code', 'address', 'phone'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, name: r.name, ydernummer: r.ydernummer, sorCode: r.sor_code, address: r.address, phone: r.phone };
}

/** The GP clinic that already carries this ydernummer or SOR code (both are unique). */
export async function findGpClinicByNumbers(db: Db, n: { ydernummer: string | undefined; sorCode: string | undefined }): Promise<{ id: string; kind: string } | undefined> {
  if (!n.ydernummer && !n.sorCode) return undefined;
  return db
    .selectFrom('organisation')
    .select(['id', 'kind'])
    .where((eb) => eb.or([...(n.ydernummer ? [eb('ydernummer', '=', n.ydernummer)] : []), ...(n.sorCode ? [eb('sor_code', '=', n.sorCode)] : [])]))
    .orderBy((eb) => eb('ydernummer', '=', n.ydernummer ?? ''), 'desc')
    .executeTakeFirst();
}

export async function insertGpClinic(db: Db, c: { name: string; ydernummer: string | null; sorCode: string | null; address: string | null; phone: string | null; municipalityCode: string | null }): Promise<string> {
  const r = await db
    .insertInto('organisation')
    .values({ kind: 'gp_clinic', name: c.name, ydernummer: c.ydernummer, sor_code: c.sorCode, address: c.address, phone: c.phone, municipality_code: c.municipalityCode })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Escapes LIKE's wildcards in typed text. */
const likeText = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

export type OrganisationRecord = { id: string; kind: OrganisationKind; name: string; parentName: string | null; ydernummer: string | null; sorCode: string | null; address: string | null };

export async function listOrganisations(db: Db, o: { kind: OrganisationKind | undefined; q: string | undefined }): Promise<OrganisationRecord[]> {
  let q = db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.kind', 'o.name', 'p.name as parent_name', 'o.ydernummer', 'o.sor_code', 'o.address'])
    .where('o.active', '=', true);
  if (o.kind) q = q.where('o.kind', '=', o.kind);
  if (o.q) {
    const text = likeText(o.q);
    q = q.where((eb) => eb.or([eb('o.name', 'ilike', `%${text}%`), eb('o.ydernummer', 'like', `${text}%`), eb('o.sor_code', 'like', `${text}%`)])).limit(30);
  }
  const rows = await q.orderBy('o.name').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, parentName: r.parent_name, ydernummer: r.ydernummer, sorCode: r.sor_code, address: r.address }));
}
