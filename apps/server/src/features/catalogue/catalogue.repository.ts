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
  id: string;
  interventionCode: string;
  homeMunicipalityCode: string;
  offeringId: string;
  hostCode: string;
  hostName: string;
  inferred: boolean;
  note: string | null;
  validFrom: string;
  validTo: string | null;
  reviewedAt: string | null;
};

function routingQuery(db: Db) {
  return db
    .selectFrom('routing as rt')
    .innerJoin('offering as o', 'o.id', 'rt.offering_id')
    .innerJoin('municipality as m', 'm.code', 'o.host_municipality_code')
    .select(['rt.id', 'rt.intervention_code', 'rt.home_municipality_code', 'rt.offering_id', 'm.code', 'm.name', 'rt.inferred', 'rt.note', 'rt.valid_from', 'rt.valid_to', 'rt.reviewed_at']);
}

type RoutingRow = Awaited<ReturnType<ReturnType<typeof routingQuery>['executeTakeFirstOrThrow']>>;

function toRoutingRecord(r: RoutingRow): RoutingRecord {
  return {
    id: r.id,
    interventionCode: r.intervention_code,
    homeMunicipalityCode: r.home_municipality_code,
    offeringId: r.offering_id,
    hostCode: r.code,
    hostName: r.name,
    inferred: r.inferred,
    note: r.note,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at).toISOString(),
  };
}

/** Routing valid on `on`: the home municipality × intervention → offering matrix. */
export async function listRoutingOn(db: Db, on: string): Promise<RoutingRecord[]> {
  const rows = await routingQuery(db)
    .where('rt.valid_from', '<=', on)
    .where((eb) => eb.or([eb('rt.valid_to', 'is', null), eb('rt.valid_to', '>=', on)]))
    .orderBy('rt.intervention_code')
    .orderBy('rt.home_municipality_code')
    .orderBy('m.name')
    .execute();
  return rows.map(toRoutingRecord);
}

/** Every route of an intervention, ended ones included: the history an administrator edits. */
export async function listRoutingHistory(db: Db, interventionCode: string): Promise<RoutingRecord[]> {
  const rows = await routingQuery(db)
    .where('rt.intervention_code', '=', interventionCode)
    .orderBy('rt.home_municipality_code')
    .orderBy('rt.valid_from')
    .orderBy('m.name')
    .execute();
  return rows.map(toRoutingRecord);
}

export async function findRouting(db: Db, id: string): Promise<RoutingRecord | undefined> {
  const r = await routingQuery(db).where('rt.id', '=', id).executeTakeFirst();
  return r && toRoutingRecord(r);
}

/** The periods of the same home municipality → offering of an intervention, but `exceptId`. */
export async function samePairPeriods(db: Db, o: { interventionCode: string; homeMunicipalityCode: string; offeringId: string; exceptId?: string }) {
  let q = db
    .selectFrom('routing')
    .select(['id', 'valid_from', 'valid_to'])
    .where('intervention_code', '=', o.interventionCode)
    .where('home_municipality_code', '=', o.homeMunicipalityCode)
    .where('offering_id', '=', o.offeringId);
  if (o.exceptId !== undefined) q = q.where('id', '<>', o.exceptId);
  return (await q.execute()).map((r) => ({ id: r.id, validFrom: r.valid_from, validTo: r.valid_to }));
}

export async function setRoutingEnd(db: Db, id: string, validTo: string): Promise<void> {
  await db.updateTable('routing').set({ valid_to: validTo }).where('id', '=', id).execute();
}

export async function markRoutingReviewed(db: Db, id: string, by: string, at: Date): Promise<void> {
  await db.updateTable('routing').set({ inferred: false, reviewed_by: by, reviewed_at: at }).where('id', '=', id).execute();
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
