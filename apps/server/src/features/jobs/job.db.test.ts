import type { Job } from '@samkraft/contracts/jobs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Database } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { claimJob, insertJob } from './job.repository.ts';
import { createJobQueue, type JobHandler, type JobQueue } from './job.service.ts';

let database: Database;
let owner: ServiceContext;
let other: ServiceContext;
const clock = fixedClock('2026-11-22T10:00:00Z');
const queues: JobQueue[] = [];

const staff = (userId: string): ServiceContext['actor'] => ({ kind: 'staff', userId, username: userId.slice(0, 8), displayName: 'Test', municipalityCode: '0159', roles: ['coordinator'], profession: 'nurse' });

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Albertslund');
  const ownerId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['coordinator'] });
  const otherId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['coordinator'] });
  owner = { db: database.db, actor: staff(ownerId), clock };
  other = { db: database.db, actor: staff(otherId), clock };
});
afterEach(async () => {
  for (const q of queues.splice(0)) await q.stop();
});
afterAll(async () => {
  await database.close();
});

const noop: JobHandler = async () => null;

function queue(handlers: { report?: JobHandler; extract_import?: JobHandler }): JobQueue {
  const q = createJobQueue({ database, clock, handlers: { report: handlers.report ?? noop, extract_import: handlers.extract_import ?? noop }, log: { error: () => undefined } });
  queues.push(q);
  return q;
}

async function ended(q: JobQueue, id: string): Promise<Job> {
  for (let i = 0; i < 1200; i++) {
    const job = await q.get(owner, id);
    if (job.state === 'succeeded' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${id} did not end`);
}

describe('the job queue', () => {
  it('runs a job as the actor who submitted it, records its progress and result, and drops its input', async () => {
    let ranAs: ServiceContext['actor'] | undefined;
    let gotInput: string | undefined;
    const q = queue({
      extract_import: async (ctx, work) => {
        ranAs = ctx.actor;
        gotInput = Buffer.from(work.input ?? []).toString('utf8');
        for (let i = 1; i <= 4; i++) work.progress(i, 4, `step ${i}`);
        return { echoed: work.params };
      },
    });
    const submitted = await q.submit(owner, 'extract_import', { files: ['a'] }, Buffer.from('row;row'));
    expect(submitted).toMatchObject({ kind: 'extract_import', state: 'queued', progress: { done: 0, total: 0, phase: null } });
    const job = await ended(q, submitted.id);
    expect(job).toMatchObject({ state: 'succeeded', progress: { done: 4, total: 4, phase: 'step 4' }, error: null });
    expect(job.finishedAt).not.toBeNull();
    expect(ranAs).toEqual(owner.actor);
    expect(gotInput).toBe('row;row');
    expect(await q.result(owner, submitted.id, 'extract_import')).toEqual({ echoed: { files: ['a'] } });
    const row = await database.db.selectFrom('job').select(['input', 'attempts']).where('id', '=', submitted.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ input: null, attempts: 1 });
  });

  it('records why a job failed: the service error with its fields, or only "internal" for anything else', async () => {
    const q = queue({
      report: async (_ctx, work) => {
        if ((work.params as { bad: string }).bad === 'field') throw AppError.validation([{ field: 'to', code: 'invalid_date', message: 'must be a real date' }]);
        throw new Error('connection string postgres://secret@host leaked?');
      },
    });
    const refused = await ended(q, (await q.submit(owner, 'report', { bad: 'field' })).id);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'validation', fields: [{ field: 'to', code: 'invalid_date', message: 'must be a real date' }] } });
    const broken = await ended(q, (await q.submit(owner, 'report', { bad: 'other' })).id);
    expect(broken.error).toEqual({ code: 'internal', message: 'Internal error', fields: [] });
    await expect(q.result(owner, broken.id, 'report')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('shows a job only to the person who asked for it, and a result only for its own kind', async () => {
    const q = queue({ report: async () => ({ tables: [] }) });
    const job = await ended(q, (await q.submit(owner, 'report', {})).id);
    await expect(q.get(other, job.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(q.result(other, job.id, 'report')).rejects.toMatchObject({ code: 'not_found' });
    await expect(q.result(owner, job.id, 'extract_import')).rejects.toMatchObject({ code: 'not_found' });
    await expect(q.get(owner, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('runs again, at start, a job whose process stopped while it was queued or running', async () => {
    const queued = await insertJob(database.db, { kind: 'report', actor: owner.actor, params: { n: 1 }, input: null, now: clock.now() });
    const running = await insertJob(database.db, { kind: 'report', actor: owner.actor, params: { n: 2 }, input: null, now: clock.now() });
    await claimJob(database.db, running.id, clock.now());
    const q = queue({ report: async (_ctx, work) => work.params });
    await q.start();
    expect(await ended(q, queued.id)).toMatchObject({ state: 'succeeded' });
    expect(await ended(q, running.id)).toMatchObject({ state: 'succeeded' });
    expect(await q.result(owner, running.id, 'report')).toEqual({ n: 2 });
    const attempts = await database.db.selectFrom('job').select('attempts').where('id', '=', running.id).executeTakeFirstOrThrow();
    expect(attempts.attempts).toBe(2);
  });

  it('keeps an ended job a week, then deletes it at start', async () => {
    const q = queue({});
    const job = await ended(q, (await q.submit(owner, 'report', {})).id);
    await q.stop();
    const later = createJobQueue({ database, clock: fixedClock('2026-11-30T10:00:00Z'), handlers: { report: noop, extract_import: noop }, log: { error: () => undefined } });
    queues.push(later);
    await later.start();
    await expect(later.get(owner, job.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
