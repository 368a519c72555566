import type { Role } from '@samkraft/contracts/common';
import type { CourseSummary, StartCourse, StartPage } from '@samkraft/contracts/start';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { danishDate, startOfDanishDay } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { toCitizenSummary } from '../citizens/citizen.mapper.ts';
import { toCourseSummaryAt } from '../courses/course-list.mapper.ts';
import { openCoursesOf, type OpenCourse } from '../courses/course-list.service.ts';
import { nextDeadline } from '../deadlines/deadline.rules.ts';
import { deadlinesForCourses } from '../deadlines/deadline.service.ts';
import { incomingReferralsOf } from '../provider-inbox/provider-inbox.service.ts';
import { providerReferralState } from '../provider-inbox/provider-referral-state.rules.ts';
import { compareUrgency } from '../worklist/worklist.rules.ts';
import {
  countClosedCourses,
  countPerMunicipality,
  countSystem,
  listStaffWithLoad,
  listTeamsHostedBy,
  municipalityName,
} from './start.repository.ts';

/** The role a start page is shown for: the one asked for (if the user has it), else the first. */
export function chooseRole(actor: StaffActor, asked: Role | undefined): Role {
  if (asked) {
    if (!actor.roles.includes(asked)) throw AppError.forbidden(`You do not have the role ${asked}`);
    return asked;
  }
  const order: Role[] = ['contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator', 'auditor'];
  const first = order.find((r) => actor.roles.includes(r));
  if (!first) throw AppError.forbidden('You have no role in Samkraft');
  return first;
}

/** Every citizen shown on a list is a read of that citizen's data, and is audited as one. */
function listReads(action: string, citizens: { id: string }[], purpose: string): AuditEntry[] {
  const seen = new Set<string>();
  return citizens
    .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
    .map((c) => ({ action, citizenId: c.id, entityType: 'citizen', entityId: c.id, outcome: 'allowed' as const, purpose }));
}

/**
 * The courses as a start page lists them: each with its next deadline from the one deadline
 * engine (every course's facts read in one statement), the most urgent first as on the worklist.
 */
async function withNextDeadlines(db: Db, rows: readonly OpenCourse[], today: string): Promise<StartCourse[]> {
  const deadlines = await deadlinesForCourses(db, rows.map((r) => r.courseId), today);
  return rows
    .map((r) => ({ ...toCourseSummaryAt(r, r.step), nextDeadline: nextDeadline(deadlines.get(r.courseId) ?? []) }))
    .sort((a, b) => compareUrgency({ next: a.nextDeadline, receivedOn: a.receivedOn }, { next: b.nextDeadline, receivedOn: b.receivedOn }) || a.courseId.localeCompare(b.courseId));
}

export async function getStartPage(ctx: ServiceContext, askedRole: Role | undefined): Promise<StartPage> {
  const actor = ctx.actor;
  if (actor.kind !== 'staff') throw AppError.forbidden('Staff only');
  const role = chooseRole(actor, askedRole);
  const m = actor.municipalityCode;
  const today = danishDate(ctx.clock.now());

  return ctx.db.transaction().execute(async (trx): Promise<StartPage> => {
    const municipality = { code: m, name: await municipalityName(trx, m) };
    switch (role) {
      case 'contact_person': {
        const open = await openCoursesOf(trx, { municipalityCode: m, contactPersons: [actor.userId, null] });
        const mine = open.filter((r) => r.contactPersonId === actor.userId);
        const unassigned = open.filter((r) => r.contactPersonId === null);
        await audit(trx, ctx, listReads('course.list', [...mine, ...unassigned].map((r) => r.citizen), 'start_page'));
        const listed = await withNextDeadlines(trx, [...mine, ...unassigned], today);
        return {
          kind: 'contact_person',
          municipality,
          myCourses: listed.filter((c) => c.contactPerson?.id === actor.userId),
          unassigned: listed.filter((c) => c.contactPerson === null),
        };
      }
      case 'therapist': {
        const teams = await listTeamsHostedBy(trx, m, today);
        const incoming = await incomingReferralsOf(trx, m);
        await audit(trx, ctx, listReads('cross_referral.list', incoming.map((r) => r.citizen), 'start_page_provider'));
        return {
          kind: 'therapist',
          municipality,
          teams: teams.map((t) => ({
            id: t.id,
            name: t.name,
            intervention: { code: t.interventionCode, name: t.interventionName },
            mode: t.mode,
            capacity: t.capacity,
            enrolled: t.enrolled,
            waiting: t.waiting,
            startsOn: t.startsOn,
            schedule: t.schedule,
          })),
          referrals: incoming.map((r) => ({
            id: r.id,
            citizen: toCitizenSummary(r.citizen),
            intervention: { code: r.interventionCode, name: r.interventionName },
            homeMunicipality: { code: r.homeMunicipalityCode, name: r.homeMunicipalityName },
            receivedOn: r.receivedOn,
            state: providerReferralState(r),
          })),
        };
      }
      case 'municipal_lead': {
        const open = await openCoursesOf(trx, { municipalityCode: m });
        const unassigned = open.filter((r) => r.contactPersonId === null);
        await audit(trx, ctx, listReads('course.list', unassigned.map((r) => r.citizen), 'start_page_lead'));
        const counts = new Map<CourseSummary['step'], number>();
        for (const r of open) counts.set(r.step, (counts.get(r.step) ?? 0) + 1);
        // The open courses say nothing of the closed ones: counted on their own.
        counts.set('closed', await countClosedCourses(trx, m));
        const staff = await listStaffWithLoad(trx, m);
        return {
          kind: 'municipal_lead',
          municipality,
          stepCounts: [...counts].map(([step, count]) => ({ step, count })),
          unassigned: await withNextDeadlines(trx, unassigned, today),
          staff: staff.map((s) => ({ ...s, roles: s.roles })),
        };
      }
      case 'coordinator': {
        const year = Number(today.slice(0, 4));
        const rows = await countPerMunicipality(trx, `${year}-01-01`, `${year}-12-31`);
        const collator = new Intl.Collator('da');
        rows.sort((a, b) => collator.compare(a.name, b.name));
        return {
          kind: 'coordinator',
          year,
          municipalities: rows.map((r) => ({
            municipality: { code: r.code, name: r.name },
            referrals: r.referrals,
            openCourses: r.openCourses,
            referredToOthers: r.referredToOthers,
            receivedFromOthers: r.receivedFromOthers,
          })),
        };
      }
      case 'administrator': {
        return { kind: 'administrator', ...(await countSystem(trx, startOfDanishDay(today))) };
      }
      case 'auditor':
        return { kind: 'auditor', municipality };
    }
  });
}
