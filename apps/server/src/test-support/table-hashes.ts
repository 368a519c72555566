import type { Database } from '../platform/database/database.ts';

export type TableHash = { name: string; n: string; hash: string };

/**
 * Every table of the catalogue (not a hand list): its rows and an MD5 of its rows in a fixed
 * order, to tell two databases' contents equal. The rows are ordered as text in the C collation
 * and timestamps written in UTC, so a PGlite and a PostgreSQL server hash alike.
 */
export async function tableHashes(database: Database): Promise<TableHash[]> {
  return database.withScriptRunner(async (run) => {
    await run(`set timezone to 'UTC'`);
    const tables = (await run(`select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' order by 1, 2`)) as { schema: string; name: string }[];
    const q = (s: string) => `"${s}"`;
    return (await run(
      tables
        .map((t) => `select '${t.schema}.${t.name}' as name, count(*)::text as n, md5(coalesce(string_agg(r::text, E'\\n' order by r::text collate "C"), '')) as hash from ${q(t.schema)}.${q(t.name)} r`)
        .join('\nunion all ') + '\norder by 1',
    )) as TableHash[];
  });
}
