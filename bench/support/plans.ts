/**
 * The statements a piece of ours runs, caught as they go (a Kysely plugin), and their plans:
 * EXPLAIN (ANALYZE, BUFFERS) of each in a transaction rolled back (a statement that writes, an
 * audit, writes nothing), and what in a plan grows with the data — a sequential scan reading many
 * rows, a subquery run once per row of another.
 */
import { CompiledQuery, type KyselyPlugin } from 'kysely';
import type { Db } from '../../apps/server/src/platform/database/database.ts';

/** `db` catches its statements into `queries` while `on` (off, it only passes them on). */
export type Caught = { db: Db; queries: CompiledQuery[]; on: boolean };

export function catching(db: Db, on = true): Caught {
  const caught: Caught = { db, queries: [], on };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (caught.on) caught.queries.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  caught.db = db.withPlugin(plugin);
  return caught;
}

type PlanNode = { 'Node Type': string; 'Parent Relationship'?: string; 'Relation Name'?: string; 'Index Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; 'Rows Removed by Filter'?: number; Plans?: PlanNode[] };
export type Finding = { sql: string; ms: number; plan: string; flags: string[] };

const ROLLBACK = new Error('rollback');

/** Each statement's plan (statements without a table, and transaction control, skipped); `flags`: what grows with the data. */
export async function explain(db: Db, queries: readonly CompiledQuery[], o: { scanRows: number; loops: number } = { scanRows: 5000, loops: 200 }): Promise<Finding[]> {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const q of queries) {
    if (!/\b(from|into|update)\b/i.test(q.sql) || seen.has(q.sql) || /^\s*(begin|commit|rollback|savepoint|release|set|select pg_advisory)/i.test(q.sql)) continue;
    seen.add(q.sql);
    await db
      .transaction()
      .execute(async (trx) => {
        const json = await trx.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(CompiledQuery.raw(`explain (analyze, buffers, format json) ${q.sql}`, [...q.parameters]));
        const text = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]));
        const top = json.rows[0]?.['QUERY PLAN'][0];
        const flags: string[] = [];
        // A join's index look-ups per row are how a join should run; a subquery run per row is flagged.
        const walk = (n: PlanNode, perRow: boolean) => {
          const read = (n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0);
          if (n['Node Type'] === 'Seq Scan' && read * (n['Actual Loops'] ?? 1) >= o.scanRows) flags.push(`Seq Scan on ${n['Relation Name']} (${(read * (n['Actual Loops'] ?? 1)).toLocaleString('en')} rows read)`);
          if (perRow && (n['Actual Loops'] ?? 1) >= o.loops && n['Relation Name']) flags.push(`subquery per row: ${n['Node Type']} on ${n['Relation Name']} ×${n['Actual Loops']?.toLocaleString('en')}`);
          for (const c of n.Plans ?? []) walk(c, perRow || c['Parent Relationship'] === 'SubPlan');
        };
        if (top) walk(top.Plan, false);
        out.push({ sql: q.sql, ms: top?.['Execution Time'] ?? 0, plan: text.rows.map((r) => (r['QUERY PLAN'].length > 240 ? `${r['QUERY PLAN'].slice(0, 240)} …` : r['QUERY PLAN'])).join('\n'), flags });
        throw ROLLBACK;
      })
      .catch((err: unknown) => {
        if (err !== ROLLBACK) throw err;
      });
  }
  return out;
}

/** The findings as Markdown: each flagged statement with its plan, then the others one line each. */
export function findingsMarkdown(title: string, findings: readonly Finding[]): string {
  const oneLine = (f: Finding) => f.sql.replace(/\s+/g, ' ').trim();
  const flagged = findings.filter((f) => f.flags.length > 0).sort((a, b) => b.ms - a.ms);
  const others = findings.filter((f) => f.flags.length === 0).sort((a, b) => b.ms - a.ms);
  return [
    `## ${title}`,
    '',
    ...flagged.map((f) => [`### ${f.flags.join('; ')} — ${f.ms.toFixed(1)} ms`, '', '```sql', oneLine(f), '```', '', '```', f.plan, '```', ''].join('\n')),
    `${others.length} statement${others.length === 1 ? '' : 's'} without a scan over a big table:`,
    '',
    ...others.map((f) => `- ${f.ms.toFixed(1)} ms: \`${oneLine(f).slice(0, 160)}${oneLine(f).length > 160 ? ' …' : ''}\``),
    '',
  ].join('\n');
}
