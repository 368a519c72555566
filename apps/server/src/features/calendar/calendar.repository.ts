import type { Db } from '../../platform/database/database.ts';

export type ClosingDayRecord = {
  /** null = the collaboration's default set, which every municipality's calendar includes. */
  municipalityCode: string | null;
  month: number | null;
  day: number | null;
  onDate: string | null;
  label: string;
};

/** The default closing days and those of the given municipalities, in one query. */
export async function listClosingDays(db: Db, municipalityCodes: readonly string[]): Promise<ClosingDayRecord[]> {
  const rows = await db
    .selectFrom('closing_day')
    .select(['municipality_code', 'month', 'day', 'on_date', 'label'])
    .where((eb) => (municipalityCodes.length > 0 ? eb.or([eb('municipality_code', 'is', null), eb('municipality_code', 'in', [...municipalityCodes])]) : eb('municipality_code', 'is', null)))
    .execute();
  return rows.map((r) => ({ municipalityCode: r.municipality_code, month: r.month, day: r.day, onDate: r.on_date, label: r.label }));
}

/** Every closing day, the defaults and every municipality's. */
export async function listAllClosingDays(db: Db): Promise<ClosingDayRecord[]> {
  const rows = await db.selectFrom('closing_day').select(['municipality_code', 'month', 'day', 'on_date', 'label']).execute();
  return rows.map((r) => ({ municipalityCode: r.municipality_code, month: r.month, day: r.day, onDate: r.on_date, label: r.label }));
}

export type ClosingDayRow = ClosingDayRecord & { id: string; recurring: boolean };

type ClosingDayDbRow = { id: string; municipality_code: string | null; recurring: boolean; month: number | null; day: number | null; on_date: string | null; label: string };

function toRow(r: ClosingDayDbRow): ClosingDayRow {
  return { id: r.id, municipalityCode: r.municipality_code, recurring: r.recurring, month: r.month, day: r.day, onDate: r.on_date, label: r.label };
}

const closingDayColumns = ['id', 'municipality_code', 'recurring', 'month', 'day', 'on_date', 'label'] as const;

/** The default set and one municipality's own days with their ids, for the closing-day page. */
export async function listClosingDayRows(db: Db, municipalityCode: string): Promise<ClosingDayRow[]> {
  const rows = await db
    .selectFrom('closing_day')
    .select(closingDayColumns)
    .where((eb) => eb.or([eb('municipality_code', 'is', null), eb('municipality_code', '=', municipalityCode)]))
    .orderBy('recurring', 'desc')
    .orderBy('month')
    .orderBy('day')
    .orderBy('on_date')
    .execute();
  return rows.map(toRow);
}

export async function findClosingDay(db: Db, id: string): Promise<ClosingDayRow | undefined> {
  const row = await db.selectFrom('closing_day').select(closingDayColumns).where('id', '=', id).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export type NewClosingDay = { municipalityCode: string | null; month: number | null; day: number | null; onDate: string | null; label: string };

/** The same day in the same set, mirroring the partial unique indexes (null municipality included). */
export async function closingDayExists(db: Db, d: NewClosingDay): Promise<boolean> {
  let q = db.selectFrom('closing_day').select('id');
  q = d.municipalityCode === null ? q.where('municipality_code', 'is', null) : q.where('municipality_code', '=', d.municipalityCode);
  q = d.onDate !== null ? q.where('recurring', '=', false).where('on_date', '=', d.onDate) : q.where('recurring', '=', true).where('month', '=', d.month).where('day', '=', d.day);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertClosingDay(db: Db, d: NewClosingDay): Promise<ClosingDayRow> {
  const row = await db
    .insertInto('closing_day')
    .values({ municipality_code: d.municipalityCode, recurring: d.onDate === null, month: d.month, day: d.day, on_date: d.onDate, label: d.label })
    .returning(closingDayColumns)
    .executeTakeFirstOrThrow();
  return toRow(row);
}

export async function deleteClosingDay(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('closing_day').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function findMunicipality(db: Db, code: string): Promise<{ code: string; name: string } | undefined> {
  return db.selectFrom('municipality').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}
