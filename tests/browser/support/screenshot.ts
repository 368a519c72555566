import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './repo-root.ts';

export const screenshotDir = path.join(repoRoot, 'test-artifacts/screenshots');

/** Saves a full-page PNG as test-artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  const file = path.join(screenshotDir, `${safe}.png`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
