import type { Job, JobKind } from '@samkraft/contracts/jobs';
import type { Clock } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Database } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { inProcessDispatcher, pgBossDispatcher, type Dispatcher } from './job-dispatch.ts';
import { claimJob, deleteEndedJobs, findJob, findResult, finishJob, insertJob, listUnfinishedJobs, saveProgress } from './job.repository.ts';
import { failureOf, mayFollow, toJob, type JobRecord, type Progress, type ProgressReporter } from './job.rules.ts';

/** What a job's work gets: its parameters as submitted, an uploaded file, and a way to say how far it is. */
export type JobWork = { params: unknown; input: Uint8Array | null; progress: ProgressReporter };
/** The work of one kind of job, run as the actor who submitted it. Its return value is the result. */
export type JobHandler = (ctx: ServiceContext, work: JobWork) => Promise<unknown>;

export type JobQueue = {
  /** Records a job for the actor (whose access the caller has checked) and queues it. */
  submit(ctx: ServiceContext, kind: JobKind, params: unknown, input?: Uint8Array): Promise<Job>;
  /** A job its requester follows. */
  get(ctx: ServiceContext, id: string): Promise<Job>;
  /** The result of the requester's job of this kind, once it has succeeded. */
  result(ctx: ServiceContext, id: string, kind: JobKind): Promise<unknown>;
  /** Picks up jobs a stopped process left (they are run again: a job's work is one transaction or a read). */
  start(): Promise<void>;
  stop(): Promise<void>;
};

export type JobQueueDeps = {
  database: Database;
  clock: Clock;
  handlers: Record<JobKind, JobHandler>;
  log: { error(obj: object, msg: string): void };
  /** Ended jobs are kept this many days (their results with them). */
  keepDays?: number;
};

const KEEP_DAYS = 7;

export function createJobQueue(deps: JobQueueDeps): JobQueue {
  const { database, clock, handlers, log } = deps;
  const db = database.db;
  const onError = (err: unknown, jobId: string | null) => log.error({ err, jobId }, 'job queue error');
  const dispatcher: Dispatcher = database.kind === 'postgres' ? pgBossDispatcher(database, onError) : inProcessDispatcher(onError);
  let started: Promise<void> | undefined;
  const ensureStarted = () => (started ??= dispatcher.start(run));

  async function run(id: string): Promise<void> {
    const job = await claimJob(db, id, clock.now());
    if (!job) return;
    // Progress is written behind the work, never awaited by it: the work may hold the embedded
    // database's one connection in a transaction, and the write then waits for it to end. Only
    // the latest report is written.
    let latest: Progress | undefined;
    let flushing: Promise<void> | undefined;
    const flush = async () => {
      while (latest) {
        const p = latest;
        latest = undefined;
        await saveProgress(db, id, job.attempts, p).catch((err: unknown) => onError(err, id));
      }
      flushing = undefined;
    };
    const progress: ProgressReporter = (done, total, phase) => {
      latest = { done, total, phase };
      flushing ??= flush();
    };
    const ctx: ServiceContext = { db, actor: job.actor, clock, requestId: `job:${id}` };
    let end: { result: unknown } | { error: NonNullable<Job['error']> };
    try {
      end = { result: await handlers[job.kind](ctx, { params: job.params, input: job.input, progress }) };
    } catch (err) {
      end = { error: failureOf(err) };
      if (end.error.code === 'internal') onError(err, id);
    }
    await flushing;
    await finishJob(db, id, job.attempts, end, clock.now());
  }

  async function followed(ctx: ServiceContext, id: string): Promise<JobRecord> {
    const job = await findJob(db, id);
    if (!job || !mayFollow(ctx.actor, job)) throw AppError.notFound('Job');
    return job;
  }

  return {
    async submit(ctx, kind, params, input) {
      await ensureStarted();
      const job = await insertJob(ctx.db, { kind, actor: ctx.actor, params, input: input ?? null, now: clock.now() });
      await dispatcher.dispatch(job.id);
      return toJob(job);
    },
    async get(ctx, id) {
      return toJob(await followed(ctx, id));
    },
    async result(ctx, id, kind) {
      const job = await followed(ctx, id);
      if (job.kind !== kind) throw AppError.notFound('Job');
      if (job.state !== 'succeeded') throw AppError.conflict(job.state === 'failed' ? 'The job failed' : 'The job has not finished');
      return findResult(db, id);
    },
    async start() {
      const keepDays = deps.keepDays ?? KEEP_DAYS;
      await deleteEndedJobs(db, new Date(clock.now().getTime() - keepDays * 86_400_000));
      const waiting = await listUnfinishedJobs(db);
      if (waiting.length === 0) return;
      await ensureStarted();
      // The in-process queue forgot them; pg-boss ignores those it still holds.
      for (const id of waiting) await dispatcher.dispatch(id);
    },
    async stop() {
      if (started) await started.catch(() => undefined);
      await dispatcher.stop();
      started = undefined;
    },
  };
}
