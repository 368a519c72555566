import { prepareDatabase } from '../../../apps/server/src/prepare-database.ts';
import { systemClock } from '../../../apps/server/src/platform/clock.ts';
import { aMunicipalUnit } from '../../../apps/server/src/test-support/factories.ts';

/**
 * The municipal units the browser tests' messages are addressed to, by their EAN. The demo has
 * none (its organisations carry no SOR or EAN), and no route registers one yet, so the shared
 * server's database is prepared with them before the server starts: migrated, reference data
 * seeded, the units added; the server then seeds the demo into it as into an empty database.
 */
export const RECEIVING_UNITS = {
  /** MedCom's XREF01 test letter (refdata/medcom-oioxml) is addressed to EAN 5790000201389: here Egedal's unit, as Ruddi Test Berggren, its patient, is an Egedal citizen in the demo. */
  egedal: { municipalityCode: '0240', name: 'Egedal Kommune, Sundhed og Rehabilitering', ean: '5790000201389' },
} as const;

export async function prepareReceivingUnits(dataDir: string): Promise<void> {
  const { database } = await prepareDatabase({ databaseUrl: undefined, dataDir, demo: false }, systemClock);
  try {
    for (const unit of Object.values(RECEIVING_UNITS)) await aMunicipalUnit(database.db, unit);
  } finally {
    await database.close();
  }
}
