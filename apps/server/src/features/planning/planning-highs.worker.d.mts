export type LpSolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'time_limit' | 'limit' | 'error';

export type LpSolveResult = {
  status: LpSolveStatus;
  objective: number | null;
  /** HiGHS's relative MIP gap, when it reports one. */
  gap: number | null;
  bound: number | null;
  values: [name: string, value: number][];
  seconds: number;
  highsVersion: string;
};

export type LpSolveOptions = { timeLimitSeconds: number; relativeGap?: number; relax?: boolean };

export function solveLp(lp: string, options: LpSolveOptions): Promise<LpSolveResult>;
