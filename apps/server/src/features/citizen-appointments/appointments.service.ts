import type { z } from 'zod';
import type { appointmentCancel, MyAppointment, MyAppointments } from '@samkraft/contracts/appointments';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { CitizenActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { cancelSessionForCitizen } from '../teams/citizen-cancellation.service.ts';
import { buildCalendar } from './appointment-calendar.rules.ts';
import { listAppointments, type AppointmentRecord } from './appointments.repository.ts';
import { appointmentWindow, toMyAppointment, toMyAppointments } from './appointments.rules.ts';

type OwnContext = ServiceContext & { actor: CitizenActor };

/** One event per enrolment whose sessions were read (or one that the citizen has none). */
function readEvents(citizenId: string, action: string, records: readonly AppointmentRecord[], detail?: Record<string, string>): AuditEntry[] {
  const enrolments = [...new Set(records.map((r) => r.enrolmentId))];
  if (enrolments.length === 0) return [{ action, citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', ...(detail ? { detail } : {}) }];
  return enrolments.map((id) => ({ action, citizenId, entityType: 'enrolment', entityId: id, outcome: 'allowed' as const, detail: { sessions: records.filter((r) => r.enrolmentId === id).length, ...detail } }));
}

/**
 * The citizen's sessions in the window (the last 30 days, the year ahead), read and audited in one
 * transaction with the citizen as the actor. The citizen is the session's (or the feed token's),
 * never one the request names.
 */
export async function readOwnAppointments(ctx: OwnContext, action: string, detail?: Record<string, string>): Promise<AppointmentRecord[]> {
  const citizenId = ctx.actor.citizenId;
  return ctx.db.transaction().execute(async (trx) => {
    const records = await listAppointments(trx, citizenId, appointmentWindow(ctx.clock.now()));
    await audit(trx, ctx, readEvents(citizenId, action, records, detail));
    return records;
  });
}

/**
 * The aktindsigt's team places: every session of every enrolment of the citizen, from the first,
 * with the citizen's own and the provider's marks (the citizen's own download only — the home
 * municipality's staff may not read the providing municipality's records, so for them `null`).
 */
export async function readAllOwnTeamSessions(ctx: ServiceContext): Promise<AppointmentRecord[] | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'citizen') return null;
  return ctx.db.transaction().execute(async (trx) => {
    const records = await listAppointments(trx, actor.citizenId, { from: new Date(0), to: appointmentWindow(ctx.clock.now()).to });
    await audit(trx, ctx, readEvents(actor.citizenId, 'citizen_appointments.read', records, { for: 'my_data' }));
    return records;
  });
}

/** "Mine aftaler": upcoming sessions soonest first, the last 30 days' newest first. */
export async function getMyAppointments(ctx: CitizenContext): Promise<MyAppointments> {
  return toMyAppointments(await readOwnAppointments(ctx, 'citizen_appointments.read'), ctx.clock.now());
}

/** The one-off .ics download behind the citizen's sign-in (with the place, the room and the intervention). */
export async function getMyCalendarFile(ctx: CitizenContext): Promise<string> {
  const records = await readOwnAppointments(ctx, 'citizen_appointments.read', { via: 'ics_download' });
  return buildCalendar(calendarItems(records), { detail: 'full', now: ctx.clock.now() });
}

export function calendarItems(records: readonly AppointmentRecord[]) {
  const seen = new Set<string>();
  return records
    .filter((r) => !seen.has(r.sessionId) && seen.add(r.sessionId))
    .map((r) => ({ ...r, cancelled: r.cancelled || r.mark === 'cancelled' }));
}

const anyTime = { from: new Date(Date.UTC(2000, 0, 1)), to: new Date(Date.UTC(2100, 0, 1)) };

/**
 * The citizen cancels one of their own upcoming sessions with a reason (issue 13.4). A session
 * that is not theirs is answered 404 as an unknown one (and the attempt audited); the teams
 * feature records it — the owner of attendance — and refuses with 409 after the team's cut-off
 * or for a session held or cancelled.
 */
export async function cancelMyAppointment(ctx: CitizenContext, sessionId: string, input: z.output<typeof appointmentCancel>): Promise<MyAppointment> {
  const citizenId = ctx.actor.citizenId;
  const found = await listAppointments(ctx.db, citizenId, anyTime, sessionId);
  const own = found.find((r) => r.enrolment.status === 'enrolled') ?? found[0];
  if (!own) {
    await audit(ctx.db, ctx, [{ action: 'attendance.citizen_cancel', citizenId, entityType: 'team_session', entityId: sessionId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Appointment');
  }
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await cancelSessionForCitizen({ ...ctx, db: trx }, { sessionId, enrolmentId: own.enrolmentId, reason: input.reason, text: input.text ?? null });
      const [fresh] = await listAppointments(trx, citizenId, anyTime, sessionId);
      if (!fresh) throw new AppError('internal', 'The appointment could not be read back');
      return toMyAppointment(fresh, ctx.clock.now());
    });
  } catch (err) {
    // A refusal (after the cut-off, a session held or cancelled) is audited on its own, after the rollback.
    if (err instanceof AppError && err.code === 'conflict') {
      await audit(ctx.db, ctx, [{ action: 'attendance.citizen_cancel', citizenId, entityType: 'team_session', entityId: sessionId, outcome: 'denied', detail: { reason: err.fields[0]?.code ?? 'conflict' } }]);
    }
    throw err;
  }
}
