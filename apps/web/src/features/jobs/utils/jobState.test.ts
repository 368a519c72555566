import type { Job } from '@samkraft/contracts/jobs';
import { describe, expect, it } from 'vitest';
import { hasEnded, jobError, percentDone } from './jobState.ts';

const base: Job = { id: '00000000-0000-4000-8000-000000000001', kind: 'report', state: 'running', progress: { done: 0, total: 0, phase: null }, error: null, createdAt: '', startedAt: null, finishedAt: null };

describe('job state', () => {
  it('knows when a job has ended', () => {
    expect(['queued', 'running', 'succeeded', 'failed'].map((state) => hasEnded({ state } as Job))).toEqual([false, false, true, true]);
    expect(hasEnded(undefined)).toBe(false);
  });

  it('gives per cent done only when the work has said how much there is', () => {
    expect(percentDone(base)).toBeNull();
    expect(percentDone({ ...base, progress: { done: 3, total: 9, phase: 'flows' } })).toBe(33);
    expect(percentDone({ ...base, progress: { done: 12, total: 9, phase: 'x' } })).toBe(100);
    expect(percentDone({ ...base, state: 'succeeded' })).toBe(100);
  });

  it("turns a failed job's reason into the request error, fields and all", () => {
    expect(jobError(base)).toBeNull();
    const err = jobError({ ...base, state: 'failed', error: { code: 'validation', message: 'to: bad', fields: [{ field: 'to', code: 'invalid_date', message: 'bad' }] } });
    expect(err).toMatchObject({ status: 400, code: 'validation', fields: [{ field: 'to', code: 'invalid_date' }] });
    expect(jobError({ ...base, state: 'failed', error: { code: 'internal', message: 'Internal error', fields: [] } })?.status).toBe(500);
  });
});
