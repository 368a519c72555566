// @ts-check
import fs from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * Import boundaries (ARCHITECTURE.md, "Dependency direction"), checked on the resolved path of
 * every import, export … from and import() by import-x/no-restricted-paths. Paths are from the
 * repository root; tests/lint/import-boundaries.test.ts plants one violation of each.
 */
const root = import.meta.dirname;
const serverFeatures = 'apps/server/src/features';
const features = fs.readdirSync(`${root}/${serverFeatures}`, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
/** The features that load records in bulk through the owners' `*.bulk.ts` (platform/database/bulk-write.ts). */
const bulkLoaders = ['demo', 'extracts', 'reference-data', 'scale-data'];
/** Production code: the apps' and packages' sources, but their tests and test support. */
const production = ['apps/*/src/!(test-support)/**/!(*.test).{ts,tsx}', 'apps/*/src/!(*.test).{ts,tsx}', 'packages/*/src/**/!(*.test).ts'];
const testCode = ['**/*.test.{ts,tsx}', '**/test-support/**', '**/*.test-helpers.ts', '**/fixtures/**', 'tests/**'];
export const importBoundaries = [
  // a. A feature may use another feature's services, rules, mappers and types, never its
  //    repository (its SQL) or routes. Tests included: they build rows with test-support/factories.ts.
  ...features.map((feature) => ({
    target: `${serverFeatures}/${feature}/**`,
    from: [`${serverFeatures}/!(${feature})/**/*.repository.ts`, `${serverFeatures}/!(${feature})/**/*.routes.ts`],
    message: `A feature imports another feature's service, rules or types, never its repository or routes (boundary: feature-internals).`,
  })),
  // f. An owner's bulk writes (`<feature>.bulk.ts`) are for the bulk loaders alone.
  {
    target: `${serverFeatures}/!(${bulkLoaders.join('|')})/**`,
    from: `${serverFeatures}/*/*.bulk.ts`,
    message: `Only the bulk loaders (${bulkLoaders.join(', ')}) use an owner's bulk writes; other features call its services (boundary: bulk-writes).`,
  },
  // b.
  { target: 'apps/server/src/platform', from: serverFeatures, message: 'platform imports no feature (boundary: platform).' },
  // c.
  { target: production, from: testCode, message: 'Production code imports no test code (boundary: test-code).' },
  // d.
  { target: 'apps/web/src/ui', from: ['apps/web/src/features', 'apps/web/src/pages'], message: 'Web ui/ imports no feature or page (boundary: web-ui).' },
  // e.
  { target: 'apps/web', from: 'apps/server', message: 'The web app imports no server code; share it through packages/contracts (boundary: web-server).' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'scratch/**', 'test-artifacts/**', '.test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', '.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify handlers are async by contract even when they have nothing to await.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/index', '**/index.ts'], message: 'Import from the file, not a barrel.' }] }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: importBoundaries }] },
  },
  {
    // Tests read untyped JSON bodies (inject().json()); asserting on them is the point.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
