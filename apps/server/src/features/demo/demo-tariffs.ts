import type { Db } from '../../platform/database/database.ts';
import { insertTariffsInBulk } from '../settlement/settlement.bulk.ts';
import { HOSTING_FROM } from './demo-hosting.ts';

/*
 * Example tariffs for the demo, so the settlement page shows kroner. There is no national
 * indicative tariff for cancer rehabilitation (refdata/economy/transport_and_tariffs.json,
 * "tariffs_inter_municipal_settlement"); the one public price point is Gentofte's Center for
 * Specialterapi: 820 kr an hour of individual rehabilitation under serviceloven § 86 stk. 1, at
 * least 10 hours. The demo derives from it — and says so on every row — a team session (one hour
 * shared by about six participants: 820 / 6 ≈ 137 kr) and an individual course (10 hours: 8,200 kr).
 * Example data only: the steering group enters the tariffs it agrees.
 */

const SOURCE = 'Gentofte, Center for Specialterapi, 820 kr./time (refdata/economy)';
export const DEMO_SESSION_NOTE = `EKSEMPELDATA (demo), ikke vedtaget: 820 kr./time ÷ ca. 6 på holdet ≈ 137 kr. Kilde: ${SOURCE}`;
export const DEMO_COURSE_NOTE = `EKSEMPELDATA (demo), ikke vedtaget: 10 timer à 820 kr. = 8.200 kr. Kilde: ${SOURCE}`;

/** One tariff for all providers per active intervention: per session for a team, per course for individual work. */
export async function seedDemoTariffs(db: Db, interventions: readonly { code: string; form: string }[]): Promise<void> {
  await insertTariffsInBulk(db, {
    rows: interventions.map((i) =>
      i.form === 'individual'
        ? { intervention_code: i.code, unit: 'course' as const, price_kr: '8200.00', provider_municipality_code: null, source: 'indicative' as const, source_note: DEMO_COURSE_NOTE, valid_from: HOSTING_FROM, valid_to: null }
        : { intervention_code: i.code, unit: 'session' as const, price_kr: '137.00', provider_municipality_code: null, source: 'indicative' as const, source_note: DEMO_SESSION_NOTE, valid_from: HOSTING_FROM, valid_to: null },
    ),
  });
}
