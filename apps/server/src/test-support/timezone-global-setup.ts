/**
 * Vitest globalSetup: refuses to run unless the process runs in the time zone the run asked
 * for — UTC, or SAMKRAFT_TEST_TZ for the Copenhagen rerun of the date tests. Date code that
 * only passes in one zone is the bug this catches, so the zone must be set, not assumed.
 */
export function setup(): void {
  const expected = process.env.SAMKRAFT_TEST_TZ ?? 'UTC';
  const actual = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const sameZone = actual === expected || (expected === 'UTC' && (actual === 'Etc/UTC' || actual === 'Etc/Universal'));
  if (process.env.TZ !== expected || !sameZone) {
    throw new Error(
      `tests must run with TZ=${expected}, but TZ=${process.env.TZ ?? '(unset)'} and the zone in use is ${actual}; run them with npm test`,
    );
  }
}
