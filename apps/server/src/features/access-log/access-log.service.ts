import type { AccessLogEntry, AccessLogPage, AccessLogQuery } from '@samkraft/contracts/access-log';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { fhirId, ref } from '../fhir-api/fhir-ids.rules.ts';
import { selectAccessLogPage } from './access-log.repository.ts';
import { DEFAULT_PAGE, parseCursor, toAccessLogBundle, toAccessLogPage } from './access-log.rules.ts';
import { readActions } from './access-log-wording.ts';

/*
 * "Hvem har set mine oplysninger": the citizen's own log (the citizen of the session) and the same
 * log on a course page for staff the course access rule lets read the course. Reading the log is a
 * read of the citizen's data too: it is audited first, in the read's transaction, so it is on the
 * page it shows.
 */

const EXPORT_PAGE = 1000;

async function readLog(ctx: ServiceContext, citizenId: string, action: 'access_log.read' | 'access_log.export', query: AccessLogQuery, limit: number) {
  if (query.before !== undefined && !parseCursor(query.before)) throw AppError.validation([{ field: 'before', code: 'invalid_format', message: 'Not a cursor this log gave' }]);
  return ctx.db.transaction().execute(async (trx) => {
    await audit(trx, ctx, [{ action, citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', detail: { before: query.before ?? null, limit } }]);
    return selectAccessLogPage(trx, citizenId, readActions, { before: parseCursor(query.before), limit: limit + 1 });
  });
}

export async function getMyAccessLog(ctx: CitizenContext, query: AccessLogQuery): Promise<AccessLogPage> {
  const limit = query.limit ?? DEFAULT_PAGE;
  return toAccessLogPage(await readLog(ctx, ctx.actor.citizenId, 'access_log.read', query, limit), limit);
}

export async function getCourseAccessLog(ctx: ServiceContext, courseId: string, query: AccessLogQuery): Promise<AccessLogPage> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'access_log.read');
  const limit = query.limit ?? DEFAULT_PAGE;
  return toAccessLogPage(await readLog(ctx, key.citizenId, 'access_log.read', query, limit), limit);
}

/** The log as BALP PatientRead AuditEvents in a FHIR Bundle, up to 1,000 a page, the next page linked. */
async function exportLog(ctx: ServiceContext, citizenId: string, query: AccessLogQuery, nextUrl: (cursor: string) => string): Promise<Record<string, unknown>> {
  const limit = Math.min(query.limit ?? EXPORT_PAGE, EXPORT_PAGE);
  const rows = await readLog(ctx, citizenId, 'access_log.export', query, limit);
  return toAccessLogBundle({ rows, limit, patient: { reference: ref('Patient', fhirId.patient(citizenId)) }, now: ctx.clock.now(), nextUrl });
}

export function exportMyAccessLog(ctx: CitizenContext, query: AccessLogQuery): Promise<Record<string, unknown>> {
  return exportLog(ctx, ctx.actor.citizenId, query, (c) => `/api/borger/access-log/fhir?before=${c}`);
}

export async function exportCourseAccessLog(ctx: ServiceContext, courseId: string, query: AccessLogQuery): Promise<Record<string, unknown>> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'access_log.export');
  return exportLog(ctx, key.citizenId, query, (c) => `/api/courses/${courseId}/access-log/fhir?before=${c}`);
}

/**
 * The whole log in plain words, newest first (for the aktindsigt), read a thousand at a time by
 * the same keyset, each page audited; at most `max` entries. The caller has decided access.
 */
export async function accessLogEntriesFor(ctx: ServiceContext, citizenId: string, max = 20_000): Promise<AccessLogEntry[]> {
  const out: AccessLogEntry[] = [];
  let before: string | undefined;
  while (out.length < max) {
    const rows = await readLog(ctx, citizenId, 'access_log.export', before === undefined ? {} : { before }, EXPORT_PAGE);
    const page = toAccessLogPage(rows, EXPORT_PAGE);
    out.push(...page.entries);
    if (!page.next) break;
    before = page.next;
  }
  return out.slice(0, max);
}
