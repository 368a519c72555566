import net from 'node:net';
import { prepareDatabase } from './prepare-database.ts';
import { fileClock, systemClock } from './platform/clock.ts';
import { auditLogRewritable } from './platform/audit/audit.repository.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { DatabaseOpenError, errorText, openPostgres } from './platform/database/database.ts';
import { resolveStaffSignIn, staffSignInMethods, type StaffSignIn } from './features/auth/sign-in-config.ts';

/** Milliseconds since the process started: how long each part of a start took, for the log. */
const sinceStart = () => Math.round(performance.now());

/** Composition root: config → database (migrated, seeded) → app → listen. */
async function main(): Promise<void> {
  const readyAt = { main: sinceStart(), appModules: 0, database: 0, app: 0, listening: 0 };
  const config = await withFreePortForDemoSignIn(loadConfig(process.env));
  const staffSignIn = staffSignInOf(config);
  const clock = config.clockFile ? fileClock(config.clockFile) : systemClock;
  if (config.clockFile) clock.now(); // a bad clock file stops the start, with its reason
  // The app's modules (every feature's routes and schemas, Fastify and its plugins) load while
  // the database opens and migrates: each waits on files and WebAssembly part of the time.
  const [{ buildApp }, { database, seeded, referenceDataSeeded }] = await Promise.all([
    import('./app.ts').then((module) => {
      readyAt.appModules = sinceStart();
      return module;
    }),
    prepareDatabase(config, clock).then((prepared) => {
      readyAt.database = sinceStart();
      return prepared;
    }),
  ]);
  // Reports read from a replica when one is configured (migrated and seeded through the primary).
  const replica = config.databaseReplicaUrl
    ? await openPostgres(config.databaseReplicaUrl, { poolSize: config.databasePoolSize, statementTimeoutMs: config.databaseStatementTimeoutMs }).catch(async (err: unknown) => {
        await database.close();
        throw err;
      })
    : undefined;
  const app = await buildApp({
    database,
    clock,
    config,
    staffSignIn,
    ...(replica ? { replica } : {}),
    messaging: { dir: config.messagesDir, intervalMs: config.messagesIntervalMs, ...(config.messagesToken ? { token: config.messagesToken } : {}) },
    auditRetention: { months: config.auditRetentionMonths, intervalMs: config.auditPurgeIntervalMs },
  });
  readyAt.app = sinceStart();
  app.log.info(
    { database: database.kind, location: database.location, replica: replica?.location ?? null, referenceDataSeeded, demoSeeded: seeded },
    'database ready',
  );
  if (database.kind === 'postgres' && (await auditLogRewritable(database.db))) {
    app.log.warn(
      { database: database.location },
      "the server's database role could rewrite the audit log (it owns it, or is a superuser): run the server as a member of samkraft_app and migrate with DATABASE_MIGRATION_URL (README)",
    );
  }
  if (config.demoServer) {
    app.log.warn(
      { demo: true, database: database.location },
      'DEMO SERVER: demo users sign in without a password, an administrator among them; keep real citizens\' data out (SAMKRAFT_DEMO_SERVER=true)',
    );
  }
  app.log.info(
    {
      on: staffSignInMethods.filter((m) => staffSignIn.methods.has(m)),
      off: staffSignInMethods.filter((m) => !staffSignIn.methods.has(m)),
      providers: staffSignIn.providers.filter((p) => staffSignIn.methods.has(p.kind)).map((p) => `${p.kind}:${p.id}`),
      localProviders: staffSignIn.localProviders,
    },
    `staff sign-in methods on: ${staffSignInMethods.filter((m) => staffSignIn.methods.has(m)).join(', ') || 'none'}; off: ${staffSignInMethods.filter((m) => !staffSignIn.methods.has(m)).join(', ') || 'none'}`,
  );
  const citizenWays = { oidc: config.citizenSignIn.mode, saml: config.citizenSaml?.mode ?? 'off' };
  app.log.info(citizenWays, `citizen sign-in: oidc ${citizenWays.oidc}, saml ${citizenWays.saml}`);
  if (config.clockFile) app.log.warn({ clockFile: config.clockFile, now: clock.now().toISOString() }, 'the clock is read from a file (demo/test only)');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => database.close())
      .then(() => replica?.close())
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await database.close().catch(() => undefined);
    throw new ConfigError(`cannot listen on ${config.host}:${config.port}: ${errorText(err)}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  readyAt.listening = sinceStart();
  app.log.info({ url: `http://${host}:${port}`, readyAtMs: readyAt }, 'Samkraft is listening');
}

/** The staff sign-in of this start; a bad configuration file stops it with one line naming the field. */
function staffSignInOf(config: Config): StaffSignIn {
  try {
    return resolveStaffSignIn({ demo: config.demo, publicUrl: config.publicUrl, methods: config.staffSignInMethods, configFile: config.staffSignInConfigFile });
  } catch (err) {
    throw new ConfigError(`configuration error: SAMKRAFT_STAFF_SIGN_IN_CONFIG: ${errorText(err)}`);
  }
}

/**
 * PORT=0 (the tests' servers) with the demo identity provider: a free port is taken now, so the
 * provider's issuer and the sign-in callback (derived from the public URL) can name it.
 */
async function withFreePortForDemoSignIn(config: Config): Promise<Config> {
  if (config.port !== 0 || (config.citizenSignIn.mode !== 'demo' && config.citizenSaml?.mode !== 'demo') || process.env.SAMKRAFT_PUBLIC_URL) return config;
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, config.host, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  return loadConfig({ ...process.env, PORT: String(port) });
}

main().catch((err: unknown) => {
  // One clear line for the person starting Samkraft; the details of unexpected errors follow.
  if (err instanceof ConfigError || err instanceof DatabaseOpenError) {
    process.stderr.write(`Samkraft: ${err.message}\n`);
  } else {
    process.stderr.write(`Samkraft: start-up failed: ${errorText(err)}\n`);
    if (err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  }
  process.exit(1);
});
