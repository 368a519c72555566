/**
 * A reader of the CPLEX LP subset the placement planner writes (Minimize, Subject To with
 * <=, >=, =, Binary, End; "\" comments; continuation lines), into glpk.js's model — so a test can
 * re-solve the exported file with an independent solver. Test code only.
 */

export type GlpkLike = { GLP_MIN: number; GLP_UP: number; GLP_LO: number; GLP_FX: number };
type VarTerm = { name: string; coef: number };
export type GlpkModel = {
  name: string;
  objective: { direction: number; name: string; vars: VarTerm[] };
  subjectTo: { name: string; vars: VarTerm[]; bnds: { type: number; lb: number; ub: number } }[];
  binaries: string[];
};

function terms(expr: string): VarTerm[] {
  const tokens = expr.replace(/([+-])/g, ' $1 ').trim().split(/\s+/).filter(Boolean);
  const out: VarTerm[] = [];
  let sign = 1;
  let coef: number | null = null;
  for (const t of tokens) {
    if (t === '+') sign = 1;
    else if (t === '-') sign = -1;
    else if (/^[0-9.]/.test(t)) coef = Number(t);
    else {
      out.push({ name: t, coef: sign * (coef ?? 1) });
      sign = 1;
      coef = null;
    }
  }
  return out;
}

export function readCplexLp(text: string, glpk: GlpkLike): GlpkModel {
  const lines = text.split('\n').filter((l) => !l.startsWith('\\'));
  const sections: Record<string, string[]> = {};
  let current = '';
  for (const line of lines) {
    const t = line.trim();
    if (['Minimize', 'Subject To', 'Binary', 'End'].includes(t)) current = t;
    else if (t && current) (sections[current] ??= []).push(line);
  }
  const joinStatements = (ls: string[]) => ls.reduce<string[]>((acc, l) => (l.startsWith('   ') && acc.length > 0 ? [...acc.slice(0, -1), `${acc[acc.length - 1]} ${l.trim()}`] : [...acc, l.trim()]), []);
  const obj = joinStatements(sections.Minimize ?? [])[0] ?? '';
  const subjectTo = joinStatements(sections['Subject To'] ?? []).map((s) => {
    const m = /^(\S+):\s*(.*?)\s*(<=|>=|=)\s*(-?[0-9.]+)$/.exec(s);
    if (!m) throw new Error(`unreadable row: ${s}`);
    const [, name = '', expr = '', op, rhsText = '0'] = m;
    const rhs = Number(rhsText);
    const bnds = op === '<=' ? { type: glpk.GLP_UP, lb: 0, ub: rhs } : op === '>=' ? { type: glpk.GLP_LO, lb: rhs, ub: 0 } : { type: glpk.GLP_FX, lb: rhs, ub: rhs };
    return { name, vars: terms(expr), bnds };
  });
  return {
    name: 'planning',
    objective: { direction: glpk.GLP_MIN, name: 'obj', vars: terms(obj.replace(/^obj:\s*/, '')) },
    subjectTo,
    binaries: (sections.Binary ?? []).flatMap((l) => l.trim().split(/\s+/)),
  };
}
