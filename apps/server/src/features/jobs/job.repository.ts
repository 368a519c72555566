import type { Job, JobKind } from '@samkraft/contracts/jobs';
import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/database.ts';
import type { DB } from '../../platform/database/schema.ts';
import type { JobRecord } from './job.rules.ts';

/** The `job` table: this repository alone writes it. */

type Row = Selectable<DB['job']>;

const columns = ['id', 'kind', 'state', 'requested_by', 'actor', 'params', 'progress_done', 'progress_total', 'phase', 'error', 'created_at', 'started_at', 'finished_at'] as const;

function toRecord(r: Pick<Row, (typeof columns)[number]>): JobRecord {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    requestedBy: r.requested_by,
    actor: r.actor as Actor,
    params: r.params,
    progressDone: r.progress_done,
    progressTotal: r.progress_total,
    phase: r.phase,
    error: (r.error ?? null) as Job['error'],
    createdAt: new Date(r.created_at),
    startedAt: r.started_at ? new Date(r.started_at) : null,
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  };
}

export async function insertJob(db: Db, j: { kind: JobKind; actor: Actor; params: unknown; input: Uint8Array | null; now: Date }): Promise<JobRecord> {
  const row = await db
    .insertInto('job')
    .values({
      kind: j.kind,
      requested_by: j.actor.kind === 'staff' ? j.actor.userId : null,
      actor: JSON.stringify(j.actor),
      params: JSON.stringify(j.params),
      input: j.input ? Buffer.from(j.input) : null,
      created_at: j.now,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function findJob(db: Db, id: string): Promise<JobRecord | undefined> {
  const row = await db.selectFrom('job').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Takes a queued job (or one whose runner died) for running; undefined when it has ended. */
export async function claimJob(db: Db, id: string, now: Date): Promise<(JobRecord & { input: Uint8Array | null; attempts: number }) | undefined> {
  const row = await db
    .updateTable('job')
    .set({ state: 'running', started_at: now, attempts: sql`attempts + 1`, progress_done: 0, phase: null })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .returning([...columns, 'input', 'attempts'])
    .executeTakeFirst();
  return row ? { ...toRecord(row), input: row.input ? new Uint8Array(row.input) : null, attempts: row.attempts } : undefined;
}

/**
 * A run writes only while it is the job's latest attempt: a run taken as lost and started again
 * elsewhere must not overwrite the new run's record.
 */
export async function saveProgress(db: Db, id: string, attempt: number, p: { done: number; total: number; phase: string }): Promise<void> {
  await db.updateTable('job').set({ progress_done: p.done, progress_total: p.total, phase: p.phase }).where('id', '=', id).where('state', '=', 'running').where('attempts', '=', attempt).execute();
}

/** Ends a job: its result or its error; the uploaded input is dropped either way. */
export async function finishJob(db: Db, id: string, attempt: number, end: { result: unknown } | { error: NonNullable<Job['error']> }, now: Date): Promise<void> {
  await db
    .updateTable('job')
    .set({
      state: 'result' in end ? 'succeeded' : 'failed',
      result: 'result' in end ? JSON.stringify(end.result ?? null) : null,
      error: 'error' in end ? JSON.stringify(end.error) : null,
      input: null,
      finished_at: now,
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('attempts', '=', attempt)
    .execute();
}

export async function findResult(db: Db, id: string): Promise<unknown> {
  const row = await db.selectFrom('job').select('result').where('id', '=', id).executeTakeFirst();
  return row?.result ?? null;
}

/** Jobs not yet ended (a restart finds them queued, or running when their process died). */
export async function listUnfinishedJobs(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('job').select('id').where('state', 'in', ['queued', 'running']).orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

/** Ended jobs older than `before` go, results and all. */
export async function deleteEndedJobs(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('job').where('finished_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
