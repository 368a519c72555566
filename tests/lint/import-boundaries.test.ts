import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The import boundaries of eslint.config.js (ARCHITECTURE.md, "Dependency direction"): one
 * planted violation of each, written into the tree for the project's config to apply, linted with
 * that config through ESLint's Node API, and removed again. Only the boundary rule runs, without
 * type information, so the test lints the planted files alone in a few seconds.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const RULE = 'import-x/no-restricted-paths';
const tag = `lint-planted-${process.pid}`;

type Plant = { name: string; file: string; source: string; boundary: string | null };

const plants: Plant[] = [
  { name: "a feature imports another feature's repository", file: `apps/server/src/features/attendance/${tag}-a1.ts`, source: "import '../courses/course.repository.ts';", boundary: 'feature-internals' },
  { name: "a feature imports another feature's routes", file: `apps/server/src/features/attendance/${tag}-a2.ts`, source: "import '../teams/team.routes.ts';", boundary: 'feature-internals' },
  { name: "a feature that loads nothing in bulk imports an owner's bulk writes", file: `apps/server/src/features/closings/${tag}-f.ts`, source: "import '../courses/courses.bulk.ts';", boundary: 'bulk-writes' },
  { name: 'platform imports a feature', file: `apps/server/src/platform/${tag}-b.ts`, source: "import '../features/citizens/citizen-access.rules.ts';", boundary: 'platform' },
  { name: 'production code imports test support', file: `apps/server/src/features/citizens/${tag}-c1.ts`, source: "import '../../test-support/factories.ts';", boundary: 'test-code' },
  { name: 'production code imports a test', file: `apps/server/src/features/citizens/${tag}-c2.ts`, source: "import './citizen-access.rules.test.ts';", boundary: 'test-code' },
  { name: 'web ui imports a web feature', file: `apps/web/src/ui/${tag}-d.ts`, source: "import '../features/courses/utils/nextAction.ts';", boundary: 'web-ui' },
  { name: 'the web imports server code', file: `apps/web/src/features/courses/${tag}-e.ts`, source: "import '../../../../server/src/features/citizens/citizen-access.rules.ts';", boundary: 'web-server' },
  {
    name: "legal: a feature imports its own repository and another feature's service and rules",
    file: `apps/server/src/features/teams/${tag}-ok1.ts`,
    source: "import './attendance.repository.ts';\nimport '../courses/course-access.service.ts';\nimport '../citizens/citizen-access.rules.ts';",
    boundary: null,
  },
  { name: "legal: a bulk loader imports an owner's bulk writes", file: `apps/server/src/features/demo/${tag}-ok3.ts`, source: "import '../courses/courses.bulk.ts';", boundary: null },
  { name: 'legal: a web feature imports ui and contracts', file: `apps/web/src/features/courses/${tag}-ok2.ts`, source: "import '../../ui/utils/danishDate.ts';\nimport '@samkraft/contracts/next-step';", boundary: null },
];

let results: Map<string, ESLint.LintResult>;

beforeAll(async () => {
  for (const plant of plants) expect(fs.existsSync(path.join(root, plant.file)), plant.file).toBe(false);
  try {
    for (const plant of plants) fs.writeFileSync(path.join(root, plant.file), `${plant.source}\n`);
    const eslint = new ESLint({
      cwd: root,
      overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
      ruleFilter: ({ ruleId }) => ruleId === RULE,
    });
    const linted = await eslint.lintFiles(plants.map((p) => p.file));
    results = new Map(linted.map((r) => [path.relative(root, r.filePath), r]));
  } finally {
    for (const plant of plants) fs.rmSync(path.join(root, plant.file), { force: true });
  }
}, 60_000);

afterAll(() => {
  for (const plant of plants) expect(fs.existsSync(path.join(root, plant.file)), plant.file).toBe(false);
});

describe('import boundaries (eslint.config.js)', () => {
  it('plants only imports of files that exist (an unresolved import would prove nothing)', () => {
    for (const plant of plants) {
      for (const [, spec] of plant.source.matchAll(/import '(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(path.join(root, plant.file)), spec ?? '');
        expect(fs.existsSync(target), `${plant.file} → ${spec}`).toBe(true);
      }
    }
  });

  for (const plant of plants) {
    it(plant.name, () => {
      const result = results.get(plant.file);
      expect(result, plant.file).toBeDefined();
      const messages = result!.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message }));
      if (plant.boundary === null) {
        expect(messages).toEqual([]);
      } else {
        expect(messages).toEqual([{ ruleId: RULE, severity: 2, message: expect.stringContaining(`(boundary: ${plant.boundary})`) as string }]);
      }
    });
  }

  it('the test code of a feature may import test support', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }], ruleFilter: ({ ruleId }) => ruleId === RULE });
    const [result] = await eslint.lintText("import '../../test-support/factories.ts';\n", { filePath: path.join(root, `apps/server/src/features/citizens/${tag}.db.test.ts`) });
    expect(result!.messages).toEqual([]);
  });
});
