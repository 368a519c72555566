import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import type { Reporter, TestModule } from 'vitest/node';

/*
 * Test projects (`npm test` runs them all through scripts/test.mjs):
 *   unit         every *.test.ts(x) that needs neither a database nor a browser
 *   db:pglite    *.db.test.ts on PGlite, one migrated database per test file
 *   db:postgres  the same files on a PostgreSQL server — only when SAMKRAFT_TEST_PG_URL is set
 *   browser      tests/browser, real Chromium — only when SAMKRAFT_TEST_CHROMIUM is set
 * Inline projects in vitest 4 do not inherit the root `test` options, hence `common` below.
 */

// Every test runs with TZ=UTC (the test script sets it; a bare `npx vitest` gets it here).
// The Copenhagen rerun of the date tests sets TZ and SAMKRAFT_TEST_TZ itself.
process.env.TZ ??= 'UTC';
const tz = process.env.TZ;

const pgUrl = process.env.SAMKRAFT_TEST_PG_URL;
const chromium = process.env.SAMKRAFT_TEST_CHROMIUM;
const reportBase = process.env.SAMKRAFT_TEST_REPORT;

const ignored = ['**/node_modules/**', '**/dist/**', 'data/**', 'scratch/**', 'test-artifacts/**', '.test-results/**'];
const timezoneSetup = 'apps/server/src/test-support/timezone-global-setup.ts';
const databaseSetup = 'apps/server/src/test-support/global-setup.ts';
const dbTests = ['apps/server/**/*.db.test.ts'];

const common = {
  environment: 'node' as const,
  exclude: ignored,
  globalSetup: [timezoneSetup],
};

function dbProject(kind: 'pglite' | 'postgres', env: Record<string, string>): TestProjectInlineConfiguration {
  return {
    test: {
      ...common,
      name: `db:${kind}`,
      include: dbTests,
      globalSetup: [timezoneSetup, databaseSetup],
      env: { TZ: tz, SAMKRAFT_TEST_DB: kind, ...env },
      // Loading a database takes ~0.6 s on PGlite, more when both workers load at once.
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      ...common,
      name: 'unit',
      include: ['**/*.test.ts', '**/*.test.tsx'],
      exclude: [...ignored, '**/*.db.test.ts', 'tests/browser/**'],
      env: { TZ: tz },
    },
  },
  dbProject('pglite', {}),
];
if (pgUrl) projects.push(dbProject('postgres', { SAMKRAFT_TEST_PG_URL: pgUrl }));
if (chromium) {
  projects.push({
    test: {
      ...common,
      name: 'browser',
      include: ['tests/browser/**/*.test.ts'],
      // One demo server for the whole run (each test creates what it needs), a Chromium per file
      // (a connected browser cannot hand over downloads); the files take turns, after the other groups.
      globalSetup: [timezoneSetup, 'tests/browser/support/global-setup.ts'],
      env: { TZ: tz, SAMKRAFT_TEST_CHROMIUM: chromium },
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  });
}

type ProjectCounts = { passed: number; failed: number; skipped: number; files: string[]; failedFiles: string[] };

/**
 * vitest's JSON report does not say which project a result came from, and db:pglite and
 * db:postgres run the same files, so this writes the per-project counts beside it.
 * A file that failed to load (no test ran) counts as one failed test.
 */
function projectSummaryReporter(outputFile: string): Reporter {
  return {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
      const projects: Record<string, ProjectCounts> = {};
      for (const module of testModules) {
        const counts = (projects[module.project.name] ??= { passed: 0, failed: 0, skipped: 0, files: [], failedFiles: [] });
        counts.files.push(module.relativeModuleId);
        let failedHere = 0;
        for (const test of module.children.allTests()) {
          const state = test.result().state;
          if (state === 'passed') counts.passed += 1;
          else if (state === 'failed') failedHere += 1;
          else counts.skipped += 1;
        }
        const moduleFailed = module.state() === 'failed' || module.errors().length > 0;
        if (moduleFailed && failedHere === 0) failedHere = 1;
        counts.failed += failedHere;
        if (failedHere > 0) counts.failedFiles.push(module.relativeModuleId);
      }
      fs.mkdirSync(path.dirname(outputFile), { recursive: true });
      fs.writeFileSync(outputFile, JSON.stringify({ projects }, null, 2));
    },
  };
}

export default defineConfig({
  test: {
    projects,
    // PGlite takes 300–800 MB per instance; the machines have 2 cores.
    maxWorkers: 2,
    passWithNoTests: true,
    ...(reportBase
      ? {
          reporters: [
            'default',
            ['json', { outputFile: `${reportBase}.json` }],
            projectSummaryReporter(`${reportBase}.projects.json`),
          ],
        }
      : {}),
  },
});
