import PgBoss from 'pg-boss';
import type { Database } from '../../platform/database/database.ts';

/**
 * Who runs a submitted job, and where. The job's record (`job` table) is the same on both; the
 * dispatcher only decides when `run(jobId)` is called:
 * - on a PostgreSQL server, pg-boss (schema `pgboss` in the same database): any instance of
 *   Samkraft may take the job, a job whose process died is retried, and the queue survives
 *   restarts;
 * - on the embedded database (one process, one connection), an in-process queue that runs one job
 *   at a time; the work's queries yield to other requests (see database.ts), so the server keeps
 *   answering while it runs.
 */
export type Dispatcher = {
  /** Starts taking jobs (called on the first submit, or at start when jobs are waiting). */
  start(run: (jobId: string) => Promise<void>): Promise<void>;
  dispatch(jobId: string): Promise<void>;
  /** Stops taking jobs; waits (up to a limit) for the one running. */
  stop(): Promise<void>;
};

export function inProcessDispatcher(onError: (err: unknown, jobId: string) => void): Dispatcher {
  const waiting: string[] = [];
  let runner: ((jobId: string) => Promise<void>) | undefined;
  let current: Promise<void> | undefined;
  let stopped = false;

  const pump = (): void => {
    if (current || stopped || !runner) return;
    const next = waiting.shift();
    if (next === undefined) return;
    const run = runner;
    current = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => run(next))
      .catch((err: unknown) => onError(err, next))
      .finally(() => {
        current = undefined;
        pump();
      });
  };

  return {
    async start(run) {
      runner = run;
      stopped = false;
      pump();
    },
    async dispatch(jobId) {
      waiting.push(jobId);
      pump();
    },
    async stop() {
      stopped = true;
      waiting.length = 0;
      await current;
    },
  };
}

const QUEUE = 'samkraft-jobs';
const SCHEMA = 'pgboss';
const QUEUE_OPTIONS = { name: QUEUE, retryLimit: 1, retryDelay: 5, expireInSeconds: 3600 };

/**
 * Installs (or upgrades) pg-boss's schema and Samkraft's queue as the schema's owner, and gives
 * the server's role what pg-boss needs at run time: data rights in its schema. Run by the
 * migration step when the server runs as a role of its own (DATABASE_MIGRATION_URL); pg-boss
 * creates a queue's table itself, which only the owner may.
 */
export async function installJobQueue(owner: Pick<Database, 'executeSql'>, appRole: string): Promise<void> {
  const b = new PgBoss({ db: { executeSql: (text, values) => owner.executeSql(text, values) }, schema: SCHEMA, schedule: false, supervise: false });
  await b.start();
  try {
    await b.createQueue(QUEUE, QUEUE_OPTIONS);
  } finally {
    await b.stop({ graceful: false, wait: true, close: false });
  }
  const role = `"${appRole.replace(/"/g, '""')}"`;
  await owner.executeSql(
    [
      `grant usage on schema ${SCHEMA} to ${role}`,
      `grant select, insert, update, delete on all tables in schema ${SCHEMA} to ${role}`,
      `grant usage, select on all sequences in schema ${SCHEMA} to ${role}`,
      `grant execute on all functions in schema ${SCHEMA} to ${role}`,
    ].join(';\n'),
  );
}

/** pg-boss over the same PostgreSQL database, through Samkraft's own connection pool. */
export function pgBossDispatcher(database: Pick<Database, 'executeSql'>, onError: (err: unknown, jobId: string | null) => void): Dispatcher {
  let boss: PgBoss | undefined;
  let workerId: string | undefined;
  let starting: Promise<void> | undefined;

  return {
    start(run) {
      starting ??= (async () => {
        const b = new PgBoss({ db: { executeSql: (text, values) => database.executeSql(text, values) }, schema: SCHEMA, schedule: false, supervise: true });
        b.on('error', (err) => onError(err, null));
        await b.start();
        // A report or an import that has not ended in an hour is taken as lost and tried once more.
        // Already there when installJobQueue ran (the server's own role could not create it).
        await b.createQueue(QUEUE, QUEUE_OPTIONS);
        workerId = await b.work<{ jobId: string }>(QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
          if (job) await run(job.data.jobId);
        });
        boss = b;
      })();
      return starting;
    },
    async dispatch(jobId) {
      if (!boss) throw new Error('the job queue has not started');
      // The job's own id: sending a job pg-boss already holds (a restart re-dispatching) is a no-op.
      await boss.send(QUEUE, { jobId }, { id: jobId });
      if (workerId) boss.notifyWorker(workerId);
    },
    async stop() {
      await starting?.catch(() => undefined);
      await boss?.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
      boss = undefined;
      starting = undefined;
    },
  };
}
