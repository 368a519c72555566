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
