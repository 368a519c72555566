/**
 * The worklist, as a contact person and as the lead of the largest municipality open it, against
 * the floor: one hand-written SQL statement returning the same courses with every fact their
 * deadlines are derived from (no derivation, no audit, no transaction).
 */
import { sql } from 'kysely';
import { getWorklist } from '../apps/server/src/features/worklist/worklist.service.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Database } from '../apps/server/src/platform/database/database.ts';
import { pickMunicipalities, syntheticActor } from './support/actors.ts';
import type { DataSet } from './support/datasets.ts';
import { against, percentile } from './support/measure.ts';
import type { ResultRow } from './support/results.ts';

/** Every open course in scope with its list columns and its deadline facts, in one statement. */
function floorQuery(database: Database, scope: { municipality: string; contactPersonId?: string }) {
  const byPerson = scope.contactPersonId ? sql`and a.staff_user_id = ${scope.contactPersonId}` : sql``;
  return sql`
    select k.id, r.id as referral_id, r.received_on, r.source, r.legal_basis, r.discharged_on, r.plan_clinical_start_on, r.diagnosis_code, d.title_da,
      c.id as citizen_id, c.given_name, c.family_name, c.cpr, c.pseudonym, c.birth_date, c.sex, c.name_address_protected, c.vulnerable,
      s.id as staff_id, s.display_name,
      (select min(x.contacted_on) from course_contact x where x.course_id = k.id and x.reached) as first_contact_on,
      (select min(n.assessed_on) from needs_assessment n where n.course_id = k.id and n.occasion = 'initial') as assessed_on,
      (select min(p.agreed_on) from action_plan p where p.course_id = k.id) as plan_on,
      (select cc.held_on from closing_conversation cc where cc.course_id = k.id) as conversation_on,
      (select min(dc.declined_on) from decline dc where dc.course_id = k.id and dc.cross_referral_id is null) as declined_on,
      (select json_agg(json_build_object('id', x.id, 'kind', x.kind, 'provider', x.provider_municipality_code, 'sent_at', x.sent_at, 'received_on', x.received_on,
              'decision', x.provider_decision, 'contact_on', x.provider_contact_on, 'deeper_on', x.deeper_assessment_on, 'started_on', x.started_on, 'ended_on', x.ended_on,
              'end_note_on', (select max(sn.course_end_on) from status_note sn where sn.cross_referral_id = x.id and sn.kind = 'end'),
              'declined_on', (select min(dx.declined_on) from decline dx where dx.cross_referral_id = x.id)))
        from cross_referral x where x.course_id = k.id) as cross_referrals,
      (select json_agg(p) from deadline_pause p where p.course_id = k.id) as pauses
    from referral r
    join course k on k.referral_id = r.id and k.closed_on is null
    join citizen c on c.id = r.citizen_id
    left join diagnosis d on d.code = r.diagnosis_code
    left join course_assignment a on a.course_id = k.id and a.ended_at is null
    left join staff_user s on s.id = a.staff_user_id
    where r.home_municipality_code = ${scope.municipality} ${byPerson}
    order by r.received_on`.execute(database.db);
}

export async function worklistBenchmark(data: DataSet, label: string): Promise<ResultRow[]> {
  const { database } = data;
  const clock = fixedClock(`${data.set.today}T09:00:00Z`);
  const { largest, small } = await pickMunicipalities(database);
  const rows: ResultRow[] = [];
  const at = new Date().toISOString();
  const runs = 30;

  const perContact: { code: string; open: number; p95: number; ratio: number }[] = [];
  for (const m of [small, largest]) {
    const actor = await syntheticActor(database, m.contact);
    const ctx = { db: database.db, actor, clock };
    let items = 0;
    const t = await against(
      runs,
      async () => {
        items = (await getWorklist(ctx, { scope: 'mine' })).items.length;
      },
      () => floorQuery(database, { municipality: m.code, contactPersonId: actor.userId }),
    );
    const p95 = { ours: percentile(t.ours, 95), floor: percentile(t.floor, 95) };
    const p50 = { ours: percentile(t.ours, 50), floor: percentile(t.floor, 50) };
    perContact.push({ code: m.code, open: m.open, p95: p95.ours, ratio: p95.ours / p95.floor });
    rows.push({
      measure: `worklist, contact person (${m === largest ? 'largest municipality' : 'a small municipality'}), p95`,
      size: label,
      ours: p95.ours,
      floor: p95.floor,
      unit: 'ms',
      floorIs: 'one SQL statement: the same courses with every deadline fact',
      target: '≤ 2× floor',
      met: p95.ours <= 2 * p95.floor,
      note: `${items} courses of ${m.open.toLocaleString('en')} open in ${m.code}; p50 ${p50.ours.toFixed(1)} vs ${p50.floor.toFixed(1)} ms; ${runs} runs each, alternating`,
      at,
    });
  }
  const [smallRun, largeRun] = perContact;
  if (smallRun && largeRun) {
    rows.push({
      measure: 'worklist, contact person: flat as the municipality grows (p95, largest ÷ small)',
      size: label,
      ours: largeRun.p95,
      floor: smallRun.p95,
      unit: 'ms',
      floorIs: `the same contact-person list in a municipality with ${small.open.toLocaleString('en')} open courses`,
      target: '≤ 2× (flat)',
      met: largeRun.p95 <= 2 * smallRun.p95,
      note: `${largest.open.toLocaleString('en')} vs ${small.open.toLocaleString('en')} open courses in the municipality`,
      at,
    });
  }

  const lead = await syntheticActor(database, `syn.${largest.code}.municipal-lead1`);
  const leadCtx = { db: database.db, actor: lead, clock };
  let total = 0;
  const t = await against(
    10,
    async () => {
      total = (await getWorklist(leadCtx, { scope: 'municipality', limit: 100 })).total;
    },
    () => floorQuery(database, { municipality: largest.code }),
  );
  const p50 = { ours: percentile(t.ours, 50), floor: percentile(t.floor, 50) };
  rows.push({
    measure: 'worklist, lead of the largest municipality, first page (100), p50',
    size: label,
    ours: p50.ours,
    floor: p50.floor,
    unit: 'ms',
    floorIs: 'one SQL statement: every open course of the municipality with every deadline fact',
    target: '≤ 2× floor',
    met: p50.ours <= 2 * p50.floor,
    note: `${total.toLocaleString('en')} open courses ranked, first 100 returned; 10 runs each, alternating`,
    at,
  });
  return rows;
}

/**
 * A lead's list at 10,000 open courses (issue 9's acceptance line), on its own data set: the
 * first page against the floor, and later pages checked to page through the whole list — each of
 * its size, none repeating a course of another, all with the same total.
 */
export async function leadTenThousandBenchmark(data: DataSet, label: string): Promise<ResultRow[]> {
  const { database } = data;
  const clock = fixedClock(`${data.set.today}T09:00:00Z`);
  const homes = data.set.homes ?? [];
  const code = homes[0];
  if (homes.length !== 1 || !code) throw new Error(`the lead's data set should hold one home municipality, not ${JSON.stringify(homes)}`);
  const lead = await syntheticActor(database, `syn.${code}.municipal-lead1`);
  const ctx = { db: database.db, actor: lead, clock };
  const limit = 100;
  const page = (offset: number) => getWorklist(ctx, { scope: 'municipality', limit, offset });

  const first = await page(0);
  const total = first.total;
  const lastOffset = Math.floor((total - 1) / limit) * limit;
  const middleOffset = Math.floor(total / 2 / limit) * limit;
  const seen = new Set<string>();
  for (const [offset, items] of [[0, first.items], [limit, (await page(limit)).items], [middleOffset, (await page(middleOffset)).items], [lastOffset, (await page(lastOffset)).items]] as const) {
    const expected = Math.min(limit, total - offset);
    if (items.length !== expected) throw new Error(`the page from ${offset} holds ${items.length} courses, not ${expected}`);
    for (const i of items) {
      if (seen.has(i.courseId)) throw new Error(`course ${i.courseId} is on two pages`);
      seen.add(i.courseId);
    }
  }

  const at = new Date().toISOString();
  const runs = 5;
  const rows: ResultRow[] = [];
  for (const [measure, offset] of [
    ['worklist, lead with 10,000 open courses, first page (100), p50', 0],
    ['worklist, lead with 10,000 open courses, last page (100), p50', lastOffset],
  ] as const) {
    const t = await against(runs, () => page(offset), () => floorQuery(database, { municipality: code }));
    const p50 = { ours: percentile(t.ours, 50), floor: percentile(t.floor, 50) };
    rows.push({
      measure,
      size: label,
      ours: p50.ours,
      floor: p50.floor,
      unit: 'ms',
      floorIs: 'one SQL statement: every open course of the municipality with every deadline fact',
      target: '≤ 2× floor',
      met: p50.ours <= 2 * p50.floor,
      note: `${total.toLocaleString('en')} open courses in ${code} ranked; pages from 0, ${limit}, ${middleOffset.toLocaleString('en')} and ${lastOffset.toLocaleString('en')} checked (sizes, no course twice); ${runs} runs each, alternating`,
      at,
    });
  }
  return rows;
}
