import type { z } from 'zod';
import type { SessionGenerateResult, TeamDetail, TeamList, TeamSummary, teamCreate, teamUpdate } from '@samkraft/contracts/teams';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { cohortStarted } from './admission.rules.ts';
import { countEnrolled, listCandidates, listEnrolments } from './enrolment.repository.ts';
import { toEnrolment, toOfferingChoice, toSessionFact, toTeamCitizen, toTeamSession, toTeamSummary } from './team.mapper.ts';
import {
  findOffering,
  findTeam,
  insertSchedule,
  insertSessions,
  insertTeam,
  listSchedules,
  listSessions,
  listTeamOfferings,
  listTeamsHostedBy,
  lockTeam,
  teamCounts,
  updateCapacity,
  updateCitizenCancelCutoff,
  type TeamRecord,
} from './team.repository.ts';
import { checkGenerateRange, checkTeamInput, copenhagenInstant, defaultQuota, mayRunTeams, planCohortSessions, planSessions } from './team.rules.ts';
import { fillFreeSeats } from './waiting-list.service.ts';

const municipalityOf = (ctx: ServiceContext) => (ctx.actor.kind === 'staff' ? ctx.actor.municipalityCode : '');

/** Only therapists and leads run teams; a refusal is audited on its own and thrown. */
async function requireTeamRole(ctx: ServiceContext, action: string): Promise<void> {
  if (mayRunTeams(ctx.actor, municipalityOf(ctx))) return;
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'team', outcome: 'denied', detail: { reason: 'role' } }]);
  throw AppError.forbidden('Only therapists and leads of the host municipality run teams');
}

/** Loads a team and checks the actor's municipality hosts it; a refusal is audited and thrown. */
export async function requireTeam(ctx: ServiceContext, teamId: string, action: string): Promise<TeamRecord> {
  const team = await findTeam(ctx.db, teamId);
  if (!team) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'team', entityId: teamId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Team');
  }
  if (!mayRunTeams(ctx.actor, team.hostMunicipalityCode)) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'team', entityId: teamId, outcome: 'denied', detail: { reason: 'not_host' } }]);
    throw AppError.forbidden('This team is run by another municipality');
  }
  return team;
}

async function summaries(ctx: ServiceContext, teams: TeamRecord[]): Promise<TeamSummary[]> {
  const ids = teams.map((t) => t.id);
  const schedules = await listSchedules(ctx.db, ids);
  const counts = await teamCounts(ctx.db, ids, ctx.clock.now());
  const result: TeamSummary[] = [];
  for (const t of teams) {
    const offering = await findOffering(ctx.db, t.offeringId);
    if (!offering) throw new AppError('internal', `team ${t.id} has no offering`);
    result.push(toTeamSummary(t, offering, schedules.get(t.id) ?? [], counts.get(t.id)));
  }
  return result;
}

/** The teams of the actor's municipality and the offerings it may start a team for. No citizen is shown. */
export async function getTeams(ctx: ServiceContext): Promise<TeamList> {
  await requireTeamRole(ctx, 'team.list');
  const m = municipalityOf(ctx);
  const teams = await summaries(ctx, await listTeamsHostedBy(ctx.db, m));
  const offerings = await listTeamOfferings(ctx.db, m, danishDate(ctx.clock.now()));
  return { teams, offerings: offerings.map(toOfferingChoice) };
}

export async function createTeam(ctx: ServiceContext, input: z.output<typeof teamCreate>): Promise<TeamSummary> {
  await requireTeamRole(ctx, 'team.create');
  const offering = await findOffering(ctx.db, input.offeringId);
  if (!offering || offering.hostMunicipalityCode !== municipalityOf(ctx)) {
    throw AppError.validation([{ field: 'offeringId', code: 'invalid_value', message: 'is not an offering your municipality hosts' }]);
  }
  const schedule = input.schedule.map((s) => ({ weekday: s.weekday, startTime: s.startTime, durationMinutes: s.durationMinutes, room: s.room ?? input.room ?? null }));
  const issues = checkTeamInput({ startsOn: input.startsOn, endsOn: input.endsOn ?? null, schedule });
  const sessionQuota = input.sessionQuota ?? defaultQuota(offering.doseParts);
  if (sessionQuota === null) issues.push({ field: 'sessionQuota', code: 'required', message: 'the intervention has no dose; give the quota' });
  if (issues.length > 0 || sessionQuota === null) throw AppError.validation(issues);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const teamId = await insertTeam(trx, {
      offeringId: offering.id,
      name: input.name,
      mode: input.mode,
      capacity: input.capacity,
      sessionQuota,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      room: input.room ?? null,
    });
    await insertSchedule(trx, teamId, schedule);
    await audit(trx, ctx, [{ action: 'team.create', citizenId: null, entityType: 'team', entityId: teamId, outcome: 'allowed', detail: { offeringId: offering.id, capacity: input.capacity, sessionQuota } }]);
    return teamId;
  });
  const team = await findTeam(ctx.db, id);
  if (!team) throw new AppError('internal', 'The team could not be read back');
  const [summary] = await summaries(ctx, [team]);
  if (!summary) throw new AppError('internal', 'The team could not be read back');
  return summary;
}

/**
 * Sessions from the weekly schedule for a period, in the host municipality's calendar: public
 * holidays and its closing days have none. A cohort team gets its whole course at once, whatever
 * the period: its regular sessions and the intervention's follow-up. Generating twice adds only
 * what is missing.
 */
export async function generateSessions(ctx: ServiceContext, teamId: string, range: { from: string; to: string }): Promise<SessionGenerateResult> {
  const team = await requireTeam(ctx, teamId, 'team.sessions.generate');
  const issues = checkGenerateRange(range.from, range.to);
  if (issues.length > 0) throw AppError.validation(issues);
  const calendar = await loadCalendar(ctx.db, team.hostMunicipalityCode);
  const schedule = (await listSchedules(ctx.db, [teamId])).get(teamId) ?? [];
  const offering = await findOffering(ctx.db, team.offeringId);
  const rolling = () => {
    const p = planSessions(schedule, range, team, calendar);
    return { skipped: p.skipped, sessions: p.sessions.map((s) => ({ ...s, kind: 'regular' as const })) };
  };
  const plan = team.mode === 'cohort' ? planCohortSessions(schedule, team, calendar, team.sessionQuota, offering?.cohortFollowUpWeeks ?? null) : rolling();
  const created = await ctx.db.transaction().execute(async (trx) => {
    const n = await insertSessions(
      trx,
      teamId,
      plan.sessions.map((s) => ({ startsAt: copenhagenInstant(s.date, s.startTime), durationMinutes: s.durationMinutes, room: s.room ?? team.room, kind: s.kind })),
    );
    await audit(trx, ctx, [{ action: 'team.sessions.generate', citizenId: null, entityType: 'team', entityId: teamId, outcome: 'allowed', detail: { ...range, created: n } }]);
    return n;
  });
  return { created, existing: plan.sessions.length - created, skipped: plan.skipped };
}

/** A team with its participants, waiting list, sessions and the referrals that can join it. Each citizen shown is audited. */
export async function getTeam(ctx: ServiceContext, teamId: string): Promise<TeamDetail> {
  const team = await requireTeam(ctx, teamId, 'team.read');
  return ctx.db.transaction().execute(async (trx) => {
    const [summary] = await summaries({ ...ctx, db: trx }, [team]);
    if (!summary) throw new AppError('internal', 'The team could not be read');
    const enrolments = await listEnrolments(trx, teamId);
    const candidates = await listCandidates(trx, teamId, team.offeringId, team.hostMunicipalityCode);
    const sessions = await listSessions(trx, teamId);
    const started = team.mode === 'cohort' && cohortStarted(sessions.map(toSessionFact), team.startsOn, ctx.clock.now(), danishDate(ctx.clock.now()));
    const shown: AuditEntry[] = [
      ...enrolments.map((e): AuditEntry => ({ action: 'team.read', citizenId: e.citizen.id, entityType: 'enrolment', entityId: e.id, outcome: 'allowed', detail: { teamId } })),
      ...candidates.map((c): AuditEntry => ({ action: 'team.read', citizenId: c.citizen.id, entityType: 'cross_referral', entityId: c.crossReferralId, outcome: 'allowed', detail: { teamId } })),
    ];
    if (shown.length > 0) await audit(trx, ctx, shown);
    return {
      team: summary,
      cohortStarted: started,
      enrolments: enrolments.map(toEnrolment),
      sessions: sessions.map(toTeamSession),
      candidates: candidates.map((c) => ({ crossReferralId: c.crossReferralId, receivedOn: c.receivedOn, citizen: toTeamCitizen(c.citizen) })),
    };
  });
}

/**
 * Changes a team's seats and/or the citizens' cancel cut-off. Fewer seats than are taken is refused; more seats go at once, in the
 * same transaction and under the enrolment lock, to the longest-waiting citizens.
 */
export async function updateTeam(ctx: ServiceContext, teamId: string, input: z.output<typeof teamUpdate>): Promise<TeamSummary> {
  const team = await requireTeam(ctx, teamId, 'team.update');
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockTeam(trx, teamId);
    if (!locked) throw AppError.notFound('Team');
    let admitted = 0;
    if (input.capacity !== undefined) {
      const enrolled = await countEnrolled(trx, teamId);
      if (input.capacity < enrolled) {
        throw AppError.validation([{ field: 'capacity', code: 'too_small', message: `${enrolled} citizens are enrolled`, params: { minimum: enrolled } }]);
      }
      await updateCapacity(trx, teamId, input.capacity);
      admitted = input.capacity > locked.capacity ? await fillFreeSeats({ ...ctx, db: trx }, team, input.capacity, 'capacity_raised') : 0;
    }
    if (input.citizenCancelCutoffHours !== undefined) await updateCitizenCancelCutoff(trx, teamId, input.citizenCancelCutoffHours);
    const detail = {
      ...(input.capacity !== undefined ? { capacity: input.capacity, was: locked.capacity, admitted } : {}),
      ...(input.citizenCancelCutoffHours !== undefined ? { citizenCancelCutoffHours: input.citizenCancelCutoffHours, cutoffWas: team.citizenCancelCutoffHours } : {}),
    };
    await audit(trx, ctx, [{ action: 'team.update', citizenId: null, entityType: 'team', entityId: teamId, outcome: 'allowed', detail }]);
  });
  const fresh = await findTeam(ctx.db, teamId);
  if (!fresh) throw new AppError('internal', 'The team could not be read back');
  const [summary] = await summaries(ctx, [fresh]);
  if (!summary) throw new AppError('internal', 'The team could not be read back');
  return summary;
}
