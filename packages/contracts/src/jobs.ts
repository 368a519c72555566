import { z } from 'zod';
import { apiError, text } from './common.ts';

/** Long work that runs off the request path: its user follows it by polling `GET /api/jobs/{id}`. */
export const jobKinds = ['report', 'extract_import'] as const;
export const jobKind = z.enum(jobKinds);
export type JobKind = z.infer<typeof jobKind>;

export const jobStates = ['queued', 'running', 'succeeded', 'failed'] as const;
export const jobState = z.enum(jobStates);
export type JobState = z.infer<typeof jobState>;

export const jobId = z.object({ id: z.uuid() });

export const job = z.object({
  id: z.uuid(),
  kind: jobKind,
  state: jobState,
  /** How far the work is: `done` of `total` steps (0 of 0 before it starts), and what it is doing. */
  progress: z.object({ done: z.number().int(), total: z.number().int(), phase: text.nullable() }),
  /** Why it failed, as the API would have answered the same request (fields name what was wrong). */
  error: apiError.shape.error.nullable(),
  createdAt: text,
  startedAt: text.nullable(),
  finishedAt: text.nullable(),
});
export type Job = z.infer<typeof job>;
