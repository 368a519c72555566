// kysely-codegen with this project's options: the migrated database's tables (but the migrations'
// bookkeeping), dates as strings, numerics as numbers, and each enum-like text column typed with
// its value list's union from the contracts (`platform/database/value-columns.ts`).
// `db-types.mjs` writes the result to schema.ts; `schema-types.db.test.ts` compares it with schema.ts.
import { type ExpressionNode, GenericExpressionNode, getDialect, IdentifierNode, serializeFromMetadata, UnionExpressionNode } from 'kysely-codegen';
import { pathToFileURL } from 'node:url';
import { valueColumns } from '../apps/server/src/platform/database/value-columns.ts';

export const schemaFile = 'apps/server/src/platform/database/schema.ts';

export async function generateSchemaTypes(connectionString: string): Promise<string> {
  const dialect = getDialect('postgres', { dateParser: 'string', numericParser: 'number' });
  const db = await dialect.introspector.connect({ connectionString, dialect });
  try {
    const metadata = await dialect.introspector.introspect({ db, excludePattern: 'schema_migration' });
    const columns: Record<string, ExpressionNode> = {};
    for (const table of metadata.tables) {
      for (const column of table.columns) {
        const key = `${table.name}.${column.name}`;
        const list = valueColumns[key];
        if (!list) continue;
        let node: ExpressionNode = new IdentifierNode(list.type);
        if (column.isNullable) node = new UnionExpressionNode([node, new IdentifierNode('null')]);
        if (column.hasDefaultValue) node = new GenericExpressionNode('Generated', [node]);
        columns[key] = node;
      }
    }
    const missing = Object.keys(valueColumns).filter((key) => !(key in columns));
    if (missing.length > 0) throw new Error(`value-columns.ts names columns the database does not have: ${missing.join(', ')}`);
    const customImports = Object.fromEntries(Object.values(valueColumns).map((v) => [v.type, `${v.module}#${v.type}`]));
    return serializeFromMetadata({ dialect, metadata, overrides: { columns }, customImports });
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(process.argv[2] ?? schemaFile, await generateSchemaTypes(url));
}
