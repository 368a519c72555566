/**
 * FHIR API searches (issue 12) over the whole app (app.inject: session, access rules, audit,
 * Bundle), as a contact person of the largest municipality and as a therapist of the municipality
 * that provides for the same citizen, against the floor: one hand-written SQL statement fetching
 * the same records by the same key (the CPR number), no mapping, no audit. The citizen is a
 * synthetic one given an official test person's CPR number in the bench's copy (issue12-setup.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { identifierSystem } from '@samkraft/contracts/identifiers';
import { buildApp } from '../apps/server/src/app.ts';
import { SESSION_COOKIE } from '../apps/server/src/features/auth/auth.plugin.ts';
import { signInAsSyntheticUser } from '../apps/server/src/features/auth/auth.service.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Db } from '../apps/server/src/platform/database/database.ts';
import { pickMunicipalities, syntheticActor } from './support/actors.ts';
import { benchRoot, type DataSet } from './support/datasets.ts';
import { citizenWithCpr, ensureOrganisations, TEST_CPR } from './support/issue12-setup.ts';
import { against, percentile } from './support/measure.ts';
import { catching, explain, findingsMarkdown } from './support/plans.ts';
import type { ResultRow } from './support/results.ts';

const RUNS = 30;

/** The citizen's records of one kind, by CPR number, in one statement (`side`: the provider's referrals only). */
function floorOf(kind: 'Patient' | 'ServiceRequest' | 'Communication' | 'Encounter' | 'Organization', key: string, provider: string | null): (db: Db) => Promise<unknown> {
  const sent = provider ? sql`and x.provider_municipality_code = ${provider} and x.kind = 'cross_municipal' and x.sent_at is not null` : sql``;
  const statements: Record<typeof kind, RawBuilder<unknown>> = {
    Patient: sql`select c.* from citizen c where c.cpr = ${key}`,
    ServiceRequest: provider
      ? sql`select x.*, r.* from citizen c join referral r on r.citizen_id = c.id join course k on k.referral_id = r.id join cross_referral x on x.course_id = k.id ${sent} where c.cpr = ${key}`
      : sql`select r.*, k.*, x.* from citizen c join referral r on r.citizen_id = c.id join course k on k.referral_id = r.id left join cross_referral x on x.course_id = k.id where c.cpr = ${key}`,
    Communication: sql`select n.id, n.body, s.id, s.body from citizen c join referral r on r.citizen_id = c.id join course k on k.referral_id = r.id
      left join closing_note n on n.course_id = k.id left join cross_referral x on x.course_id = k.id left join status_note s on s.cross_referral_id = x.id where c.cpr = ${key}`,
    Encounter: sql`select x.id, e.id, a.*, s.* from citizen c join referral r on r.citizen_id = c.id join course k on k.referral_id = r.id join cross_referral x on x.course_id = k.id ${sent}
      join enrolment e on e.cross_referral_id = x.id join attendance a on a.enrolment_id = e.id join team_session s on s.id = a.team_session_id where c.cpr = ${key}`,
    Organization: sql`select o.*, p.name from organisation o left join organisation p on p.id = o.parent_id where o.sor_code = ${key}`,
  };
  return (db) => statements[kind].execute(db);
}

export async function fhirApiBenchmark(data: DataSet, label: string, plansFile = path.join(benchRoot, 'plans-issue12-fhir.md')): Promise<ResultRow[]> {
  const { database } = data;
  const db = database.db;
  const clock = fixedClock(`${data.set.today}T09:00:00Z`);
  const { largest } = await pickMunicipalities(database);
  const organisations = await ensureOrganisations(db);
  // Two citizens: one of the largest municipality's own, one it provides for (it sends few referrals elsewhere).
  const home = await citizenWithCpr(db, TEST_CPR.home, { home: largest.code });
  const provided = await citizenWithCpr(db, TEST_CPR.provider, { provider: largest.code });
  const factsOf = async (citizenId: string) =>
    (
      await sql<{ courses: number; cross: number; attendances: number }>`
        select count(distinct k.id)::int as courses, count(distinct x.id)::int as cross, count(a.*)::int as attendances
        from referral r join course k on k.referral_id = r.id left join cross_referral x on x.course_id = k.id
        left join enrolment e on e.cross_referral_id = x.id left join attendance a on a.enrolment_id = e.id where r.citizen_id = ${citizenId}`.execute(db)
    ).rows[0];
  const facts = { home: await factsOf(home), provided: await factsOf(provided) };
  const sor = (await db.selectFrom('organisation').select('sor_code').where('sor_code', 'is not', null).orderBy('sor_code', 'desc').executeTakeFirst())?.sor_code ?? null;

  // The app's statements are caught once per search (off while timed), for their plans.
  const caught = catching(db, false);
  const app = await buildApp({
    database: { ...database, db: caught.db },
    clock,
    config: { sessionIdleMinutes: 600, sessionMaxHours: 24, cookieSecure: true, demo: false, webDistDir: '/nonexistent-web-dist', logLevel: 'silent' },
    logger: false,
  });
  try {
    const cookieOf = async (username: string) => {
      const actor = await syntheticActor(database, username);
      const signedIn = await signInAsSyntheticUser({ db, clock, demo: false, policy: { idleMinutes: 600, maxHours: 24 } }, actor.userId);
      return { cookie: `${SESSION_COOKIE}=${signedIn.token}` };
    };
    const who = [
      { name: `contact person of the largest municipality (${largest.code})`, headers: await cookieOf(largest.contact), provider: null, key: TEST_CPR.home, facts: facts.home },
      { name: `therapist of the largest municipality as provider (${largest.code})`, headers: await cookieOf(`syn.${largest.code}.therapist1`), provider: largest.code, key: TEST_CPR.provider, facts: facts.provided },
    ];
    const [asHome, asProvider] = who;
    if (!asHome || !asProvider) throw new Error('no actors');
    const byCpr = (w: (typeof who)[number]) => encodeURIComponent(`${identifierSystem.cpr}|${w.key}`);
    type Kind = Parameters<typeof floorOf>[0];
    const searches: { kind: Kind; path: string; param: string; as: typeof who }[] = [
      { kind: 'Patient', path: '/fhir/Patient', param: 'identifier', as: who },
      { kind: 'ServiceRequest', path: '/fhir/ServiceRequest', param: 'patient.identifier', as: who },
      { kind: 'Communication', path: '/fhir/Communication', param: 'patient.identifier', as: who },
      { kind: 'Encounter', path: '/fhir/Encounter', param: 'patient.identifier', as: [asProvider] },
      { kind: 'Organization', path: '/fhir/Organization', param: 'identifier', as: [asHome] },
    ];

    const rows: ResultRow[] = [];
    const findings: string[] = [];
    const at = new Date().toISOString();
    for (const s of searches) {
      for (const w of s.as) {
        if (s.kind === 'Organization' && !sor) continue;
        let found = 0;
        const key = s.kind === 'Organization' ? (sor ?? '') : w.key;
        const url = `${s.path}?${s.param}=${s.kind === 'Organization' ? encodeURIComponent(`${identifierSystem.sor}|${key}`) : byCpr(w)}`;
        const floor = floorOf(s.kind, key, s.kind === 'Organization' ? null : w.provider);
        const search = async () => {
          const res = await app.inject({ method: 'GET', url, headers: w.headers });
          if (res.statusCode !== 200) throw new Error(`${s.path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          found = (JSON.parse(res.body) as { total?: number }).total ?? 0;
        };
        caught.queries.length = 0;
        caught.on = true;
        await search();
        caught.on = false;
        const statements = caught.queries.length;
        const plans = await explain(db, caught.queries);
        findings.push(findingsMarkdown(`${s.path}?${s.param}, ${w.name}`, plans));
        const flags = plans.flatMap((p) => p.flags);
        const t = await against(RUNS, search, () => floor(db));
        const p95 = { ours: percentile(t.ours, 95), floor: percentile(t.floor, 95) };
        const p50 = { ours: percentile(t.ours, 50), floor: percentile(t.floor, 50) };
        rows.push({
          measure: `FHIR search ${s.path}?${s.param}, ${w.name}, p95`,
          size: label,
          ours: p95.ours,
          floor: p95.floor,
          unit: 'ms',
          floorIs: `one SQL statement: the same ${s.kind === 'Organization' ? 'organisation by its SOR code' : 'records by the CPR number'}`,
          target: '≤ 5× floor',
          met: p95.ours <= 5 * p95.floor,
          note: `${
            s.kind === 'Organization' ? `${found} of ${organisations.toLocaleString('en')} organisations` : `${found} resources; the citizen has ${w.facts?.courses} courses, ${w.facts?.cross} cross-referrals, ${w.facts?.attendances} attendances`
          }; ${statements} statements, plan: ${flags.length ? flags.join('; ') : 'no scan over a big table'}; p50 ${p50.ours.toFixed(1)} vs ${p50.floor.toFixed(1)} ms; ${RUNS} runs each, alternating; every read audited`,
          at,
        });
      }
    }
    fs.writeFileSync(plansFile, [`# Plans of the FHIR API's searches (${label}), written by \`npm run bench -- fhir-api\``, '', ...findings].join('\n'));
    return rows;
  } finally {
    await app.close();
  }
}
