// HiGHS (WebAssembly) solving a CPLEX LP text. Plain JavaScript on purpose: the same file runs as
// a worker thread under tsx, under vitest and beside the esbuild bundle of `npm start`
// (scripts/build-server.mjs copies it into apps/server/dist), with `highs` read from node_modules.
// It is a worker only when started with workerData.samkraftPlanning; imported, it is a function
// (the bench's floor solves the same model without the thread).
import { parentPort, workerData } from 'node:worker_threads';
import loadHighs from 'highs';

let highsLoading;

const STATUS = { 7: 'optimal', 8: 'infeasible', 9: 'infeasible', 10: 'unbounded', 13: 'time_limit', 14: 'limit', 16: 'limit', 17: 'limit' };

/**
 * @param {string} lp
 * @param {{ timeLimitSeconds: number, relativeGap?: number, relax?: boolean }} options
 */
export async function solveLp(lp, options) {
  // Compiling the WebAssembly is the slow part of loading: once per thread.
  highsLoading ??= loadHighs();
  const highs = await highsLoading;
  const started = performance.now();
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set('time_limit', options.timeLimitSeconds);
    model.options.set('mip_rel_gap', options.relativeGap ?? 1e-6);
    model.options.set('random_seed', 1);
    if (options.relax) model.options.set('solve_relaxation', true);
    model.run();
    const code = Number(model.getModelStatus());
    const status = STATUS[code] ?? 'error';
    const values = [];
    let objective = null;
    let gap = null;
    let bound = null;
    if (status === 'optimal' || status === 'time_limit' || status === 'limit') {
      const solution = model.getSolution();
      if (solution.colValue.length > 0 && Number.isFinite(model.getObjectiveValue())) {
        objective = model.getObjectiveValue();
        for (let k = 0; k < solution.colValue.length; k++) values.push([model.getColName(k), solution.colValue[k]]);
      }
      gap = readInfo(model, 'mip_gap');
      bound = readInfo(model, 'mip_dual_bound');
    }
    return { status, objective, gap, bound, values, seconds: (performance.now() - started) / 1000, highsVersion: highs.version.string };
  } finally {
    model.dispose();
  }
}

function readInfo(model, name) {
  try {
    const v = Number(model.info.get(name));
    return Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

if (parentPort && workerData?.samkraftPlanning) {
  const port = parentPort;
  const { lp, options } = workerData;
  solveLp(lp, options).then(
    (result) => port.postMessage({ ok: true, result }),
    (error) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
