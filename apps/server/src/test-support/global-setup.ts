import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../platform/database/database.ts';
import { migrate } from '../platform/database/migrate.ts';
import {
  TEMPLATE_PREFIX,
  currentRunOwner,
  databaseUrl,
  dropLeftoverDatabases,
  labelDatabase,
  quoteIdent,
  withAdminClient,
} from './postgres-admin.ts';
import type { RunOwner } from './postgres-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a tarball of a migrated PGlite data folder (db:pglite only). */
    samkraftPgliteTemplate?: string;
    /** This run's template database on the PostgreSQL server, and the run's owner label (db:postgres only). */
    samkraftPgTemplate?: { template: string; owner: RunOwner };
  }
}

/**
 * Vitest globalSetup of the db:* projects: migrates one template database per run, so that each
 * test file gets a fresh migrated database in well under a second (see test-database.ts).
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env.SAMKRAFT_TEST_DB;
  if (kind === 'pglite') return setupPglite(project);
  if (kind === 'postgres') {
    const url = project.config.env.SAMKRAFT_TEST_PG_URL;
    if (!url) throw new Error('db:postgres needs SAMKRAFT_TEST_PG_URL');
    return setupPostgres(project, url);
  }
  throw new Error(`SAMKRAFT_TEST_DB must be pglite or postgres, not ${String(kind)}`);
}

async function setupPglite(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const database = await openPglite(undefined);
  let file: string;
  try {
    await migrate(database);
    // Uncompressed: a few tens of MB in the temp folder, but loading skips a gunzip per file.
    const dump = await (database as unknown as { pglite: PGlite }).pglite.dumpDataDir('none');
    file = path.join(os.tmpdir(), `samkraft-template-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('samkraftPgliteTemplate', file);
  logTiming(`PGlite template migrated and dumped in ${Math.round(performance.now() - started)} ms`);
  return () => {
    fs.rmSync(file, { force: true });
    return Promise.resolve();
  };
}

async function setupPostgres(project: TestProject, url: string): Promise<() => Promise<void>> {
  const started = performance.now();
  const owner = currentRunOwner();
  const template = `${TEMPLATE_PREFIX}${crypto.randomBytes(4).toString('hex')}`;
  await withAdminClient(url, async (admin) => {
    const dropped = await dropLeftoverDatabases(admin);
    if (dropped.length) logTiming(`dropped leftover databases: ${dropped.join(', ')}`);
    await admin.query(`create database ${quoteIdent(template)}`);
    await labelDatabase(admin, template, owner);
  });
  const database = await openPostgres(databaseUrl(url, template));
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  await withAdminClient(url, async (admin) => {
    // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template, and a closed
    // pool's sessions can linger on the server; end them now rather than on the first copy.
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [template],
    );
  });
  project.provide('samkraftPgTemplate', { template, owner });
  logTiming(`PostgreSQL template ${template} created and migrated in ${Math.round(performance.now() - started)} ms`);
  return () =>
    withAdminClient(url, async (admin) => {
      await admin.query(`drop database if exists ${quoteIdent(template)} with (force)`);
    });
}

function logTiming(message: string): void {
  if (process.env.SAMKRAFT_TEST_TIMINGS) process.stderr.write(`[test-database] ${message}\n`);
}
