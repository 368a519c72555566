import { describe, expect, it } from 'vitest';
import { listMigrations, type Migration } from './migrate.ts';

/*
 * House rules for migrations, read from the SQL files (no database needed):
 * 1. A migration drops, alters, renames or validates only a constraint (or index) that a migration
 *    before it created with an explicit name: a name PostgreSQL generated (`cross_referral_check1`)
 *    depends on the order of the checks in a CREATE TABLE, so it is never relied on.
 * 2. From 0022 on, every CHECK, UNIQUE, FOREIGN KEY (REFERENCES) and EXCLUDE constraint and every
 *    index is named where it is created: `<table>_<column(s)>_<check|key|fkey|excl|idx>`, or
 *    `<table>_<what it says>_check` for a check of several columns. (A primary key keeps
 *    PostgreSQL's `<table>_pkey`, which does not depend on order; name it too if a migration may
 *    ever drop it.)
 * 3. From 0022 on, a migration either changes the schema or changes existing rows, never both: a
 *    data backfill (UPDATE, DELETE, MERGE, TRUNCATE, COPY, INSERT … SELECT, a data-modifying WITH,
 *    or any of these in a DO block) is a migration of its own. A schema migration may still fill
 *    what it creates (any statement on a table created in the same migration) and seed reference
 *    rows (INSERT … VALUES / DEFAULT VALUES, which reads no existing row).
 */

/** The first migration all three rules hold for without exception. */
const STRICT_FROM = '0022';

/**
 * Schema migrations before 0022 that also backfill existing rows, in the same transaction. They
 * stay as they were applied: the runner knows a migration by its file name, so splitting one
 * would make every database that already ran it run the parts again (an ADD COLUMN that fails).
 */
const MIXED_BEFORE_STRICT: Record<string, string> = {
  '0005_team_sessions.sql': 'cancel_reason of cancelled sessions set between its column and its check',
  '0013_measurement_versions.sql': 'recorded_by and recorded_at copied from the assessment before NOT NULL',
};

const NAME = String.raw`("[^"]+"|[a-z_][a-z0-9_$]*)`;
const unquote = (name: string) => name.replace(/^"|"$/g, '');

/**
 * The SQL in lower case without comments, each string literal emptied (''), so no word in a
 * comment or a text counts. Dollar-quoted bodies (functions, DO blocks) are kept, read the same way.
 */
function sqlCode(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i, i + 2);
    if (rest === '--') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (rest === '/*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      out += ' ';
    } else if (sql[i] === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      out += "''";
      i = j + 1;
    } else {
      const tag = sql[i] === '$' ? /^\$([a-z_][a-z0-9_]*)?\$/i.exec(sql.slice(i))?.[0] : undefined;
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        const close = end < 0 ? sql.length : end;
        out += `${tag}${sqlCode(sql.slice(i + tag.length, close))}${tag}`;
        i = close + tag.length;
      } else {
        out += sql[i]!.toLowerCase();
        i += 1;
      }
    }
  }
  return out;
}

/** The top-level statements of code from `sqlCode` (a `;` inside a dollar-quoted body does not end one). */
function statements(code: string): string[] {
  const result: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const tag = code[i] === '$' ? /^\$([a-z_][a-z0-9_]*)?\$/.exec(code.slice(i))?.[0] : undefined;
    if (tag) {
      const end = code.indexOf(tag, i + tag.length);
      i = end < 0 ? code.length : end + tag.length - 1;
    } else if (code[i] === ';') {
      result.push(code.slice(start, i).trim());
      start = i + 1;
    }
  }
  result.push(code.slice(start).trim());
  return result.filter((s) => s.length > 0);
}

/** Where a migration relies on a constraint or index name, or creates one explicitly, in file order. */
type NameEvent = { name: string; use: boolean; at: string };

function nameEvents(code: string): NameEvent[] {
  const events: (NameEvent & { index: number })[] = [];
  const near = (index: number) => code.slice(index, index + 60).replace(/\s+/g, ' ');
  for (const m of code.matchAll(new RegExp(String.raw`\bconstraint\s+(?:if\s+exists\s+)?${NAME}(?:\s+to\s+${NAME})?`, 'g'))) {
    const before = /(\w+)\s*$/.exec(code.slice(0, m.index));
    const use = ['drop', 'alter', 'validate', 'rename', 'on'].includes(before?.[1] ?? '');
    const at = near(before?.index ?? m.index);
    events.push({ name: unquote(m[1]!), use, at, index: m.index });
    if (m[2]) events.push({ name: unquote(m[2]), use: false, at, index: m.index });
  }
  for (const m of code.matchAll(new RegExp(String.raw`\bcreate\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?!on\b)${NAME}`, 'g'))) {
    events.push({ name: unquote(m[1]!), use: false, at: near(m.index), index: m.index });
  }
  for (const m of code.matchAll(new RegExp(String.raw`\b(?:drop|alter)\s+index\s+(?:concurrently\s+)?(?:if\s+exists\s+)?${NAME}(?:\s+rename\s+to\s+${NAME})?`, 'g'))) {
    events.push({ name: unquote(m[1]!), use: true, at: near(m.index), index: m.index });
    if (m[2]) events.push({ name: unquote(m[2]), use: false, at: near(m.index), index: m.index });
  }
  return events.sort((a, b) => a.index - b.index).map(({ name, use, at }) => ({ name, use, at }));
}

/** Rule 1 over migrations in order: each name dropped or altered that no earlier statement named explicitly. */
function unnamedDependencies(migrations: Migration[]): string[] {
  const named = new Set<string>();
  const problems: string[] = [];
  for (const m of migrations) {
    for (const e of nameEvents(sqlCode(m.sql))) {
      if (!e.use) named.add(e.name);
      else if (!named.has(e.name)) problems.push(`${m.name}: "${e.at}" relies on ${e.name}, a name no migration gave explicitly`);
    }
  }
  return problems;
}

const CONSTRAINT_KINDS: { label: string; re: RegExp; skip?: (before: string) => boolean }[] = [
  // `with check (…)` is a policy's or a view's, not a constraint.
  { label: 'check', re: /\bcheck\s*\(/g, skip: (before) => /\bwith\s*$/.test(before) },
  { label: 'unique', re: /\bunique\b/g, skip: (before) => /\bcreate\s*$/.test(before) },
  { label: 'foreign key', re: /\bforeign\s+key\b/g },
  // A column's REFERENCES (a table's FOREIGN KEY … REFERENCES is its FOREIGN KEY); not the privilege.
  { label: 'references', re: /\breferences\b(?!\s*(?:,|\(|on\b))/g, skip: (before) => /\bforeign\s+key\s*\([^()]*\)\s*$/.test(before) },
  // Not a window frame's EXCLUDE CURRENT ROW / GROUP / TIES / NO OTHERS.
  { label: 'exclude', re: /\bexclude\b(?!\s+(?:current|group|ties|no\s+others)\b)/g },
];

/** Rule 2 for one migration: each constraint or index it creates without a name of its own. */
function unnamedConstraints(sql: string): string[] {
  const code = sqlCode(sql);
  const problems: string[] = [];
  for (const kind of CONSTRAINT_KINDS) {
    for (const m of code.matchAll(kind.re)) {
      const before = code.slice(0, m.index);
      if (kind.skip?.(before)) continue;
      if (new RegExp(String.raw`\bconstraint\s+${NAME}\s*$`).test(before)) continue;
      problems.push(`${kind.label} without "constraint <name>": "${code.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}"`);
    }
  }
  for (const m of code.matchAll(/\bcreate\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?on\b/g)) {
    problems.push(`index without a name: "${code.slice(m.index, m.index + 60).replace(/\s+/g, ' ')}"`);
  }
  return problems;
}

const TABLE = String.raw`(?:only\s+)?([a-z_][a-z0-9_$.]*|"[^"]+")`;

/** Rule 3 for one migration: its schema statements and its backfills, when it has both. */
function schemaAndBackfill(sql: string): { schema: string[]; backfill: string[] } {
  const all = statements(sqlCode(sql));
  const created = new Set(
    all.flatMap((s) => {
      const m = new RegExp(String.raw`^create\s+(?:(?:global\s+|local\s+)?(?:temporary|temp|unlogged)\s+)?table\s+(?:if\s+not\s+exists\s+)?${TABLE}`).exec(s);
      return m ? [unquote(m[1]!)] : [];
    }),
  );
  const touchesExisting = (target: string | undefined) => target === undefined || !created.has(unquote(target));
  const dml = /\b(?:insert\s+into|update\s+\S+(?:\s+\S+)?\s+set|delete\s+from|merge\s+into|truncate|copy)\b/;
  const schema: string[] = [];
  const backfill: string[] = [];
  for (const s of all) {
    const first = /^\w+/.exec(s)?.[0] ?? '';
    const head = s.slice(0, 80).replace(/\s+/g, ' ');
    if (first === 'insert') {
      const target = new RegExp(String.raw`^insert\s+into\s+${TABLE}`).exec(s)?.[1];
      if (touchesExisting(target) && /\bselect\b/.test(s)) backfill.push(head);
    } else if (first === 'update' || first === 'delete') {
      const target = new RegExp(String.raw`^(?:update|delete\s+from)\s+${TABLE}`).exec(s)?.[1];
      if (touchesExisting(target)) backfill.push(head);
    } else if (['merge', 'truncate', 'copy'].includes(first) || (first === 'with' && /\b(?:insert|update|delete|merge)\b/.test(s))) {
      backfill.push(head);
    } else if (first === 'do') {
      if (dml.test(s)) backfill.push(head);
      if (/\b(?:create|alter|drop|grant|revoke)\b/.test(s)) schema.push(head);
    } else if (['create', 'alter', 'drop', 'grant', 'revoke', 'comment', 'security', 'reindex', 'cluster'].includes(first)) {
      schema.push(head);
    }
  }
  return { schema, backfill };
}

const migrations = listMigrations();
const strict = migrations.filter((m) => m.name >= STRICT_FROM);
const mixes = (m: Migration) => {
  const { schema, backfill } = schemaAndBackfill(m.sql);
  return schema.length > 0 && backfill.length > 0;
};

describe('migrations', () => {
  it('drop or alter only constraints and indexes that an earlier migration named explicitly', () => {
    expect(unnamedDependencies(migrations)).toEqual([]);
  });

  it(`name every check, unique, foreign key, exclusion constraint and index from ${STRICT_FROM} on`, () => {
    expect(strict.flatMap((m) => unnamedConstraints(m.sql).map((p) => `${m.name}: ${p}`))).toEqual([]);
  });

  it(`keep data backfills out of schema migrations from ${STRICT_FROM} on; the earlier mixed ones are listed`, () => {
    expect(strict.filter(mixes).map((m) => m.name), 'split the backfill into a migration of its own').toEqual([]);
    expect(migrations.filter((m) => m.name < STRICT_FROM && mixes(m)).map((m) => m.name)).toEqual(Object.keys(MIXED_BEFORE_STRICT));
  });
});

describe('the migration rules find a planted violation', () => {
  const m = (name: string, sql: string): Migration => ({ name, sql });

  it('a generated name dropped, and not one named explicitly before', () => {
    const create = m('0001_a.sql', `create table t (a int check (a > 0), b int, constraint t_b_check check (b > 0), c int constraint "t_c_check" check (c > 0));
      create index t_a_idx on t (a); create index on t (b);`);
    expect(unnamedDependencies([create, m('0002_b.sql', 'alter table t drop constraint t_a_check;')])).toHaveLength(1);
    expect(unnamedDependencies([create, m('0002_b.sql', 'alter table t drop constraint if exists t_b_check, drop constraint t_c_check;')])).toEqual([]);
    expect(unnamedDependencies([create, m('0002_b.sql', 'drop index t_b_idx;')])).toHaveLength(1);
    expect(unnamedDependencies([create, m('0002_b.sql', 'alter index t_a_idx rename to t_a2_idx; drop index if exists t_a2_idx;')])).toEqual([]);
    expect(unnamedDependencies([create, m('0002_b.sql', 'alter table t rename constraint t_b_check to t_b_positive; alter table t validate constraint t_b_positive;')])).toEqual([]);
    // Dropped before it was named: the drop still relied on the generated name.
    expect(unnamedDependencies([m('0001_a.sql', 'alter table t drop constraint t_x_check; alter table t add constraint t_x_check check (x > 0);')])).toHaveLength(1);
    // A name in a comment or a text is not a name given.
    expect(unnamedDependencies([m('0001_a.sql', `-- constraint t_y_check\nselect 'constraint t_y_check'; alter table t drop constraint t_y_check;`)])).toHaveLength(1);
  });

  it('a constraint or index created without a name', () => {
    expect(unnamedConstraints('create table t (a int check (a > 0));')).toHaveLength(1);
    expect(unnamedConstraints('create table t (a int unique);')).toHaveLength(1);
    expect(unnamedConstraints('create table t (a uuid references u (id));')).toHaveLength(1);
    expect(unnamedConstraints('create table t (a uuid, b uuid, foreign key (a, b) references u (x, y));')).toHaveLength(1);
    expect(unnamedConstraints('alter table t add exclude using gist (r with &&);')).toHaveLength(1);
    expect(unnamedConstraints('create index on t (a);')).toHaveLength(1);
    expect(
      unnamedConstraints(`create table t (
        a uuid not null constraint t_a_fkey references u (id) on delete cascade,
        b int constraint t_b_check check (b > 0) constraint t_b_key unique,
        constraint t_ab_fkey foreign key (a, b) references u (x, y),
        constraint t_r_excl exclude using gist (r with &&)
      );
      create unique index t_b_lower_key on t (lower(b::text));
      -- a check (here) or unique in a comment is none
      grant select, references on t to someone; revoke references (a) on t from someone;
      create policy p on t using (true) with check (true);
      select count(*) over (order by a rows between 1 preceding and 1 following exclude current row) from t;`),
    ).toEqual([]);
  });

  it('a schema change and a backfill in one migration', () => {
    const mixed = (sql: string) => {
      const r = schemaAndBackfill(sql);
      return r.schema.length > 0 && r.backfill.length > 0;
    };
    expect(mixed("alter table t add column c text; update t set c = 'x';")).toBe(true);
    expect(mixed('alter table t add column c text; insert into u (a) select a from t;')).toBe(true);
    expect(mixed('create index t_a_idx on t (a); delete from t where a is null;')).toBe(true);
    expect(mixed('alter table t add column c text; with x as (update t set c = a returning 1) select count(*) from x;')).toBe(true);
    expect(mixed('alter table t add column c text; do $$ begin update t set c = a; end $$;')).toBe(true);
    // Allowed: filling a table of the same migration, seeding reference rows, a function's body, a trigger.
    expect(mixed('create table n (a int); insert into n (a) select a from t; update n set a = 1;')).toBe(false);
    expect(mixed("alter table t add column c text; insert into kinds (code) values ('a'), ('b');")).toBe(false);
    expect(mixed('create function f() returns trigger language plpgsql as $$ begin update t set a = 1; return null; end $$;')).toBe(false);
    expect(mixed('create trigger g after insert or update or delete on t for each statement execute function f();')).toBe(false);
    // A data migration alone is not mixed.
    expect(mixed("update t set c = 'y' where c = 'x';")).toBe(false);
  });
});
