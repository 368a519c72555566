import { parseArgs } from 'node:util';
import { z } from 'zod';
import { roles } from '@samkraft/contracts/common';
import { seedDemoData } from './features/demo/demo.seed.ts';
import { createStaffUser, type NewStaffUser } from './features/auth/staff-admin.service.ts';
import { ExtractCliError, exportExtractCommand, importExtractCommand } from './features/extracts/extract.cli.ts';
import { refreshReferenceData, seedReferenceData } from './features/reference-data/reference-data.seed.ts';
import { reportCommand } from './features/reports/report.cli.ts';
import { generateScaleDataCommand } from './features/scale-data/scale-data.cli.ts';
import { messagesCommand } from './features/messaging/messaging.cli.ts';
import { purgeExpiredAuditEvents } from './features/audit-review/audit-retention.service.ts';
import { ScaleDataRefused } from './features/scale-data/scale-data.service.ts';
import { hasNoStaff, migrateDatabase } from './prepare-database.ts';
import { backupCommand, restoreCommand } from './backup.cli.ts';
import { BackupError } from './platform/database/backup-file.ts';
import { danishDate, fileClock, systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { DatabaseOpenError, errorText, openDatabase, type Database } from './platform/database/database.ts';
import { listMigrations } from './platform/database/migrate.ts';

const usage = `Samkraft command line

  npm run cli -- migrate                 apply database migrations
  npm run cli -- seed [--demo] [--force] reference data; --demo adds demo data to an empty database
                                         (--force: even if it has staff users)
  npm run cli -- create-user --username U --name "Full Name" --municipality 0159
                 --profession nurse --role contact_person [--role municipal_lead]
                                         a real staff user; the password is read from SAMKRAFT_PASSWORD
  npm run cli -- import-extract <referrals.csv> <interventions.csv> | <file.xlsx>
                                         import a case-record extract (all rows or none; idempotent)
  npm run cli -- export-extract --out <folder|file.xlsx> --purpose "<why>" [--format csv|xlsx] [--pseudonymise]
                                         every stored record as an extract (audited as extract-cli)
  npm run cli -- report --from 2017-01-01 --to 2017-12-31 [--municipalities 0159,0151]
                 [--compare-from D --compare-to D] [--suppress] --format xlsx|csv|pdf|json [--out F]
                                         the report's tables (aggregates only; audited as report-cli)
  npm run cli -- generate-scale-data --size nine|national|stress [--years 10] [--seed 1] [--today D] [--homes 0101,… [--factor F]]
                                         synthetic records for benchmarks, into a database holding
                                         reference data only (refuses any other)
  npm run cli -- messages                read the messages in SAMKRAFT_MESSAGES_DIR/in once (acknowledge,
                                         keep, reject) and write the due ones to …/out (send, resend,
                                         fail without acknowledgement), as the server does every interval
  npm run cli -- backup --out <file>     the whole database into a new file, with a manifest (Samkraft version,
                                         migration level, time, kind); PostgreSQL through pg_dump as
                                         DATABASE_MIGRATION_URL's role (the client tools at least as new as the
                                         server, on PATH or in /usr/lib/postgresql/<major>/bin); the embedded
                                         database with the server stopped. The file holds health data: it is
                                         written readable by its owner only — keep it so, and encrypted at rest
  npm run cli -- restore --from <file>   a backup into an empty database only: an empty PostgreSQL database
                                         (pg_restore; an embedded backup is copied in table by table) or a
                                         SAMKRAFT_DATA_DIR without a database (embedded backups only); refuses
                                         a damaged or foreign file or a newer Samkraft's; checks every
                                         table's rows. Then start the server on it as usual
  npm run cli -- purge-audit-log         remove the audit events older than SAMKRAFT_AUDIT_RETENTION (default 5y,
                                         never less), as the server does daily; the purge is itself audited

Uses DATABASE_URL, or the embedded database in SAMKRAFT_DATA_DIR (default ./data); migrates as DATABASE_MIGRATION_URL's role when set.`;

/**
 * What the server does at start before it answers: migrations, then the release's reference data
 * (municipalities, diagnoses, catalogue, deadline rules) when the database lacks or differs from
 * it — so a command on a new database finds what its rows refer to.
 */
async function prepare(config: Config, database: Database): Promise<void> {
  const migrations = listMigrations();
  await migrateDatabase(config, database, migrations);
  await refreshReferenceData(database.db, migrations.at(-1)?.name ?? '');
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig(process.env);
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  // Both work on the database as a whole, and a restore needs it still empty: opened their own way.
  if (command === 'backup' || command === 'restore') {
    const lines = command === 'backup' ? await backupCommand(config, rest, systemClock) : await restoreCommand(config, rest);
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  // The command line runs the long jobs (imports, national reports): no statement time limit.
  const database = await openDatabase({ ...config, databaseStatementTimeoutMs: 0 });
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrateDatabase(config, database);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
        return;
      }
      case 'seed': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' }, force: { type: 'boolean' } } });
        await migrateDatabase(config, database);
        await seedReferenceData(database.db);
        process.stdout.write('reference data seeded\n');
        if (values.demo) {
          if (!values.force && !(await hasNoStaff(database.db))) {
            throw new ConfigError('the database already has staff users; demo data is only seeded into an empty database (use --force to add it anyway)');
          }
          await seedDemoData(database.db, danishDate(systemClock.now()));
          process.stdout.write('demo data seeded\n');
        }
        return;
      }
      case 'create-user': {
        const { values } = parseArgs({
          args: rest,
          options: {
            username: { type: 'string' },
            name: { type: 'string' },
            municipality: { type: 'string' },
            profession: { type: 'string' },
            role: { type: 'string', multiple: true },
          },
        });
        const input = z
          .object({ roles: z.array(z.enum(roles)).min(1, 'give at least one --role') })
          .parse({ roles: values.role ?? [] });
        const password = process.env.SAMKRAFT_PASSWORD ?? '';
        await prepare(config, database);
        const user = await createStaffUser(
          { db: database.db, actor: { kind: 'system', name: 'cli' }, clock: systemClock },
          {
            username: values.username ?? '',
            displayName: values.name ?? '',
            municipalityCode: values.municipality ?? '',
            profession: (values.profession ?? '') as NewStaffUser['profession'],
            roles: input.roles,
            password,
          },
        );
        process.stdout.write(`created ${user.username} (${user.id})\n`);
        return;
      }
      case 'import-extract': {
        await prepare(config, database);
        const result = await importExtractCommand(database.db, rest);
        process.stdout.write(`${result.lines.join('\n')}\n`);
        if (!result.ok) process.exitCode = 1;
        return;
      }
      case 'export-extract': {
        await prepare(config, database);
        const written = await exportExtractCommand(database.db, rest);
        process.stdout.write(`wrote ${written.join(', ')}\n`);
        return;
      }
      case 'report': {
        await prepare(config, database);
        const result = await reportCommand(database.db, rest);
        process.stdout.write(result.written ? `wrote ${result.written}\n` : (result.text ?? ''));
        return;
      }
      case 'generate-scale-data': {
        await migrateDatabase(config, database);
        await seedReferenceData(database.db);
        await generateScaleDataCommand(database.db, rest, (line) => process.stdout.write(`${line}\n`));
        return;
      }
      case 'messages': {
        await prepare(config, database);
        const line = (level: string) => (obj: object, msg: string) => process.stderr.write(`${level}: ${msg} ${JSON.stringify(obj)}\n`);
        const lines = await messagesCommand(database.db, {
          dir: config.messagesDir,
          clock: config.clockFile ? fileClock(config.clockFile) : systemClock,
          log: { info: line('info'), warn: line('warn'), error: line('error') },
        });
        process.stdout.write(`${lines.join('\n')}\n`);
        return;
      }
      case 'purge-audit-log': {
        await prepare(config, database);
        const r = await purgeExpiredAuditEvents({ db: database.db, clock: systemClock, months: config.auditRetentionMonths });
        process.stdout.write(`audit events before ${r.before.toISOString()} (${config.auditRetentionMonths} months) removed: ${r.deleted}\n`);
        return;
      }
      default:
        throw new ConfigError(`unknown command "${command}" (try: migrate, seed, create-user, import-extract, export-extract, report, generate-scale-data, messages, purge-audit-log, backup, restore, help)`);
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  const msg = err instanceof ConfigError || err instanceof DatabaseOpenError || err instanceof ExtractCliError || err instanceof ScaleDataRefused || err instanceof BackupError ? err.message : errorText(err);
  process.stderr.write(`Samkraft: ${msg}\n`);
  process.exit(1);
});
