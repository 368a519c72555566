import type { CitizenDeclineReason } from '@samkraft/contracts/cross-referrals';
import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { KlCitizenModel, KlInterventionModel, KlReferralModel } from './kl-model.ts';

/*
 * What the delivery reports of one municipality, legal basis and period are built from, read
 * set-based: one statement per kind of record for all the period's citizens at once (the ids
 * travel as one array parameter), never a query per citizen — nationally some 20,000 referrals a
 * year. The referrals are those of the municipality's citizens under the basis whose course was
 * open at some day of the period; synthetic (benchmark) citizens are never reported.
 */

export type KlPeriodQuery = { municipality: string; basis: KlLegalBasis; from: string; to: string };

const danishDateOf = (column: string) => sql<string>`to_char((${sql.ref(column)} at time zone 'Europe/Copenhagen')::date, 'YYYY-MM-DD')`;

export async function readPeriodCitizens(db: Db, q: KlPeriodQuery): Promise<KlCitizenModel[]> {
  const referrals = await db
    .selectFrom('referral as r')
    .innerJoin('course as c', 'c.referral_id', 'r.id')
    .innerJoin('citizen as ci', 'ci.id', 'r.citizen_id')
    .leftJoin('organisation as o', 'o.id', 'r.referring_organisation_id')
    .leftJoin('diagnosis as d', 'd.code', 'r.diagnosis_code')
    .select([
      'r.id as referral_id',
      'r.citizen_id',
      'r.received_on',
      'r.discharged_on',
      'r.referring_organisation_id',
      'o.sor_code',
      'r.diagnosis_code',
      'd.title_da',
      'c.id as course_id',
      'c.closed_on',
      'c.close_reason',
      'ci.cpr',
      'ci.deceased_on',
    ])
    .where('r.home_municipality_code', '=', q.municipality)
    .where('r.legal_basis', '=', q.basis)
    .where('ci.is_synthetic', '=', false)
    .where('r.received_on', '<=', q.to)
    .where((eb) => eb.or([eb('c.closed_on', 'is', null), eb('c.closed_on', '>=', q.from)]))
    .orderBy('r.citizen_id')
    .orderBy('r.received_on')
    .execute();
  if (referrals.length === 0) return [];
  const courseIds = referrals.map((r) => r.course_id);
  const ids = sql`${courseIds}::uuid[]`;

  const contacts = await db
    .selectFrom('course_contact')
    .select(['course_id', sql<string>`to_char(min(contacted_on), 'YYYY-MM-DD')`.as('first_contact_on'), sql<string | null>`to_char(min((agreed_assessment_at at time zone 'Europe/Copenhagen')::date), 'YYYY-MM-DD')`.as('first_offered_on')])
    .where(sql<boolean>`course_id = any(${ids})`)
    .groupBy('course_id')
    .execute();

  const assessments = await db
    .selectFrom('needs_assessment as na')
    .select([
      'na.course_id',
      'na.assessed_on',
      'na.occasion',
      sql<string[]>`coalesce((select array_agg(p.item_code order by p.item_code) from needs_assessment_problem p where p.needs_assessment_id = na.id), '{}')`.as('item_codes'),
    ])
    .where(sql<boolean>`na.course_id = any(${ids})`)
    .orderBy('na.assessed_on')
    .execute();

  const crossReferrals = await db
    .selectFrom('cross_referral as x')
    .innerJoin('intervention as i', 'i.code', 'x.intervention_code')
    .select([
      'x.id',
      'x.course_id',
      'x.kind',
      'x.intervention_code',
      'i.name_da',
      'i.form',
      'x.provider_municipality_code',
      'x.received_on',
      'x.started_on',
      'x.ended_on',
      'x.end_reason',
      'x.provider_decision',
      sql<{ declined_on: string; reason: CitizenDeclineReason } | null>`(select json_build_object('declined_on', dc.declined_on, 'reason', dc.reason) from decline dc where dc.cross_referral_id = x.id order by dc.declined_on limit 1)`.as('decline'),
      sql<boolean>`exists (select 1 from enrolment e where e.cross_referral_id = x.id and e.status <> 'waiting')`.as('in_team'),
    ])
    .where(sql<boolean>`x.course_id = any(${ids})`)
    .orderBy('x.received_on')
    .execute();

  const sessions =
    crossReferrals.length === 0
      ? []
      : // From the referrals by their key, then down the indexes: selecting on enrolment's column
        // instead, PostgreSQL scanned all attendance for a year's referrals (bench/plans-issue12-kl.md).
        await db
          .selectFrom('cross_referral as x')
          .innerJoin('enrolment as e', 'e.cross_referral_id', 'x.id')
          .innerJoin('attendance as a', 'a.enrolment_id', 'e.id')
          .innerJoin('team_session as s', 's.id', 'a.team_session_id')
          .select(['e.cross_referral_id', 's.id as session_id', 's.starts_at', danishDateOf('s.starts_at').as('on_date'), 's.duration_minutes'])
          .where(sql<boolean>`x.id = any(${sql`${crossReferrals.map((x) => x.id)}::uuid[]`})`)
          .where('a.status', '=', 'attended')
          .where('s.cancelled', '=', false)
          .orderBy('s.starts_at')
          .execute();

  const conversations = await db
    .selectFrom('closing_conversation')
    .select(['course_id', sql<string>`to_char(min(held_on), 'YYYY-MM-DD')`.as('held_on')])
    .where(sql<boolean>`course_id = any(${ids})`)
    .groupBy('course_id')
    .execute();

  const contactOf = new Map(contacts.map((c) => [c.course_id, c]));
  const conversationOf = new Map(conversations.map((c) => [c.course_id, c.held_on]));
  const assessmentsOf = groupBy(assessments, (a) => a.course_id);
  const sessionsOf = groupBy(sessions, (s) => s.cross_referral_id);
  const interventionsOf = groupBy(
    crossReferrals.map(
      (x): KlInterventionModel & { courseId: string } => ({
        courseId: x.course_id,
        crossReferralId: x.id,
        kind: x.kind,
        interventionCode: x.intervention_code,
        interventionName: x.name_da,
        form: x.form,
        providerMunicipality: x.provider_municipality_code,
        receivedOn: x.received_on,
        startedOn: x.started_on,
        endedOn: x.ended_on,
        endReason: x.end_reason,
        providerDecision: x.provider_decision,
        decline: x.decline && { declinedOn: x.decline.declined_on, reason: x.decline.reason },
        inTeam: x.in_team,
        sessions: (sessionsOf.get(x.id) ?? []).map((s) => ({ sessionId: s.session_id, startsAt: s.starts_at.toISOString(), onDate: s.on_date, minutes: s.duration_minutes })),
      }),
    ),
    (x) => x.courseId,
  );

  const citizens = new Map<string, KlCitizenModel>();
  for (const r of referrals) {
    const contact = contactOf.get(r.course_id);
    const referral: KlReferralModel = {
      referralId: r.referral_id,
      courseId: r.course_id,
      receivedOn: r.received_on,
      dischargedOn: r.discharged_on,
      requester: r.referring_organisation_id === null ? null : { sor: r.sor_code },
      diagnosis: r.diagnosis_code === null ? null : { code: r.diagnosis_code, title: r.title_da ?? r.diagnosis_code },
      closedOn: r.closed_on,
      closeReason: r.close_reason,
      firstContactOn: contact?.first_contact_on ?? null,
      firstOfferedOn: contact?.first_offered_on ?? null,
      assessments: (assessmentsOf.get(r.course_id) ?? []).map((a) => ({ assessedOn: a.assessed_on, occasion: a.occasion, itemCodes: a.item_codes })),
      interventions: (interventionsOf.get(r.course_id) ?? []).map(({ courseId: _, ...i }) => i),
      closingConversationOn: conversationOf.get(r.course_id) ?? null,
    };
    const known = citizens.get(r.citizen_id);
    if (known) known.referrals.push(referral);
    else citizens.set(r.citizen_id, { citizenId: r.citizen_id, cpr: r.cpr, deceasedOn: r.deceased_on, referrals: [referral] });
  }
  return [...citizens.values()];
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
