import { extractImportResult, type ExtractImportResult } from '@samkraft/contracts/extracts';
import type { Job } from '@samkraft/contracts/jobs';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/context.ts';
import type { JobHandler, JobQueue } from '../jobs/job.service.ts';
import { importExtract, requireExtractAccess, type ExtractFileBytes } from './extract.service.ts';

/**
 * A large extract import as a job: the files wait in the job's record (cleared when it ends), the
 * import runs off the request path as one transaction, exactly as `importExtract` does.
 */

const params = z.object({ files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })) });

export async function submitImportJob(ctx: ServiceContext, files: ExtractFileBytes[], jobs: JobQueue): Promise<Job> {
  await requireExtractAccess(ctx, 'extract.import');
  const input = Buffer.concat(files.map((f) => f.bytes));
  return jobs.submit(ctx, 'extract_import', { files: files.map((f) => ({ name: f.name, bytes: f.bytes.byteLength })) }, input);
}

/** The files back from the job's one input: their names and sizes are in its parameters. */
export function filesOfJob(work: { params: unknown; input: Uint8Array | null }): ExtractFileBytes[] {
  const { files } = params.parse(work.params);
  const input = work.input ?? new Uint8Array();
  let at = 0;
  return files.map((f) => {
    const bytes = input.subarray(at, at + f.bytes);
    at += f.bytes;
    return { name: f.name, bytes };
  });
}

export const importJobHandler: JobHandler = (ctx, work) => importExtract(ctx, filesOfJob(work), work.progress);

export async function getImportJobResult(ctx: ServiceContext, jobs: JobQueue, id: string): Promise<ExtractImportResult> {
  return extractImportResult.parse(await jobs.result(ctx, id, 'extract_import'));
}
