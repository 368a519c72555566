import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { citizenName } from '../citizens/citizen.mapper.ts';
import { listSessionMarks, usedBefore } from './attendance.repository.ts';
import { onSession, sessionNumber } from './attendance.rules.ts';
import { requireSession } from './attendance.service.ts';
import { listEnrolments } from './enrolment.repository.ts';
import { findMunicipalityName, findOffering } from './team.repository.ts';
import { teamListDocument, type TeamListRow } from './team-list.ts';

function copenhagenTime(at: Date): string {
  return new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at).replace('.', ':');
}

/**
 * The printable team list of one session (PDF). Only staff of the hosting municipality who run
 * its teams get it (`requireTeam`); every citizen on the list is audited.
 */
export async function getTeamListPdf(ctx: ServiceContext, sessionId: string): Promise<{ bytes: Buffer; filename: string }> {
  const { session, team } = await requireSession(ctx, sessionId, 'team_list.pdf');
  const date = danishDate(session.startsAt);
  const facts = await ctx.db.transaction().execute(async (trx) => {
    const offering = await findOffering(trx, team.offeringId);
    if (!offering) throw new AppError('internal', `team ${team.id} has no offering`);
    const marks = await listSessionMarks(trx, session.id);
    const before = await usedBefore(trx, team.id, session.startsAt);
    const enrolments = (await listEnrolments(trx, team.id))
      .filter((e) => onSession(e, date, marks.has(e.id)))
      .sort((a, b) => a.citizen.givenName.localeCompare(b.citizen.givenName, 'da') || a.citizen.familyName.localeCompare(b.citizen.familyName, 'da'));
    if (enrolments.length > 0) {
      await audit(
        trx,
        ctx,
        enrolments.map((e) => ({ action: 'team_list.pdf', citizenId: e.citizen.id, entityType: 'team_session', entityId: session.id, outcome: 'allowed' as const, detail: { enrolmentId: e.id } })),
      );
    }
    const rows = enrolments.map((e): TeamListRow => {
      const mark = marks.get(e.id);
      const n = sessionNumber(before.get(e.id) ?? 0, mark?.status ?? null, session.cancelled);
      return {
        name: citizenName(e.citizen),
        birthYear: e.citizen.birthDate.slice(0, 4),
        sessionOfQuota: n === null ? null : `${n}/${e.quota}`,
        cancelReason: mark?.status === 'cancelled' ? (mark.cancelReason ?? '') : null,
      };
    });
    return {
      municipalityName: (await findMunicipalityName(trx, team.hostMunicipalityCode)) ?? team.hostMunicipalityCode,
      teamName: team.name,
      interventionName: offering.interventionName,
      placeName: offering.placeName,
      date,
      time: copenhagenTime(session.startsAt),
      durationMinutes: session.durationMinutes,
      room: session.room,
      followUp: session.kind === 'follow_up',
      cancelReason: session.cancelled ? session.cancelReason : null,
      rows,
    };
  });
  return { bytes: await renderPdf(teamListDocument(facts)), filename: `holdliste-${date}.pdf` };
}
