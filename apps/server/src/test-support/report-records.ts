import type { Db } from '../platform/database/database.ts';
import { aCitizen, aMunicipality, anIntervention, anOffering } from './factories.ts';

/**
 * Record sets for the report tests, written as plain specs and inserted with the shared
 * factories plus the few rows they lack. Citizens are synthetic (`P-` pseudonyms).
 */

export type InterventionSpec = {
  provider: string;
  intervention: string;
  /** Default: `home` when the provider is the home municipality, else `cross_municipal`. */
  kind?: 'cross_municipal' | 'home' | 'temporary_home' | 'free_choice_outside';
  endedOn?: string;
  endReason?: 'completed' | 'dropped_out' | 'health_worsened' | 'died' | 'moved' | 'other';
  /** Attendance rows on a team of the offering. */
  attendance?: ('attended' | 'no_show' | 'cancelled')[];
  /** `attendances_recorded` (imports). */
  recorded?: number | null;
  /** Enrolled on a team even without attendance rows (implied by `attendance`). */
  enrolled?: boolean;
  /** The end status note's attendance count (an end note is written when set). */
  endNoteAttendance?: number | null;
};

export type ReferralSpec = {
  home: string;
  sex: 'F' | 'M';
  birthDate: string;
  receivedOn: string;
  source: 'gp' | 'hospital_gop' | 'hospital_ref01' | 'municipal' | 'self' | 'other';
  interventions?: InterventionSpec[];
  assessedOn?: string;
  /** `offer`: the index in `interventions` of the offer declined; without it the whole course is declined. */
  declines?: { reason: 'not_relevant' | 'too_far' | 'already_in_home_course' | 'other'; on: string; offer?: number }[];
  closing?: { heldOn: string; satisfaction: number | null; benefit: number | null };
  closed?: { on: string; reason: 'completed' | 'declined' | 'died' | 'moved' | 'not_in_target_group' | 'duplicate' | 'other' };
  plan?: boolean;
  pause?: { pausedOn: string; resumedOn: string | null };
};

export const MUNICIPALITIES: Record<string, string> = { '0151': 'Ballerup', '0159': 'Gladsaxe', '0163': 'Herlev', '0175': 'Rødovre', '0240': 'Egedal' };
export const INTERVENTIONS: Record<string, string> = { blandede: 'Blandede diagnoser', livskraft: 'Livskraft', maend: 'Træning for mænd' };

export async function seedReportBasics(db: Db): Promise<void> {
  for (const [code, name] of Object.entries(MUNICIPALITIES)) await aMunicipality(db, code, name);
  for (const [code, name] of Object.entries(INTERVENTIONS)) {
    await anIntervention(db, code);
    await db.updateTable('intervention').set({ name_da: name }).where('code', '=', code).execute();
  }
  // A policy of our own (30 calendar days) keeps indicator 2's expected values free of working-day arithmetic.
  await db.insertInto('deadline_policy').values({ kind: 'initial_assessment', amount: 30, unit: 'calendar_days', effective_from: '2000-01-01', source: 'test' }).execute();
}

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Removes every record a spec set adds (between property-test runs); reference rows stay. */
export async function clearRecords(db: Db): Promise<void> {
  for (const t of ['attendance', 'enrolment', 'team_session', 'team', 'closing_conversation', 'action_plan', 'needs_assessment', 'deadline_pause', 'decline', 'status_note', 'cross_referral', 'course', 'referral', 'offering'] as const) {
    await db.deleteFrom(t).execute();
  }
}

export async function insertRecords(db: Db, specs: readonly ReferralSpec[]): Promise<void> {
  const offerings = new Map<string, string>();
  let sessionCounter = 0;
  for (const s of specs) {
    const citizenId = await aCitizen(db, { homeMunicipalityCode: s.home, sex: s.sex, birthDate: s.birthDate });
    const r = await db.insertInto('referral').values({ citizen_id: citizenId, home_municipality_code: s.home, received_on: s.receivedOn, source: s.source, origin: 'api' }).returning('id').executeTakeFirstOrThrow();
    const k = await db
      .insertInto('course')
      .values({ referral_id: r.id, opened_on: s.receivedOn, closed_on: s.closed?.on ?? null, close_reason: s.closed?.reason ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (s.assessedOn) await db.insertInto('needs_assessment').values({ course_id: k.id, occasion: 'initial', assessed_on: s.assessedOn }).execute();
    if (s.plan) {
      await db
        .insertInto('action_plan')
        .values({ course_id: k.id, version: 1, agreed_on: s.assessedOn ?? s.receivedOn, difficulties_and_needs: 'Træthed', purpose_and_content: 'Træning', location: 'Træningscenter', first_follow_up_on: addDays(s.assessedOn ?? s.receivedOn, 28) })
        .execute();
    }
    if (s.pause) await db.insertInto('deadline_pause').values({ course_id: k.id, deadline_kind: 'initial_assessment', paused_on: s.pause.pausedOn, resumed_on: s.pause.resumedOn, reason: 'citizen_wish' }).execute();
    if (s.closing) {
      await db.insertInto('closing_conversation').values({ course_id: k.id, held_on: s.closing.heldOn, evaluation: 'Evaluering', satisfaction: s.closing.satisfaction, benefit: s.closing.benefit }).execute();
    }
    const offerIds: string[] = [];
    for (const i of s.interventions ?? []) {
      const key = `${i.intervention}:${i.provider}`;
      let offeringId = offerings.get(key);
      if (!offeringId) {
        offeringId = await anOffering(db, { interventionCode: i.intervention, hostMunicipalityCode: i.provider });
        offerings.set(key, offeringId);
      }
      const kind = i.kind ?? (i.provider === s.home ? 'home' : 'cross_municipal');
      const receivedOn = addDays(s.receivedOn, 5);
      const x = await db
        .insertInto('cross_referral')
        .values({
          course_id: k.id,
          kind,
          intervention_code: i.intervention,
          offering_id: offeringId,
          provider_municipality_code: i.provider,
          consent_on: kind === 'cross_municipal' ? receivedOn : null,
          shared_snapshot: kind === 'cross_municipal' ? JSON.stringify({ plan: 'delt' }) : null,
          sent_at: kind === 'cross_municipal' ? new Date(`${receivedOn}T09:00:00Z`) : null,
          received_on: receivedOn,
          started_on: i.endedOn ? receivedOn : null,
          ended_on: i.endedOn ?? null,
          end_reason: i.endedOn ? (i.endReason ?? 'completed') : null,
          attendances_recorded: i.recorded ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      offerIds.push(x.id);
      if (i.endNoteAttendance !== undefined) {
        await db
          .insertInto('status_note')
          .values({ cross_referral_id: x.id, kind: 'end', written_on: i.endedOn ?? receivedOn, body: 'Slutnotat', course_end_on: i.endedOn ?? receivedOn, attendance_count: i.endNoteAttendance })
          .execute();
      }
      if ((i.attendance && i.attendance.length > 0) || i.enrolled) {
        const team = await db.insertInto('team').values({ offering_id: offeringId, name: 'Hold', mode: 'rolling', capacity: 12, session_quota: 29, starts_on: receivedOn }).returning('id').executeTakeFirstOrThrow();
        const e = await db.insertInto('enrolment').values({ team_id: team.id, cross_referral_id: x.id, status: 'enrolled', start_on: receivedOn, quota: 29 }).returning('id').executeTakeFirstOrThrow();
        for (const status of i.attendance ?? []) {
          sessionCounter++;
          const session = await db
            .insertInto('team_session')
            .values({ team_id: team.id, starts_at: new Date(Date.parse(`${receivedOn}T09:00:00Z`) + sessionCounter * 3_600_000), duration_minutes: 60 })
            .returning('id')
            .executeTakeFirstOrThrow();
          await db.insertInto('attendance').values({ team_session_id: session.id, enrolment_id: e.id, team_id: team.id, status, cancel_reason: status === 'cancelled' ? 'Syg' : null }).execute();
        }
      }
    }
    for (const d of s.declines ?? []) {
      const offer = d.offer === undefined ? null : offerIds[d.offer];
      if (offer === undefined) throw new Error(`decline of offer ${String(d.offer)} of ${offerIds.length}`);
      await db.insertInto('decline').values({ course_id: k.id, cross_referral_id: offer, declined_on: d.on, reason: d.reason }).execute();
    }
  }
}
