import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

export type AccessibilityViolation = {
  id: string;
  impact: ImpactValue;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; failureSummary: string }[];
};

export type CheckAccessibilityOptions = {
  /** CSS selectors to leave out, e.g. a third-party widget. */
  exclude?: string[];
  /** axe rule tags; WCAG 2.0–2.2 A and AA by default (the Danish public-sector requirement is 2.1 AA). */
  tags?: string[];
  /** Which violations count: serious and critical (the default), or every one whatever its impact (the citizen pages). */
  impacts?: 'serious' | 'all';
};

const DEFAULT_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource: string | undefined;

/**
 * Runs axe-core in the page and returns the serious and critical violations (an empty list is a
 * pass). Use with `formatViolations` so a failure says what is wrong and where:
 * `expect(violations, formatViolations(violations)).toEqual([])`.
 */
export async function checkAccessibility(page: Page, options: CheckAccessibilityOptions = {}): Promise<AccessibilityViolation[]> {
  // Evaluated over the DevTools protocol, which a Content-Security-Policy does not block
  // (a <script> tag would be).
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: options.tags ?? DEFAULT_TAGS }, resultTypes: ['violations'] };
  const context = options.exclude?.length ? { exclude: options.exclude } : undefined;
  const results = await page.evaluate(
    async ({ runOptions, context }) => {
      // Runs in the page; this project's TypeScript has no DOM types, hence the shape below.
      const page = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> }; document: unknown };
      return page.axe.run(context ?? page.document, runOptions);
    },
    { runOptions, context },
  );
  return results.violations
    .filter((v) => options.impacts === 'all' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, failureSummary: n.failureSummary ?? '' })),
    }));
}

/** A readable account of the violations, for an assertion message. */
export function formatViolations(violations: AccessibilityViolation[]): string {
  if (violations.length === 0) return 'no serious or critical accessibility violations';
  const lines = [`${violations.length} serious or critical accessibility violations:`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`    at ${n.target}: ${n.html.length > 160 ? `${n.html.slice(0, 157)}...` : n.html}`);
      for (const s of n.failureSummary.split('\n')) if (s.trim()) lines.push(`      ${s.trim()}`);
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more elements`);
  }
  return lines.join('\n');
}
