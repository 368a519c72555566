/**
 * What issue 12 reads from tables that grow with the data, on ten years of messages (about
 * 20,000 closing notes a year and their acknowledgements, issue12-setup.ts): the administrators'
 * list of messages (`GET /api/messages`: a first and a deep page, all and one municipality's), the
 * outbox's due-scan, and organisations by SOR code and GLN. Each against the floor: the same rows
 * fetched by their primary key (what a page costs when nothing is scanned). Every statement's
 * plan (EXPLAIN ANALYZE, BUFFERS) is written to bench/plans-issue12.md, scans flagged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { listMessagesForAdministrator } from '../apps/server/src/features/messaging/messaging.service.ts';
import { findDueOutgoing } from '../apps/server/src/features/messaging/message.repository.ts';
import { findOrganisationByGlnIn, findOrganisationBySorIn } from '../apps/server/src/features/organisations/organisation.service.ts';
import type { StaffActor } from '../apps/server/src/platform/auth/actor.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Db } from '../apps/server/src/platform/database/database.ts';
import { pickMunicipalities, syntheticActor } from './support/actors.ts';
import { benchRoot, type DataSet } from './support/datasets.ts';
import { ensureMessages, ensureOrganisations } from './support/issue12-setup.ts';
import { against, percentile } from './support/measure.ts';
import { catching, explain, findingsMarkdown, type Finding } from './support/plans.ts';
import type { ResultRow } from './support/results.ts';

const RUNS = 20;

const byIds = (db: Db, table: 'message' | 'organisation', ids: string[]) => sql`select * from ${sql.table(table)} where id = any(${ids}::uuid[])`.execute(db);

export async function messagesBenchmark(data: DataSet, label: string, plansFile = path.join(benchRoot, 'plans-issue12.md')): Promise<ResultRow[]> {
  const { database } = data;
  const db = database.db;
  const messages = await ensureMessages(db, data.set.today);
  const { largest } = await pickMunicipalities(database);
  const someone = await syntheticActor(database, largest.contact);
  // The data set has no administrator: a coordinator's user with the administrator's role, for this call only.
  const admin: StaffActor = { ...someone, roles: ['administrator'] };
  const clock = fixedClock(`${data.set.today}T09:00:00Z`);
  const now = clock.now();
  const organisations = await ensureOrganisations(db);
  const org = await db.selectFrom('organisation').select(['id', 'sor_code', 'ean']).where('kind', '=', 'hospital_department').where('sor_code', 'is not', null).where('ean', 'is not', null).orderBy('sor_code', 'desc').executeTakeFirst();

  type Case = { measure: string; ours: (db: Db) => Promise<string[]>; note: (ids: string[]) => string; table: 'message' | 'organisation' };
  const page = (offset: number, municipalityCode?: string) => async (d: Db) =>
    (await listMessagesForAdministrator({ db: d, actor: admin, clock }, { offset, limit: 50, direction: undefined, state: undefined, kind: undefined, municipalityCode })).items.map((i) => i.id);
  const cases: Case[] = [
    { measure: 'messages for administrators (GET /api/messages), first page (50)', ours: page(0), note: () => 'all municipalities, newest first, with the total', table: 'message' },
    { measure: 'messages for administrators (GET /api/messages), page at offset 10,000', ours: page(10_000), note: () => 'all municipalities, newest first, with the total', table: 'message' },
    { measure: "messages for administrators (GET /api/messages), the largest municipality's first page", ours: page(0, largest.code), note: () => `municipality ${largest.code}`, table: 'message' },
    { measure: "outbox due-scan (the outbox pass's findDueOutgoing, 50)", ours: async (d) => (await findDueOutgoing(d, now, 50)).map((m) => m.id), note: (ids) => `${ids.length} due (the last week's notes await their acknowledgement)`, table: 'message' },
  ];
  if (org?.sor_code && org.ean) {
    const { sor_code: sor, ean: gln } = org;
    cases.push(
      { measure: 'organisation by SOR code (findOrganisationBySorIn)', ours: async (d) => [(await findOrganisationBySorIn(d, sor))?.id ?? ''], note: () => `${organisations.toLocaleString('en')} organisations`, table: 'organisation' },
      { measure: 'organisation by GLN (findOrganisationByGlnIn)', ours: async (d) => [(await findOrganisationByGlnIn(d, gln))?.id ?? ''], note: () => `${organisations.toLocaleString('en')} organisations`, table: 'organisation' },
    );
  }

  const rows: ResultRow[] = [];
  const findings: string[] = [];
  const at = new Date().toISOString();
  for (const c of cases) {
    const caught = catching(db);
    const ids = await c.ours(caught.db);
    const plans: Finding[] = await explain(db, caught.queries);
    findings.push(findingsMarkdown(c.measure, plans));
    const t = await against(RUNS, () => c.ours(db), () => byIds(db, c.table, ids));
    const p50 = { ours: percentile(t.ours, 50), floor: percentile(t.floor, 50) };
    const flags = plans.flatMap((p) => p.flags);
    rows.push({
      measure: `${c.measure}, p50`,
      size: label,
      ours: p50.ours,
      floor: p50.floor,
      unit: 'ms',
      floorIs: 'the same rows by primary key, one statement',
      target: '≤ 3× floor',
      met: p50.ours <= 3 * p50.floor,
      note: `${c.note(ids)}; ${messages.toLocaleString('en')} messages; plan: ${flags.length ? flags.join('; ') : 'no scan over a big table'}; ${RUNS} runs each, alternating`,
      at,
    });
  }
  fs.writeFileSync(plansFile, [`# Plans of issue 12's reads (${label}), written by \`npm run bench -- messages\``, '', ...findings].join('\n'));
  return rows;
}
