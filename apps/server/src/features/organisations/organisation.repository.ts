import type { OrganisationKind } from '@samkraft/contracts/organisations';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';

/** Organisations (GP clinics, hospitals and departments, municipal units) are the organisations feature's: its SQL on them. */

export type GpClinicRecord = { id: string; name: string; ydernummer: string | null; sorCode: string | null; address: string | null; phone: string | null };

/** The kind of an active organisation, or undefined when there is none. */
export async function findOrganisationKind(db: Db, id: string): Promise<OrganisationKind | undefined> {
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

export type OrganisationListRecord = { id: string; kind: OrganisationKind; name: string; parentName: string | null; ydernummer: string | null; sorCode: string | null; address: string | null; addressable: boolean };

/** Active organisations for the pickers; `q` finds by part of the name or the start of a number (at most 30 then). */
export async function listOrganisations(db: Db, o: { kind: OrganisationKind | undefined; q: string | undefined }): Promise<OrganisationListRecord[]> {
  let q = db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.kind', 'o.name', 'p.name as parent_name', 'o.ydernummer', 'o.sor_code', 'o.address', 'o.ean'])
    .where('o.active', '=', true);
  if (o.kind) q = q.where('o.kind', '=', o.kind);
  if (o.q) {
    const text = likeText(o.q);
    q = q.where((eb) => eb.or([eb('o.name', 'ilike', `%${text}%`), eb('o.ydernummer', 'like', `${text}%`), eb('o.sor_code', 'like', `${text}%`), eb('o.ean', 'like', `${text}%`)])).limit(30);
  }
  const rows = await q.orderBy('o.name').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, parentName: r.parent_name, ydernummer: r.ydernummer, sorCode: r.sor_code, address: r.address, addressable: r.sor_code !== null && r.ean !== null }));
}

/** An organisation with everything the register shows; `gln` is the column `ean`. */
export type OrganisationRecord = {
  id: string;
  kind: OrganisationKind;
  name: string;
  parent: { id: string; name: string } | null;
  sorCode: string | null;
  gln: string | null;
  cvr: string | null;
  ydernummer: string | null;
  municipality: { code: string; name: string } | null;
  address: string | null;
  phone: string | null;
  active: boolean;
};

function detailQuery(db: Db) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .leftJoin('municipality as m', 'm.code', 'o.municipality_code')
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.parent_id',
      'p.name as parent_name',
      'o.sor_code',
      'o.ean',
      'o.cvr',
      'o.ydernummer',
      'o.municipality_code',
      'm.name as municipality_name',
      'o.address',
      'o.phone',
      'o.active',
    ]);
}
type DetailRow = Awaited<ReturnType<ReturnType<typeof detailQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: DetailRow): OrganisationRecord {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    parent: r.parent_id ? { id: r.parent_id, name: r.parent_name ?? '' } : null,
    sorCode: r.sor_code,
    gln: r.ean,
    cvr: r.cvr,
    ydernummer: r.ydernummer,
    municipality: r.municipality_code ? { code: r.municipality_code, name: r.municipality_name ?? r.municipality_code } : null,
    address: r.address,
    phone: r.phone,
    active: r.active,
  };
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRecord | undefined> {
  const r = await detailQuery(db).where('o.id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

/** By SOR code (unique), active or not. */
export async function findOrganisationBySorCode(db: Db, sorCode: string): Promise<OrganisationRecord | undefined> {
  const r = await detailQuery(db).where('o.sor_code', '=', sorCode).executeTakeFirst();
  return r && toRecord(r);
}

/** By GLN (unique; the 13 digits, whichever system a message spelled it with), active or not. */
export async function findOrganisationByGln(db: Db, gln: string): Promise<OrganisationRecord | undefined> {
  const r = await detailQuery(db).where('o.ean', '=', gln).executeTakeFirst();
  return r && toRecord(r);
}

/** The active municipal units of a municipality, those with a SOR code and a GLN first, then by name. */
export async function listMunicipalUnits(db: Db, municipalityCode: string): Promise<OrganisationRecord[]> {
  const rows = await detailQuery(db)
    .where('o.kind', '=', 'municipal_unit')
    .where('o.municipality_code', '=', municipalityCode)
    .where('o.active', '=', true)
    .orderBy((eb) => eb.and([eb('o.sor_code', 'is not', null), eb('o.ean', 'is not', null)]), 'desc')
    .orderBy('o.name')
    .execute();
  return rows.map(toRecord);
}

export type RegisterFilter = {
  kind: OrganisationKind | undefined;
  municipalityCode: string | undefined;
  q: string | undefined;
  status: 'active' | 'inactive' | 'all';
  offset: number;
  limit: number;
};

/** The register's page and how many match, in one statement (the count as a window over the filtered rows). */
export async function listRegister(db: Db, f: RegisterFilter): Promise<{ items: OrganisationRecord[]; total: number }> {
  let q = detailQuery(db);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.municipalityCode) q = q.where('o.municipality_code', '=', f.municipalityCode);
  if (f.status !== 'all') q = q.where('o.active', '=', f.status === 'active');
  if (f.q) {
    const text = likeText(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('o.name', 'ilike', `%${text}%`),
        eb('p.name', 'ilike', `%${text}%`),
        eb('o.sor_code', 'like', `${text}%`),
        eb('o.ean', 'like', `${text}%`),
        eb('o.ydernummer', 'like', `${text}%`),
        eb('o.cvr', 'like', `${text}%`),
      ]),
    );
  }
  const rows = await q
    .select((eb) => eb.fn.countAll<string>().over().as('total'))
    // As the register shows them: a department under its hospital's name, right after the hospital.
    .orderBy(sql`coalesce(p.name, o.name)`)
    .orderBy(sql`p.name is not null`)
    .orderBy('o.name')
    .orderBy('o.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { items: rows.map(toRecord), total: rows.length > 0 ? Number(rows[0]?.total) : 0 };
}

/** Who already carries one of these identifiers (unique columns), other than `exceptId`. */
export async function findIdentifierHolders(
  db: Db,
  ids: { sorCode: string | null; gln: string | null; ydernummer: string | null },
  exceptId: string | null,
): Promise<{ id: string; name: string; sorCode: string | null; gln: string | null; ydernummer: string | null }[]> {
  const wanted = [ids.sorCode, ids.gln, ids.ydernummer].some((v) => v !== null);
  if (!wanted) return [];
  let q = db
    .selectFrom('organisation')
    .select(['id', 'name', 'sor_code', 'ean', 'ydernummer'])
    .where((eb) =>
      eb.or([
        ...(ids.sorCode !== null ? [eb('sor_code', '=', ids.sorCode)] : []),
        ...(ids.gln !== null ? [eb('ean', '=', ids.gln)] : []),
        ...(ids.ydernummer !== null ? [eb('ydernummer', '=', ids.ydernummer)] : []),
      ]),
    );
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, name: r.name, sorCode: r.sor_code, gln: r.ean, ydernummer: r.ydernummer }));
}

/** Whether an organisation has departments (organisations whose parent it is). */
export async function hasChildren(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst()) !== undefined;
}

export type OrganisationValues = {
  kind: OrganisationKind;
  name: string;
  parentId: string | null;
  sorCode: string | null;
  gln: string | null;
  cvr: string | null;
  ydernummer: string | null;
  municipalityCode: string | null;
  address: string | null;
  phone: string | null;
};

const columns = (v: OrganisationValues) => ({
  kind: v.kind,
  name: v.name,
  parent_id: v.parentId,
  sor_code: v.sorCode,
  ean: v.gln,
  cvr: v.cvr,
  ydernummer: v.ydernummer,
  municipality_code: v.municipalityCode,
  address: v.address,
  phone: v.phone,
});

export async function insertOrganisation(db: Db, v: OrganisationValues): Promise<string> {
  const r = await db.insertInto('organisation').values(columns(v)).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateOrganisation(db: Db, id: string, v: OrganisationValues): Promise<void> {
  await db.updateTable('organisation').set(columns(v)).where('id', '=', id).execute();
}

export async function setOrganisationActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.updateTable('organisation').set({ active }).where('id', '=', id).execute();
}

/** Whether a municipality code is in the municipality table (reference data). */
export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}
