import type { Db } from '../../platform/database/database.ts';

export type OfferingRecord = {
  id: string;
  interventionCode: string;
  hostCode: string;
  hostName: string;
  placeName: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  capacity: number;
  validFrom: string;
  validTo: string | null;
  note: string | null;
};

function offeringQuery(db: Db) {
  return db
    .selectFrom('offering as o')
    .innerJoin('municipality as m', 'm.code', 'o.host_municipality_code')
    .select([
      'o.id',
      'o.intervention_code',
      'm.code',
      'm.name',
      'o.place_name',
      'o.address',
      'o.contact_name',
      'o.contact_phone',
      'o.contact_email',
      'o.capacity',
      'o.valid_from',
      'o.valid_to',
      'o.note',
    ]);
}

type OfferingRow = Awaited<ReturnType<ReturnType<typeof offeringQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: OfferingRow): OfferingRecord {
  return {
    id: r.id,
    interventionCode: r.intervention_code,
    hostCode: r.code,
    hostName: r.name,
    placeName: r.place_name,
    address: r.address,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    capacity: r.capacity,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
  };
}

export async function listOfferings(db: Db, interventionCode: string | undefined): Promise<OfferingRecord[]> {
  let q = offeringQuery(db);
  if (interventionCode !== undefined) q = q.where('o.intervention_code', '=', interventionCode);
  return (await q.orderBy('o.intervention_code').orderBy('m.name').orderBy('o.valid_from').execute()).map(toRecord);
}

export async function findOffering(db: Db, id: string): Promise<OfferingRecord | undefined> {
  const r = await offeringQuery(db).where('o.id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

export async function updateOffering(
  db: Db,
  id: string,
  set: Partial<{ place_name: string; address: string | null; contact_name: string | null; contact_phone: string | null; contact_email: string | null; capacity: number; valid_from: string; valid_to: string | null; note: string | null }>,
): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('offering').set(set).where('id', '=', id).execute();
}

export type RoutingRecord = {
  interventionCode: string;
  homeMunicipalityCode: string;
  offeringId: string;
  hostCode: string;
  hostName: string;
  inferred: boolean;
  note: string | null;
  validFrom: string;
  validTo: string | null;
};

/** Routing valid on `on`: the home municipality × intervention → offering matrix. */
export async function listRoutingOn(db: Db, on: string): Promise<RoutingRecord[]> {
  const rows = await db
    .selectFrom('routing as rt')
    .innerJoin('offering as o', 'o.id', 'rt.offering_id')
    .innerJoin('municipality as m', 'm.code', 'o.host_municipality_code')
    .select(['rt.intervention_code', 'rt.home_municipality_code', 'rt.offering_id', 'm.code', 'm.name', 'rt.inferred', 'rt.note', 'rt.valid_from', 'rt.valid_to'])
    .where('rt.valid_from', '<=', on)
    .where((eb) => eb.or([eb('rt.valid_to', 'is', null), eb('rt.valid_to', '>=', on)]))
    .orderBy('rt.intervention_code')
    .orderBy('rt.home_municipality_code')
    .orderBy('m.name')
    .execute();
  return rows.map((r) => ({
    interventionCode: r.intervention_code,
    homeMunicipalityCode: r.home_municipality_code,
    offeringId: r.offering_id,
    hostCode: r.code,
    hostName: r.name,
    inferred: r.inferred,
    note: r.note,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertRouting(
  db: Db,
  o: { interventionCode: string; homeMunicipalityCode: string; offeringId: string; validFrom: string; validTo: string | null; inferred: boolean; note: string | null },
): Promise<boolean> {
  const r = await db
    .insertInto('routing')
    .values({ intervention_code: o.interventionCode, home_municipality_code: o.homeMunicipalityCode, offering_id: o.offeringId, valid_from: o.validFrom, valid_to: o.validTo, inferred: o.inferred, note: o.note })
    .onConflict((oc) => oc.columns(['intervention_code', 'home_municipality_code', 'offering_id', 'valid_from']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}
