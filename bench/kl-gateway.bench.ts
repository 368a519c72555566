/**
 * The KL Gateway export (issue 12.8): the §140 and §119 delivery reports of the largest
 * municipality for a month and for a year, built as its lead asks for them (createKlExport, full
 * mode: every citizen's bundle built, checked against the invariants, logged, audited, zipped),
 * against the floor: one hand-written SQL statement reading the same facts, set-based. The floor
 * builds nothing — the target is that building stays within a multiple of reading, and that it
 * grows with the number of citizens only (time per citizen, year ÷ month).
 *
 * Synthetic citizens are never reported: the export reads them through `bench.citizen`
 * (issue12-setup.ts), which shows them as reportable, on a connection of its own.
 */
import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createKlExport } from '../apps/server/src/features/kl-gateway/kl-export.service.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import { openPostgres, type Db } from '../apps/server/src/platform/database/database.ts';
import { pickMunicipalities, syntheticActor } from './support/actors.ts';
import { benchRoot, type DataSet } from './support/datasets.ts';
import { ensureKlSetup, klDatabaseUrl } from './support/issue12-setup.ts';
import { median } from './support/measure.ts';
import { catching, explain, findingsMarkdown } from './support/plans.ts';
import type { ResultRow } from './support/results.ts';

type Period = { name: string; from: string; to: string; runs: number };

/** Every fact the reports are built from, for the municipality's citizens under the basis in the period. */
function floorRead(db: Db, m: string, basis: KlLegalBasis, p: Period) {
  return sql`
    with k as (
      select r.id, r.citizen_id, r.received_on, r.discharged_on, o.sor_code, r.diagnosis_code, d.title_da, c.id as course_id, c.closed_on, c.close_reason, ci.cpr, ci.deceased_on
      from referral r join course c on c.referral_id = r.id join citizen ci on ci.id = r.citizen_id
      left join organisation o on o.id = r.referring_organisation_id left join diagnosis d on d.code = r.diagnosis_code
      where r.home_municipality_code = ${m} and r.legal_basis = ${basis} and not ci.is_synthetic and r.received_on <= ${p.to} and (c.closed_on is null or c.closed_on >= ${p.from})
    )
    select k.*,
      (select json_build_object('first', min(cc.contacted_on), 'offered', min(cc.agreed_assessment_at)) from course_contact cc where cc.course_id = k.course_id),
      (select json_agg(json_build_object('on', na.assessed_on, 'occasion', na.occasion, 'items', (select array_agg(p.item_code) from needs_assessment_problem p where p.needs_assessment_id = na.id)))
        from needs_assessment na where na.course_id = k.course_id),
      (select json_agg(json_build_object('x', x, 'form', i.form, 'decline', (select min(dc.declined_on) from decline dc where dc.cross_referral_id = x.id),
          'sessions', (select json_agg(json_build_object('id', s.id, 'at', s.starts_at, 'minutes', s.duration_minutes))
            from enrolment e join attendance a on a.enrolment_id = e.id join team_session s on s.id = a.team_session_id
            where e.cross_referral_id = x.id and a.status = 'attended' and not s.cancelled)))
        from cross_referral x join intervention i on i.code = x.intervention_code where x.course_id = k.course_id),
      (select min(h.held_on) from closing_conversation h where h.course_id = k.course_id)
    from k order by k.citizen_id, k.received_on`.execute(db);
}

/** Removes an export's log, so that the next export builds from the same state. */
async function forget(db: Db, exportId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('kl_gateway_delivered_resource').where('export_id', '=', exportId).execute();
    await trx.deleteFrom('kl_gateway_delivered_bundle').where('export_id', '=', exportId).execute();
    await trx.deleteFrom('kl_gateway_export').where('id', '=', exportId).execute();
  });
}

export async function klGatewayBenchmark(data: DataSet, label: string, plansFile = path.join(benchRoot, 'plans-issue12-kl.md')): Promise<ResultRow[]> {
  await ensureKlSetup(data.database.db);
  const { largest } = await pickMunicipalities(data.database);
  const m = largest.code;
  const actor = await syntheticActor(data.database, `syn.${m}.municipal-lead1`);
  const kl = await openPostgres(klDatabaseUrl(data.name));
  const ctx = { db: kl.db, actor, clock: fixedClock(`${data.set.today}T09:00:00Z`) };
  const periods: Period[] = [
    { name: 'one month', from: '2026-11-01', to: '2026-11-30', runs: 5 },
    { name: 'one year', from: '2025-12-01', to: '2026-11-30', runs: 3 },
  ];
  const rows: ResultRow[] = [];
  const at = new Date().toISOString();
  try {
    for (const basis of ['SUL140', 'SUL119'] as const) {
      const perCitizen: { citizens: number; ms: number }[] = [];
      for (const p of periods) {
        let summary: Awaited<ReturnType<typeof createKlExport>>['summary'] | undefined;
        let bytes = 0;
        const ours: number[] = [];
        const floor: number[] = [];
        // Alternating, as `against`; each export's log is removed after it (untimed), so every run builds from the same state.
        for (let i = -1; i < p.runs; i++) {
          const started = performance.now();
          const file = await createKlExport(ctx, { municipality: m, legalBasis: basis, from: p.from, to: p.to, mode: 'full' });
          const took = performance.now() - started;
          summary = file.summary;
          bytes = file.bytes.length;
          await forget(kl.db, file.summary.id);
          const floorStarted = performance.now();
          await floorRead(kl.db, m, basis, p);
          if (i >= 0) {
            floor.push(performance.now() - floorStarted);
            ours.push(took);
          }
        }
        if (!summary) throw new Error('no export');
        const citizens = summary.reported + summary.unchanged + summary.leftOut.length;
        const o = median(ours);
        const f = median(floor);
        perCitizen.push({ citizens, ms: o / Math.max(1, citizens) });
        rows.push({
          measure: `KL Gateway export, ${basis.replace('SUL', '§')}, the largest municipality, ${p.name} (full)`,
          size: label,
          ours: o,
          floor: f,
          unit: 'ms',
          floorIs: 'one SQL statement reading the same facts (no building)',
          target: '≤ 3× floor',
          met: o <= 3 * f,
          note: `${citizens.toLocaleString('en')} citizens of ${m}: ${summary.reported} reported (${summary.resources.toLocaleString('en')} resources, ZIP ${(bytes / 1024).toFixed(0)} kB), ${summary.leftOut.length} left out; median of ${p.runs} runs each, alternating`,
          at,
        });
      }
      const [month, year] = perCitizen;
      if (month && year) {
        rows.push({
          measure: `KL Gateway export, ${basis.replace('SUL', '§')}: time per citizen, a year ÷ a month`,
          size: label,
          ours: year.ms,
          floor: month.ms,
          unit: 'ms',
          floorIs: `the time per citizen of a month's export (${month.citizens.toLocaleString('en')} citizens)`,
          target: '≤ 2× (linear in citizens)',
          met: year.ms <= 2 * month.ms,
          note: `${year.citizens.toLocaleString('en')} citizens in the year, ${month.citizens.toLocaleString('en')} in the month`,
          at,
        });
      }
    }
    // The statements of a year's §119 export (the most referrals), and their plans.
    const caught = catching(kl.db);
    const year = periods[1];
    if (year) {
      const file = await createKlExport({ ...ctx, db: caught.db }, { municipality: m, legalBasis: 'SUL119', from: year.from, to: year.to, mode: 'full' });
      await forget(kl.db, file.summary.id);
      fs.writeFileSync(plansFile, [`# Plans of the KL Gateway export (${label}), written by \`npm run bench -- kl-gateway\``, '', findingsMarkdown(`§119, ${m}, ${year.from} – ${year.to}`, await explain(kl.db, caught.queries))].join('\n'));
    }
    return rows;
  } finally {
    await kl.close();
  }
}
