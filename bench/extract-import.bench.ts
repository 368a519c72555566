/**
 * Import speed of a case-record extract: 100,000 intervention rows (50,000 referrals with two
 * interventions each, synthetic `P-` citizens), first as new records, then re-imported unchanged.
 */
import { recordsToTables, toCsv, type ReferralRecord } from '../apps/server/src/features/extracts/extract-format.rules.ts';
import { EXTRACT_CLI_ACTOR } from '../apps/server/src/features/extracts/extract.cli.ts';
import { importExtract, type ExtractFileBytes } from '../apps/server/src/features/extracts/extract.service.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Database } from '../apps/server/src/platform/database/database.ts';
import type { Benchmark, Measurement } from './run.ts';

const INTERVENTION_ROWS = 100_000;
const HOMES = ['0151', '0157', '0159', '0163', '0173', '0175', '0190', '0230', '0240'];
const CODES = ['mixed_training', 'puls_styrke', 'diet', 'livskraft', 'mindfulness', 'individual'];

const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

export function syntheticExtract(interventionRows: number): ExtractFileBytes[] {
  const records: ReferralRecord[] = [];
  for (let i = 0; i < interventionRows / 2; i++) {
    const home = HOMES[i % HOMES.length] ?? '0159';
    const provider = HOMES[(i * 7 + 3) % HOMES.length] ?? '0159';
    const received = day('2019-01-02', i % 2000);
    records.push({
      referralId: `B-${i}`,
      homeMunicipality: home,
      citizen: { kind: 'pseudonym', value: `P-BENCH-${i}` },
      sex: i % 3 === 0 ? 'M' : 'F',
      birthDate: day('1940-01-01', (i * 37) % 20_000),
      received,
      source: 'gp',
      legalBasis: 'SUL119',
      diagnosis: 'DC50',
      firstContact: day(received, 2),
      needsAssessed: day(received, 7),
      actionPlan: day(received, 10),
      declined: null,
      declineReason: null,
      closingConversation: day(received, 120),
      closingNoteSent: day(received, 122),
      interventions: [
        { intervention: CODES[i % CODES.length] ?? 'diet', providerMunicipality: provider, referred: day(received, 11), providerContact: day(received, 13), deeperAssessment: day(received, 18), start: day(received, 25), end: day(received, 110), attendances: 20, endReason: 'completed' },
        { intervention: 'diet', providerMunicipality: home, referred: day(received, 12), providerContact: null, deeperAssessment: null, start: day(received, 20), end: null, attendances: null, endReason: null },
      ],
    });
  }
  const tables = recordsToTables(records);
  return [
    { name: 'referrals.csv', bytes: toCsv(tables.referrals) },
    { name: 'interventions.csv', bytes: toCsv(tables.interventions) },
  ];
}

async function timed(label: string, rows: number, fn: () => Promise<void>): Promise<Measurement> {
  const start = performance.now();
  await fn();
  return { label, rows, ms: performance.now() - start };
}

export const extractImportBenchmark: Benchmark = {
  name: 'extract-import',
  prepare: async () => syntheticExtract(INTERVENTION_ROWS),
  async run(database: Database, prepared: unknown): Promise<Measurement[]> {
    const files = prepared as ExtractFileBytes[];
    const ctx = { db: database.db, actor: EXTRACT_CLI_ACTOR, clock: fixedClock('2026-11-22T10:00:00Z') };
    const expect = async (created: number, unchanged: number) => {
      const r = await importExtract(ctx, files);
      if (r.outcome !== 'imported' || r.created !== created || r.unchanged !== unchanged) {
        throw new Error(`unexpected import result: ${JSON.stringify({ ...r, errors: r.errors.slice(0, 3) })}`);
      }
    };
    return [
      await timed('import, 100,000 intervention rows (all new)', INTERVENTION_ROWS, () => expect(INTERVENTION_ROWS / 2, 0)),
      await timed('re-import, same extract (all unchanged)', INTERVENTION_ROWS, () => expect(0, INTERVENTION_ROWS / 2)),
    ];
  },
};
