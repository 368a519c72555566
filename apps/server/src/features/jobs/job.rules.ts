import type { Job, JobKind, JobState } from '@samkraft/contracts/jobs';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';

/** A job as stored: what was asked, by whom, and how it went. */
export type JobRecord = {
  id: string;
  kind: JobKind;
  state: JobState;
  requestedBy: string | null;
  actor: Actor;
  params: unknown;
  progressDone: number;
  progressTotal: number;
  phase: string | null;
  error: Job['error'];
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** How far a job is, as its work reports it (`done` of `total` steps, and the step's name). */
export type Progress = { done: number; total: number; phase: string };
export type ProgressReporter = (done: number, total: number, phase: string) => void;

/** Only the person who asked follows a job and reads its result (a system actor's jobs: nobody). */
export function mayFollow(actor: Actor, job: Pick<JobRecord, 'requestedBy'>): boolean {
  return actor.kind === 'staff' && job.requestedBy === actor.userId;
}

export function toJob(r: JobRecord): Job {
  const done = r.state === 'succeeded' ? Math.max(r.progressDone, r.progressTotal) : r.progressDone;
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    progress: { done, total: r.progressTotal, phase: r.phase },
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Why a job failed, as the API would have answered the same request: the service's own error
 * (with its field issues: an import's row and column), or an internal error whose details go to
 * the log only.
 */
export function failureOf(err: unknown): NonNullable<Job['error']> {
  if (err instanceof AppError) return { code: err.code, message: err.message, fields: err.fields };
  return { code: 'internal', message: 'Internal error', fields: [] };
}

/** A progress reporter that counts named steps of a fixed plan. */
export function stepCounter(report: ProgressReporter | undefined, total: number): (phase: string) => void {
  let done = 0;
  return (phase) => {
    done = Math.min(done + 1, total);
    report?.(done, total, phase);
  };
}
