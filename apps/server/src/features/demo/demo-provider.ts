import { randomUUID } from 'node:crypto';
import { copenhagenInstant } from './demo-dates.ts';
import { reached, requireId, type CourseDates, type DemoContext } from './demo-context.ts';
import { SLUG } from './demo-people.data.ts';
import type { DemoScenario } from './demo-scenarios.data.ts';
import { attendanceStatus, teamKey } from './demo-teams.ts';

/** Interventions that start with a deeper assessment (note §8.9: training, OT, diet). */
const DEEPER_ASSESSED = new Set(['mixed_training', 'men_training', 'prostate_pelvic_floor', 'breast_training', 'puls_styrke', 'lung', 'brain', 'hhk_cross', 'hhk_home']);
const HOME_KIND = new Set(['mixed_training', 'hhk_home']);

/**
 * The providing municipality's side of a course: the cross-municipal referral and what follows
 * it (contact, deeper assessment, goals, team enrolment and attendance, status notes), added to
 * the demo's rows.
 */
export function addCrossReferral(
  ctx: DemoContext,
  s: DemoScenario,
  d: CourseDates,
  courseId: string,
  contactPersonId: string,
  snapshot: Record<string, string | string[]>,
  index: number,
): void {
  const code = s.intervention;
  if (!code) throw new Error('demo data: a scenario past the plan needs an intervention');
  const { rows, today } = ctx;
  const provider = requireId(ctx.routes, `${code}@${s.home}`, 'route');
  const offering = requireId(ctx.offerings, `${code}@${provider}`, 'offering');
  const therapistId = requireId(ctx.staff, `${requireId(SLUG, provider, 'slug')}.terapeut`, 'therapist');
  const team = ctx.teams.get(teamKey(code, provider));

  const hasContact = reached(s, 'provider_contact');
  const deeper = hasContact && DEEPER_ASSESSED.has(code);
  const started = reached(s, 'in_team');
  const ended = reached(s, 'ended');
  let startOn: string | null = null;
  if (started) {
    if (team) {
      const firstSession = team.team.mode === 'cohort' ? team.sessions[0] : team.sessions.find((x) => x.date >= d.earliestStart);
      startOn = firstSession?.date ?? d.earliestStart;
    } else {
      startOn = d.earliestStart;
    }
  }
  const endOn = ended ? d.end : null;

  // The enrolment and attendance first: as the attendance screen does, a team course starts on
  // the first session attended, which the cross-referral row already carries.
  const xrefId = randomUUID();
  let startedOn = startOn;
  let attended = 0;
  let lastHeldOn: string | null = null;
  if (team && startOn) {
    const enrolmentId = randomUUID();
    rows.enrolments.push({
      id: enrolmentId,
      team_id: team.id,
      cross_referral_id: xrefId,
      status: endOn ? 'ended' : 'enrolled',
      start_on: startOn,
      quota: team.team.sessionQuota,
      ended_on: endOn,
      end_reason: endOn ? 'completed' : null,
      created_at: copenhagenInstant(d.providerContact, '10:00'),
    });
    const lastDay = endOn ?? today;
    const held = team.sessions.filter((x) => x.date >= startOn && x.date <= lastDay && x.date < today).slice(0, team.team.sessionQuota);
    const attendances = held.map((session, i) => {
      const a = attendanceStatus(i, index);
      return { team_session_id: session.id, enrolment_id: enrolmentId, team_id: team.id, status: a.status, cancel_reason: a.cancelReason, recorded_by: therapistId, recorded_at: copenhagenInstant(session.date, '16:00') };
    });
    rows.attendances.push(...attendances);
    attended = attendances.filter((r) => r.status === 'attended').length;
    lastHeldOn = held.at(-1)?.date ?? null;
    startedOn = held.find((_, i) => attendances[i]?.status === 'attended')?.date ?? null;
  }

  rows.crossReferrals.push({
    id: xrefId,
    course_id: courseId,
    kind: HOME_KIND.has(code) ? 'home' : 'cross_municipal',
    intervention_code: code,
    offering_id: offering.id,
    provider_municipality_code: provider,
    consent_on: d.planned,
    shared_snapshot: snapshot,
    sent_at: copenhagenInstant(d.crossReferral, '08:30'),
    sent_by: contactPersonId,
    received_on: d.crossReferral,
    provider_decision: hasContact ? 'accepted' : null,
    provider_contact_on: hasContact ? d.providerContact : null,
    deeper_assessment_on: deeper ? d.deeperAssessment : null,
    started_on: startedOn,
    ended_on: endOn,
    end_reason: ended ? 'completed' : null,
    origin: 'demo',
    created_at: copenhagenInstant(d.crossReferral, '08:30'),
  });

  if (deeper) {
    const hhk = code.startsWith('hhk');
    const deeperId = randomUUID();
    rows.deeperAssessments.push({
      id: deeperId,
      cross_referral_id: xrefId,
      assessed_on: d.deeperAssessment,
      profession: hhk ? 'occupational_therapist' : 'physiotherapist',
      findings: hhk
        ? 'Nedsat gabeevne og synkebesvær; træt ved måltider. Kommunikation påvirket af hæshed.'
        : 'Nedsat kondition og muskelstyrke i underekstremiteter; kan deltage i holdtræning med tilpasning.',
      recorded_by: therapistId,
      recorded_at: copenhagenInstant(d.deeperAssessment, '12:00'),
    });
    const tests = hhk
      ? [{ test_code: 'weight' as const, value: 68.5, unit: 'kg' }]
      : [
          { test_code: 'chair_stand_30s' as const, value: 9 + (index % 5), unit: 'rejsninger' },
          { test_code: 'six_minute_walk' as const, value: 380 + 10 * (index % 7), unit: 'm' },
        ];
    rows.deeperAssessmentTests.push(...tests.map((t) => ({ deeper_assessment_id: deeperId, ...t, recorded_by: therapistId, recorded_at: copenhagenInstant(d.deeperAssessment, '12:00') })));
    rows.providerGoals.push({
      cross_referral_id: xrefId,
      description: hhk ? 'Kunne spise et almindeligt måltid uden at blive udmattet' : 'Kunne gå 30 minutter uden pause',
      status: ended ? 'reached' : 'open',
      set_on: d.deeperAssessment,
    });
  }

  // Status notes: every row sets every key the end note sets (bulk-write.ts), the others as null.
  const noEnd = { course_end_on: null, end_reason: null, attendance_count: null, goals_reached: null };
  if (startOn) {
    rows.statusNotes.push({
      cross_referral_id: xrefId,
      kind: 'start',
      written_on: startOn,
      body: `Borgeren er startet på ${offering.placeName}. Mål aftalt ved uddybende udredning; deltager stabilt.`,
      ...noEnd,
      author_id: therapistId,
      sent_at: copenhagenInstant(startOn, '14:00'),
      read_at: copenhagenInstant(startOn, '15:00'),
      read_by: contactPersonId,
    });
  }
  // A running course with sessions since the start gets an unread note on a change: the home inbox has something new.
  if (startOn && !endOn && lastHeldOn && lastHeldOn > startOn) {
    rows.statusNotes.push({
      cross_referral_id: xrefId,
      kind: 'significant_change',
      written_on: lastHeldOn,
      body: 'Borgeren oplever tiltagende træthed efter træningen. Vi har nedsat belastningen; kontakt os gerne, hvis der er nyt fra hospitalet.',
      ...noEnd,
      author_id: therapistId,
      sent_at: copenhagenInstant(lastHeldOn, '17:00'),
      read_at: null,
      read_by: null,
    });
  }
  if (endOn) {
    rows.statusNotes.push({
      cross_referral_id: xrefId,
      kind: 'end',
      written_on: endOn,
      body: 'Forløbet er afsluttet som planlagt. Borgeren er motiveret for at fortsætte træning i foreningsregi.',
      course_end_on: endOn,
      end_reason: 'completed',
      attendance_count: team ? attended : null,
      goals_reached: 'Målet om at gå 30 minutter uden pause er nået.',
      author_id: therapistId,
      sent_at: copenhagenInstant(endOn, '14:00'),
      // Ended-but-not-closed courses keep the end note unread: it is the contact person's cue.
      read_at: s.step === 'closed' ? copenhagenInstant(endOn, '16:00') : null,
      read_by: s.step === 'closed' ? contactPersonId : null,
    });
  }
}
