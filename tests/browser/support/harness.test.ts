import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './check-accessibility.ts';
import { launchBrowser } from './launch-browser.ts';
import { screenshot } from './screenshot.ts';

// Checks the harness itself against a tiny server of its own, so that a failing journey test
// is about Samkraft, not about the tools.

const strictCsp = "default-src 'self'; script-src 'self'";
const pages: Record<string, string> = {
  '/good': '<!doctype html><html lang="da"><head><title>God side</title></head><body><main><h1>Hej</h1><img src="/x.png" alt="Logo"></main></body></html>',
  '/bad': '<!doctype html><html lang="da"><head><title>Dårlig side</title></head><body><main><h1>Hej</h1><img src="/x.png"><button></button></main></body></html>',
};

describe('browser test harness', () => {
  let server: http.Server;
  let port: number;
  let browser: Browser;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/set') {
        // What a production session cookie looks like: Secure, HttpOnly, SameSite.
        res.setHeader('Set-Cookie', 'sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax');
        res.end('set');
      } else if (req.url === '/echo') {
        res.setHeader('Content-Type', 'text/plain');
        res.end(req.headers.cookie ?? '');
      } else if (req.url && pages[req.url]) {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Content-Security-Policy', strictCsp);
        res.end(pages[req.url]);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each(['127.0.0.1', 'localhost'])('keeps a Secure cookie over plain http://%s', async (host) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`http://${host}:${port}/set`);
      const cookies = await context.cookies();
      expect(cookies.map((c) => [c.name, c.secure])).toEqual([['sid', true]]);
      await page.goto(`http://${host}:${port}/echo`);
      expect(await page.textContent('body')).toBe('sid=abc');
    } finally {
      await context.close();
    }
  });

  it('finds nothing serious on an accessible page, even under a strict Content-Security-Policy', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${port}/good`);
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('reports the serious and critical violations of an inaccessible page readably', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${port}/bad`);
      const violations = await checkAccessibility(page);
      expect(violations.map((v) => v.id).sort()).toEqual(['button-name', 'image-alt']);
      const text = formatViolations(violations);
      expect(text).toContain('[critical] image-alt');
      expect(text).toContain('<img src="/x.png">');
    } finally {
      await page.close();
    }
  });

  it('saves screenshots under test-artifacts/screenshots', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${port}/good`);
      const file = await screenshot(page, 'harness good page');
      expect(file).toMatch(/test-artifacts\/screenshots\/harness-good-page\.png$/);
      expect(fs.statSync(file).size).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
