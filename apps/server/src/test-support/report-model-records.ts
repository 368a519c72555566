import type { Db } from '../platform/database/database.ts';
import { referenceWorkingDays, type ModelDeadlineRule, type ModelPolicy, type ModelPotential } from './report-model.ts';
import type { InterventionSpec, ReferralSpec } from './report-records.ts';

/**
 * Reads the stored records back as the model's specs, with plain SELECTs of the raw tables — not
 * through the report's repositories, the deadline facts or `sessions_attended` — so a generated
 * data set can be checked against the independent model. A record the specs cannot express
 * fails the read, naming it, rather than being left out.
 */

type Attendance = NonNullable<InterventionSpec['attendance']>[number];

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return map;
}

export async function loadReferralSpecs(db: Db): Promise<ReferralSpec[]> {
  const referrals = await db
    .selectFrom('referral as r')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .leftJoin('course as k', 'k.referral_id', 'r.id')
    .select(['r.id', 'r.home_municipality_code as home', 'r.received_on', 'r.source', 'c.sex', 'c.birth_date', 'k.id as course_id', 'k.closed_on', 'k.close_reason'])
    .orderBy('r.received_on')
    .orderBy('r.id')
    .execute();
  const assessments = await db.selectFrom('needs_assessment').select(['course_id', 'occasion', 'assessed_on']).execute();
  const plans = await db.selectFrom('action_plan').select('course_id').distinct().execute();
  const declines = await db.selectFrom('decline').select(['course_id', 'cross_referral_id', 'declined_on', 'reason']).orderBy('declined_on').orderBy('id').execute();
  const conversations = await db.selectFrom('closing_conversation').select(['course_id', 'held_on', 'satisfaction', 'benefit']).execute();
  const pauses = await db.selectFrom('deadline_pause').select(['course_id', 'paused_on', 'resumed_on']).where('deadline_kind', '=', 'initial_assessment').where('cross_referral_id', 'is', null).execute();
  const offers = await db
    .selectFrom('cross_referral')
    .select(['id', 'course_id', 'kind', 'intervention_code', 'provider_municipality_code', 'ended_on', 'end_reason', 'attendances_recorded'])
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  const attendance = await db
    .selectFrom('enrolment as e')
    .leftJoin('attendance as a', 'a.enrolment_id', 'e.id')
    .select((eb) => ['e.cross_referral_id', 'a.status', eb.fn.count<string>('a.enrolment_id').as('n')])
    .groupBy(['e.cross_referral_id', 'a.status'])
    .execute();
  const endNotes = await db.selectFrom('status_note').select(['cross_referral_id', 'attendance_count']).where('kind', '=', 'end').execute();

  const assessmentsOf = groupBy(assessments, (a) => a.course_id);
  const planned = new Set(plans.map((p) => p.course_id));
  const declinesOf = groupBy(declines, (d) => d.course_id);
  const conversationOf = new Map(conversations.map((c) => [c.course_id, c]));
  const pausesOf = groupBy(pauses, (p) => p.course_id);
  const offersOf = groupBy(offers, (x) => x.course_id);
  const attendanceOf = groupBy(attendance, (a) => a.cross_referral_id);
  const endNoteOf = new Map(endNotes.map((n) => [n.cross_referral_id, n.attendance_count]));

  return referrals.map((r): ReferralSpec => {
    const courseId = r.course_id;
    if (courseId === null) throw new Error(`referral ${r.id} has no course: the specs cannot express it`);
    const initial = (assessmentsOf.get(courseId) ?? []).filter((a) => a.occasion === 'initial');
    if ((assessmentsOf.get(courseId) ?? []).length > initial.length) throw new Error(`course ${courseId} has a needs assessment other than the initial one: the specs cannot express it`);
    const coursePauses = pausesOf.get(courseId) ?? [];
    if (coursePauses.length > 1) throw new Error(`course ${courseId} has ${coursePauses.length} pauses of its initial assessment: the specs hold one`);
    const courseOffers = offersOf.get(courseId) ?? [];
    const conversation = conversationOf.get(courseId);
    const pause = coursePauses[0];
    const interventions = courseOffers.map((x): InterventionSpec => {
      const rows = attendanceOf.get(x.id) ?? [];
      const statuses = rows.flatMap((a) => (a.status === null ? [] : Array.from({ length: Number(a.n) }, () => a.status as Attendance)));
      const endNote = endNoteOf.get(x.id);
      return {
        provider: x.provider_municipality_code,
        intervention: x.intervention_code,
        kind: x.kind,
        ...(x.ended_on !== null ? { endedOn: x.ended_on } : {}),
        ...(x.end_reason !== null ? { endReason: x.end_reason } : {}),
        attendance: statuses,
        enrolled: rows.length > 0,
        recorded: x.attendances_recorded,
        ...(endNote !== undefined ? { endNoteAttendance: endNote } : {}),
      };
    });
    return {
      home: r.home,
      sex: r.sex,
      birthDate: r.birth_date,
      receivedOn: r.received_on,
      source: r.source,
      interventions,
      ...(initial[0] ? { assessedOn: initial[0].assessed_on } : {}),
      declines: (declinesOf.get(courseId) ?? []).map((d) => {
        const offer = d.cross_referral_id === null ? -1 : courseOffers.findIndex((x) => x.id === d.cross_referral_id);
        if (offer === -1 && d.cross_referral_id !== null) throw new Error(`decline of an offer of another course (${courseId})`);
        return { reason: d.reason as 'other', on: d.declined_on, ...(offer >= 0 ? { offer } : {}) };
      }),
      ...(conversation ? { closing: { heldOn: conversation.held_on, satisfaction: conversation.satisfaction, benefit: conversation.benefit } } : {}),
      ...(r.closed_on !== null ? { closed: { on: r.closed_on, reason: r.close_reason as NonNullable<ReferralSpec['closed']>['reason'] } } : {}),
      plan: planned.has(courseId),
      ...(pause ? { pause: { pausedOn: pause.paused_on, resumedOn: pause.resumed_on } } : {}),
    };
  });
}

/** Indicator 2's rule as stored: the initial assessment's policies and the closing days, with the reference file's holidays. */
export async function loadDeadlineRule(db: Db): Promise<ModelDeadlineRule> {
  const policies = await db.selectFrom('deadline_policy').select(['amount', 'unit', 'effective_from']).where('kind', '=', 'initial_assessment').execute();
  const closing = await db.selectFrom('closing_day').select(['municipality_code', 'recurring', 'month', 'day', 'on_date']).execute();
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  return {
    policies: policies.map((p): ModelPolicy => ({ amount: p.amount, unit: p.unit, effectiveFrom: p.effective_from })),
    isWorkingDay: referenceWorkingDays(closing.map((c) => ({ municipality: c.municipality_code, monthDay: c.recurring ? `${pad(c.month)}-${pad(c.day)}` : null, date: c.recurring ? null : c.on_date }))),
  };
}

/** The member municipalities (a coordinator's report without a choice of municipalities). */
export async function loadMemberCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom('municipality').select('code').where('is_member', '=', true).execute()).map((m) => m.code);
}

/** The stored cancer potentials (the coverage table's reference data). */
export async function loadPotentials(db: Db): Promise<ModelPotential[]> {
  const rows = await db.selectFrom('cancer_potential').select(['municipality_code', 'year', 'new_cases', 'rehab_share']).execute();
  return rows.map((r) => ({ municipality: r.municipality_code, year: r.year, newCases: r.new_cases, rehabShare: Number(r.rehab_share) }));
}
