import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import { aMunicipality } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { aClosingDay, seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';
import { addWorkingDays, isWorkingDay } from './calendar.rules.ts';
import { loadCalendar, loadCalendars } from './calendar.service.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  await aMunicipality(database.db, '0173', 'Lyngby-Taarbæk');
  await seedDeadlineDefaults(database.db);
  await aClosingDay(database.db, '0173', '2026-12-28');
});
afterAll(async () => {
  await database.close();
});

describe('loadCalendar', () => {
  it("adds a municipality's own closing days to the default set, for that municipality only", async () => {
    const lyngby = await loadCalendar(database.db, '0173');
    const gladsaxe = await loadCalendar(database.db, '0159');
    expect(isWorkingDay(lyngby, '2026-12-28')).toBe(false);
    expect(isWorkingDay(gladsaxe, '2026-12-28')).toBe(true);
    for (const c of [lyngby, gladsaxe]) {
      expect(isWorkingDay(c, '2026-12-24')).toBe(false);
      expect(isWorkingDay(c, '2026-06-05')).toBe(false);
    }
    expect(addWorkingDays(gladsaxe, '2026-12-21', 5)).toBe('2026-12-30');
    expect(addWorkingDays(lyngby, '2026-12-21', 5)).toBe('2027-01-04');
  });

  it('loads several calendars in one go', async () => {
    const calendars = await loadCalendars(database.db, ['0159', '0173', '0159']);
    expect([...calendars.keys()].sort()).toEqual(['0159', '0173']);
  });
});
