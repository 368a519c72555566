import { useMutation } from '@tanstack/react-query';
import type { ExtractUpload } from '@samkraft/contracts/extracts';
import { useJob, useJobResult } from '../../jobs/hooks/useJob.ts';
import { fetchImportResult, startImportJob, validateExtract } from '../api/extractsApi.ts';
import { bytesToBase64 } from '../utils/fileBytes.ts';

/** The chosen files as the upload body. */
export async function toUpload(files: readonly File[]): Promise<ExtractUpload> {
  return { files: await Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) }))) };
}

export function useValidateExtract() {
  return useMutation({ mutationFn: async (files: readonly File[]) => validateExtract(await toUpload(files)) });
}

/** The import as a job: started with the chosen files, followed until it has ended, then its result. */
export function useImportExtract() {
  const run = useJob(async (files: readonly File[]) => startImportJob(await toUpload(files)));
  const result = useJobResult(run.job, fetchImportResult);
  return { run, result };
}
