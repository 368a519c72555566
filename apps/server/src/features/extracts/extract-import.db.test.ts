import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { aCitizen, aReferralWithCourse } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { keyOf, planImport, type StoredReferral } from './extract-diff.rules.ts';
import { recordsToTables, sortInterventions, toCsv, type InterventionRecord, type ReferralRecord } from './extract-format.rules.ts';
import { assignTables, parseCsvFile } from './extract-parse.rules.ts';
import { validateExtract } from './extract-validate.rules.ts';
import { EXTRACT_CLI_ACTOR } from './extract.cli.ts';
import { loadKnownCodes, selectStoredReferrals } from './extract.repository.ts';
import { importExtract, importPhases, type ExtractFileBytes } from './extract.service.ts';

/*
 * The set-based import (COPY into staging tables, plan and merge in SQL) against the pure
 * per-record model it replaced — planImport over the stored records as the export reads them —
 * on a mixed extract: new, changed, unchanged and invalid rows, and a record made in Samkraft.
 */

const TODAY = '2026-11-22';
const HOMES = ['0159', '0151', '0240'];

let database: Database;
const ctx = () => ({ db: database.db, actor: EXTRACT_CLI_ACTOR, clock: fixedClock(`${TODAY}T10:00:00Z`) });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  // A record made in Samkraft, with a reached contact: its referral_id in an extract is its own id.
  const citizenId = await aCitizen(database.db, { homeMunicipalityCode: '0159', sex: 'M', birthDate: '1955-08-09' });
  const made = await aReferralWithCourse(database.db, { citizenId, homeMunicipalityCode: '0159', receivedOn: '2026-11-02' });
  await database.db.insertInto('course_contact').values({ course_id: made.courseId, contacted_on: '2026-11-03', channel: 'phone', reached: true }).execute();
});
afterAll(async () => {
  await database.close();
});

const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

function aRecord(i: number): ReferralRecord {
  const home = HOMES[i % HOMES.length] ?? '0159';
  const received = day('2023-01-02', i % 400);
  const ended = i % 3 === 0;
  const interventions: InterventionRecord[] = [
    { intervention: 'diet', providerMunicipality: home, referred: day(received, 10), providerContact: null, deeperAssessment: null, start: day(received, 14), end: ended ? day(received, 100) : null, attendances: ended ? 8 : null, endReason: ended ? 'completed' : null },
  ];
  if (i % 2 === 1) {
    interventions.push({ intervention: 'puls_styrke', providerMunicipality: '0151', referred: day(received, 11), providerContact: day(received, 12), deeperAssessment: day(received, 13), start: null, end: null, attendances: null, endReason: null });
  }
  return {
    referralId: `MIX-${i}`,
    homeMunicipality: home,
    citizen: i === 7 ? { kind: 'cpr', value: '0201609996' } : { kind: 'pseudonym', value: `P-MIX-${i}` },
    sex: i === 7 ? 'F' : i % 2 === 1 ? 'M' : 'F',
    birthDate: i === 7 ? '1960-01-02' : day('1950-01-01', (i * 13) % 15_000),
    received,
    source: 'gp',
    legalBasis: 'SUL119',
    diagnosis: 'DC50',
    firstContact: day(received, 2),
    needsAssessed: day(received, 5),
    actionPlan: day(received, 9),
    declined: i % 5 === 0 ? day(received, 3) : null,
    declineReason: i % 5 === 0 ? 'too_far' : null,
    closingConversation: ended ? day(received, 150) : null,
    closingNoteSent: ended ? day(received, 152) : null,
    interventions,
  };
}

/** The extract's two CSV files; `last` moves that referral_id's row to the end of its table. */
const filesOf = (records: ReferralRecord[], last?: string): ExtractFileBytes[] => {
  const tables = recordsToTables(records);
  const at = tables.referrals.findIndex((row) => row[0] === last);
  if (at > 0) tables.referrals.push(...tables.referrals.splice(at, 1));
  return [
    { name: 'referrals.csv', bytes: toCsv(tables.referrals) },
    { name: 'interventions.csv', bytes: toCsv(tables.interventions) },
  ];
};

/** The extract's rows as `validateExtract` reads them: spreadsheet row of each record, by key. */
function rowsOf(files: ExtractFileBytes[]): Map<string, number> {
  const input = assignTables(files.map((f) => parseCsvFile(f.name, f.bytes).table).filter((t) => t !== null)).input;
  if (!input) throw new Error('fixture files do not parse');
  const index = input.referrals.header.indexOf('referral_id');
  const home = input.referrals.header.indexOf('home_municipality');
  return new Map(input.referrals.rows.map((r) => [keyOf(r.cells[home] ?? '', r.cells[index] ?? ''), r.row]));
}

const normalised = (records: ReferralRecord[]) =>
  records.map((r) => ({ ...r, interventions: sortInterventions(r.interventions) })).sort((a, b) => (keyOf(a.homeMunicipality, a.referralId) < keyOf(b.homeMunicipality, b.referralId) ? -1 : 1));

const stored = async () => selectStoredReferrals(database.db);
const byKey = (list: StoredReferral[]) => new Map(list.map((s) => [keyOf(s.record.homeMunicipality, s.record.referralId), s]));

/** The rows of every table an import writes, and the citizens' facts. */
async function counts(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const table of ['citizen', 'referral', 'course', 'course_contact', 'needs_assessment', 'action_plan', 'decline', 'closing_conversation', 'closing_note', 'cross_referral', 'extract_import', 'audit_event'] as const) {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  const citizens = await sql<{ facts: string }>`select string_agg(coalesce(cpr, pseudonym) || sex || birth_date::text, ',' order by coalesce(cpr, pseudonym)) as facts from citizen`.execute(database.db);
  out.citizenFacts = citizens.rows[0]?.facts ?? '';
  return out;
}

/** The first extract: 60 referrals, record 28 with the same intervention twice. */
const first = Array.from({ length: 60 }, (_, i) => aRecord(i)).map((r, i) => (i === 28 ? { ...r, interventions: [...r.interventions, ...r.interventions] } : r));

/** Each a change to one record of the first extract, applied to records 20–29 of the second. */
const changes: ((r: ReferralRecord) => ReferralRecord)[] = [
  (r) => ({ ...r, firstContact: day(r.firstContact ?? r.received, 1) }),
  (r) => ({ ...r, interventions: [...r.interventions, { intervention: 'livskraft', providerMunicipality: r.homeMunicipality, referred: day(r.received, 20), providerContact: null, deeperAssessment: null, start: null, end: null, attendances: null, endReason: null }] }),
  (r) => ({ ...r, interventions: r.interventions.map((x, i) => (i === 0 ? { ...x, end: day(r.received, 100), attendances: 9, endReason: 'completed' } : x)), closingConversation: day(r.received, 150) }),
  (r) => ({ ...r, interventions: r.interventions.slice(0, 1) }),
  (r) => ({ ...r, declined: day(r.received, 4), declineReason: 'not_relevant' }),
  (r) => ({ ...r, sex: r.sex === 'M' ? 'F' : 'M' }),
  (r) => ({ ...r, legalBasis: null, diagnosis: 'DC18' }),
  (r) => ({ ...r, closingNoteSent: null }),
  (r) => ({ ...r, interventions: r.interventions.slice(0, r.interventions.length / 2) }),
  (r) => ({ ...r, received: day(r.received, -1) }),
];

/** The record made in Samkraft as the export writes it. */
const madeInSamkraft = async () => {
  const found = (await stored()).find((s) => s.origin !== 'import');
  if (!found) throw new Error('no record made in Samkraft');
  return found.record;
};

async function secondExtract(): Promise<ReferralRecord[]> {
  const kept = first.slice(0, 40).map((r, i) => (i >= 20 && i < 30 ? (changes[i - 20] ?? ((x: ReferralRecord) => x))(r) : r));
  const fresh = Array.from({ length: 10 }, (_, i) => aRecord(60 + i));
  // A new referral of a known citizen (record 3's): found by pseudonym, not made again.
  const citizenOf3 = first[3];
  if (!citizenOf3) throw new Error('fixture');
  fresh[0] = { ...(fresh[0] ?? aRecord(60)), citizen: citizenOf3.citizen, sex: citizenOf3.sex, birthDate: citizenOf3.birthDate };
  // A care system's id with the separator, quotes, a backslash and a line break in it.
  fresh[1] = { ...(fresh[1] ?? aRecord(61)), referralId: 'MIX-61;"x"\\\ny' };
  return [...kept, await madeInSamkraft(), ...fresh];
}

describe('the set-based import against the per-record model', () => {
  it('stores a mixed extract — new, changed, unchanged — as the model plans it, and audits the same changes', async () => {
    expect(await importExtract(ctx(), filesOf(first))).toMatchObject({ outcome: 'imported', created: 60, updated: 0, unchanged: 0 });
    const records = await secondExtract();
    const before = await stored();
    const plan = planImport(records, byKey(before));
    const kinds = (kind: string) => plan.filter((s) => s.kind === kind).length;
    expect([kinds('create'), kinds('update'), kinds('unchanged'), kinds('refuse')]).toEqual([10, 10, 31, 0]);
    const lastEvent = await database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();

    const phases: string[] = [];
    const result = await importExtract(ctx(), filesOf(records), (done, total, phase) => phases.push(`${done}/${total} ${phase}`));
    expect(result).toMatchObject({ outcome: 'imported', created: 10, updated: 10, unchanged: 31, errors: [] });
    expect(phases).toEqual([...importPhases.map((p, i) => `${i}/${importPhases.length} ${p}`), `${importPhases.length}/${importPhases.length} audit`]);

    // Stored: every record of the extract as it came, every other record as it was.
    const expected = byKey(before);
    for (const step of plan) if (step.kind === 'create' || step.kind === 'update') expected.set(keyOf(step.record.homeMunicipality, step.record.referralId), { ...before[0]!, record: step.record });
    expect(normalised((await stored()).map((s) => s.record))).toEqual(normalised([...expected.values()].map((s) => s.record)));
    // The citizen of a changed sex has it; the known citizen got no twin.
    const citizens = await database.db.selectFrom('citizen').select(['pseudonym', 'sex']).where('pseudonym', 'in', ['P-MIX-25', 'P-MIX-3']).orderBy('pseudonym').execute();
    expect(citizens).toEqual([{ pseudonym: 'P-MIX-25', sex: 'F' }, { pseudonym: 'P-MIX-3', sex: 'M' }]);

    // Audited: one event per created or updated referral, an update naming the model's changes.
    const events = await database.db
      .selectFrom('audit_event')
      .select(['entity_id', 'citizen_id', 'detail'])
      .where('id', '>', lastEvent.id ?? '0')
      .where('entity_type', '=', 'referral')
      .orderBy('id')
      .execute();
    const modelEvents = [...plan.filter((s) => s.kind === 'create'), ...plan.filter((s) => s.kind === 'update')].map((s) =>
      s.kind === 'update'
        ? { change: 'updated', referralId: s.record.referralId, homeMunicipality: s.record.homeMunicipality, changes: JSON.parse(JSON.stringify(s.changes)) as unknown }
        : s.kind === 'create'
          ? { change: 'created', referralId: s.record.referralId, homeMunicipality: s.record.homeMunicipality }
          : null,
    );
    expect(events.map((e) => e.detail)).toEqual(modelEvents);
    const after = byKey(await stored());
    expect(events.map((e) => [e.entity_id, e.citizen_id])).toEqual(
      events.map((e) => {
        const d = e.detail as { referralId: string; homeMunicipality: string };
        const s = after.get(keyOf(d.homeMunicipality, d.referralId));
        return [s?.id, s?.citizenId];
      }),
    );

    // Idempotent: the same extract again changes nothing.
    const again = await counts();
    expect(await importExtract(ctx(), filesOf(records))).toMatchObject({ outcome: 'imported', created: 0, updated: 0, unchanged: 51 });
    const afterAgain = await counts();
    expect({ ...afterAgain, extract_import: 0, audit_event: 0 }).toEqual({ ...again, extract_import: 0, audit_event: 0 });
  });

  it('refuses with the errors of the model — a changed record made in Samkraft, invalid rows — and writes nothing', async () => {
    const records = await secondExtract();
    const ui = await madeInSamkraft();
    const changed = records.map((r) => (r.referralId === ui.referralId ? { ...r, firstContact: '2026-11-04', source: 'self' } : r.referralId === 'MIX-0' ? { ...r, firstContact: day(r.received, 3) } : r));
    const files = filesOf(changed);
    const rows = rowsOf(files);
    const model = planImport(changed, byKey(await stored())).flatMap((s) =>
      s.kind === 'refuse'
        ? [
            {
              file: 'referrals.csv',
              row: rows.get(keyOf(s.record.homeMunicipality, s.record.referralId)),
              column: 'referral_id',
              reason: 'known_from_samkraft',
              detail: `referral_id "${s.record.referralId}" is a referral entered in Samkraft; change it there (changed: ${Object.keys(s.changes).join(', ')})`,
            },
          ]
        : [],
    );
    expect(model).toEqual([expect.objectContaining({ detail: `referral_id "${ui.referralId}" is a referral entered in Samkraft; change it there (changed: source, firstContact)` })]);
    const before = await counts();
    const refused = await importExtract(ctx(), files);
    expect(refused).toMatchObject({ outcome: 'refused', importId: null, created: 0, updated: 0, unchanged: 0 });
    expect(refused.errors).toEqual(model);
    expect({ ...(await counts()), audit_event: 0 }).toEqual({ ...before, audit_event: 0 });

    // Invalid rows: exactly the pure validator's errors (file, row, column, reason and text).
    const invalid = changed.map((r) => (r.referralId === 'MIX-12' ? { ...r, needsAssessed: day(r.received, -1) } : r.referralId === 'MIX-13' ? { ...r, interventions: [{ ...r.interventions[0]!, end: day(r.received, 12), attendances: 3, endReason: 'moved' }] } : r));
    const invalidFiles = filesOf(invalid);
    const input = assignTables(invalidFiles.map((f) => parseCsvFile(f.name, f.bytes).table).filter((t) => t !== null)).input;
    if (!input) throw new Error('fixture files do not parse');
    const validatorErrors = validateExtract(input, await loadKnownCodes(database.db), TODAY).errors;
    expect(validatorErrors.map((e) => e.reason)).toEqual(['out_of_order', 'out_of_order']);
    const result = await importExtract(ctx(), invalidFiles);
    expect(result.errors).toEqual(validatorErrors);
    expect({ ...(await counts()), audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
  });
});

describe('all or nothing', () => {
  const many = Array.from({ length: 1500 }, (_, i) => aRecord(1000 + i));

  it.each([
    ['an invalid date on the last referral row', (r: ReferralRecord[]) => r.map((x, i) => (i === r.length - 1 ? { ...x, firstContact: day(x.received, -2) } : x)), 'referrals.csv', 'first_contact'],
    ['an invalid last intervention row', (r: ReferralRecord[]) => r.map((x, i) => (i === r.length - 1 ? { ...x, interventions: [...x.interventions, { ...x.interventions[0]!, referred: day(x.received, -5) }] } : x)), 'interventions.csv', 'referred'],
  ])('%s: nothing of the many rows before it is written', async (_name, spoil, file, column) => {
    const before = await counts();
    const result = await importExtract(ctx(), filesOf(spoil(many)));
    expect(result.outcome).toBe('refused');
    expect(result.errors.map((e) => [e.file, e.column])).toEqual([[file, column]]);
    expect({ ...(await counts()), audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
  });

  it('a changed record made in Samkraft as the last row, found only in the database: nothing written', async () => {
    const ui = await madeInSamkraft();
    const before = await counts();
    const result = await importExtract(ctx(), filesOf([...many, { ...ui, closingConversation: '2026-11-20' }], ui.referralId));
    expect(result).toMatchObject({ outcome: 'refused', created: 0 });
    expect(result.errors.map((e) => [e.row, e.reason])).toEqual([[many.length + 2, 'known_from_samkraft']]);
    expect({ ...(await counts()), audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
  });

  it('the database refusing the last intervention while merging: the whole import rolls back', async () => {
    // Test-only: a check that fails on one row, after every other table of the merge was written.
    await sql`
      create function refuse_last_intervention() returns trigger language plpgsql as $$
      begin
        if new.origin = 'import' and new.intervention_code = 'livskraft' and new.received_on = '2020-02-02' then raise exception 'refused by the test'; end if;
        return new;
      end $$`.execute(database.db);
    await sql`create trigger refuse_last_intervention before insert on cross_referral for each row execute function refuse_last_intervention()`.execute(database.db);
    try {
      const last = many.length - 1;
      const spoiled = many.map((x, i) =>
        i === last ? { ...x, interventions: [...x.interventions, { intervention: 'livskraft', providerMunicipality: x.homeMunicipality, referred: '2020-02-02', providerContact: null, deeperAssessment: null, start: null, end: null, attendances: null, endReason: null }], received: '2020-01-01', firstContact: null, needsAssessed: null, actionPlan: null, declined: null, declineReason: null } : x,
      );
      const before = await counts();
      await expect(importExtract(ctx(), filesOf(spoiled))).rejects.toThrow(/refused by the test/);
      expect(await counts()).toEqual(before);
      // The same rows without the refused one go in whole.
      expect(await importExtract(ctx(), filesOf(many))).toMatchObject({ outcome: 'imported', created: many.length });
    } finally {
      await sql`drop trigger refuse_last_intervention on cross_referral`.execute(database.db);
      await sql`drop function refuse_last_intervention()`.execute(database.db);
    }
  });
});
