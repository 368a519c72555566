import { Worker } from 'node:worker_threads';
import type { LpSolveOptions, LpSolveResult } from './planning-highs.worker.mjs';

/**
 * Solves a CPLEX LP text with HiGHS in a worker thread, off the request path. The worker is
 * terminated when the time limit (plus a grace for loading HiGHS and reading the answer) passes
 * without an answer, so a solve can never hold the server.
 */
export function solveInWorker(lp: string, options: LpSolveOptions): Promise<LpSolveResult> {
  const url = new URL('./planning-highs.worker.mjs', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { samkraftPlanning: true, lp, options } });
    const timer = setTimeout(
      () => {
        void worker.terminate();
        reject(new Error(`HiGHS gave no answer within ${options.timeLimitSeconds} s and the grace period`));
      },
      (options.timeLimitSeconds + 30) * 1000,
    );
    worker.once('message', (message: { ok: true; result: LpSolveResult } | { ok: false; message: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
