// Test only: moves the wall clock of a test run to another day, so that a test which silently
// depends on the day it was written fails on any run, not once a month.
//
// `SAMKRAFT_TEST_NOW=<ISO instant>` pins "now" at the start of the run; time then runs on at its
// normal pace (timeouts, session expiry and ordering by time behave as usual).
// `SAMKRAFT_TEST_NOW_FROM=<epoch ms>` is the real instant the pin refers to; the test script sets
// it once so that every process of the run (vitest workers, the servers the browser tests start,
// the browsers' pages) shares one offset. Loaded with `node --import` through NODE_OPTIONS, and as
// an init script in every browser context (tests/browser/support/launch-browser.ts).
//
// Only `Date` moves: `performance.now()` and `process.hrtime()` stay real, and so does a PostgreSQL
// server's own `now()` (PGlite runs in this process and follows the pinned clock).

/** The offset in milliseconds from the real clock, or undefined when no pin is asked for. */
export function pinnedOffsetMs(env = process.env) {
  const at = env.SAMKRAFT_TEST_NOW;
  if (!at) return undefined;
  const target = Date.parse(at);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(target)) {
    throw new Error(`SAMKRAFT_TEST_NOW must be an ISO 8601 instant such as 2026-12-31T10:00:00Z, not ${JSON.stringify(at)}`);
  }
  const from = env.SAMKRAFT_TEST_NOW_FROM ? Number(env.SAMKRAFT_TEST_NOW_FROM) : Date.now();
  if (!Number.isFinite(from)) throw new Error(`SAMKRAFT_TEST_NOW_FROM must be epoch milliseconds, not ${JSON.stringify(env.SAMKRAFT_TEST_NOW_FROM)}`);
  return target - from;
}

/**
 * Replaces `scope.Date` by one that runs `offsetMs` ahead of the real clock. Self-contained (no
 * outer references), because it is also sent to browsers as source text.
 */
export function installPinnedClock(offsetMs, scope) {
  const marker = '__samkraftPinnedClock';
  if (scope[marker] !== undefined) return;
  const RealDate = scope.Date;
  const now = () => RealDate.now() + offsetMs;
  const Pinned = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === Pinned ? target : newTarget);
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, property, receiver) {
      if (property === 'now') return now;
      return Reflect.get(target, property, receiver);
    },
  });
  Object.defineProperty(scope, marker, { value: offsetMs, enumerable: false });
  scope.Date = Pinned;
}

/** Source text that pins a browser page's clock the same way, or undefined without a pin. */
export function pinnedClockInitScript(env = process.env) {
  const offset = pinnedOffsetMs(env);
  if (offset === undefined) return undefined;
  return `(${installPinnedClock.toString()})(${offset}, globalThis);`;
}

const offset = pinnedOffsetMs();
if (offset !== undefined) installPinnedClock(offset, globalThis);
