import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../browser/support/repo-root.ts';
import { startServer } from '../browser/support/start-server.ts';
import { demoSubject } from '../../apps/server/src/features/citizen-auth/demo-test-persons.ts';

/** Runs the server entry point to its end and returns what it said and how it exited. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const oneLine = (s: string) => s.trimEnd().split('\n');

type BuildServer = { buildServer: (outdir?: string) => Promise<void> };

/** Signs in as a demo user and returns the session cookie. */
async function demoSession(url: string, username: string): Promise<string> {
  const users = (await (await fetch(`${url}/api/auth/demo-users`)).json()) as { users: { id: string; username: string }[] };
  const user = users.users.find((u) => u.username === username);
  expect(user).toBeDefined();
  const login = await fetch(`${url}/api/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user!.id }),
  });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/**
 * A citizen's sign-in through the demo identity provider with fetch alone, as a browser does it:
 * every redirect followed by hand with the cookies each answer sets, the test person picked on
 * the provider's page. Returns where the last redirect went and the cookies then held.
 */
async function citizenSignInOverHttp(url: string, subject: string): Promise<{ landedAt: string; cookies: Map<string, string> }> {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(pair!.slice(0, at));
      else cookies.set(pair!.slice(0, at), value);
    }
  };
  let next = new URL('/borger/auth/log-ind', url);
  let body: string | undefined;
  for (let hop = 0; hop < 15; hop++) {
    const res = await fetch(next, {
      method: body === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
      ...(body === undefined ? {} : { body }),
    });
    keep(res);
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      next = new URL(location, next);
      // Back at Samkraft's own pages (not the provider, not the callback): the sign-in has ended.
      if (next.origin === url && !next.pathname.startsWith('/demo-idp') && !next.pathname.startsWith('/borger/auth/')) return { landedAt: next.pathname + next.search, cookies };
      continue;
    }
    // The provider's page listing the test persons: pick one, as the citizen's click does.
    const page = await res.text();
    const form = /<form method="post" action="([^"]+)"/.exec(page);
    expect(form, `no test person picker at ${next.pathname} (HTTP ${res.status})`).not.toBeNull();
    next = new URL(form![1]!, next);
    body = new URLSearchParams({ person: subject }).toString();
  }
  throw new Error('the sign-in did not end within 15 hops');
}

describe('start-up', { timeout: 120_000 }, () => {
  it('stops with one clear line when DATABASE_URL points at no server', async () => {
    const r = await runMain({ DATABASE_URL: 'postgres://samkraft@127.0.0.1:1/nowhere' });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^Samkraft: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nowhere: /);
  });

  it('stops with one clear line when DATABASE_URL is not a PostgreSQL URL', async () => {
    const r = await runMain({ DATABASE_URL: 'mysql://root@localhost/x' });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual(['Samkraft: configuration error: DATABASE_URL must be a postgres:// or postgresql:// URL']);
  });

  it('refuses demo users on a PostgreSQL server unless SAMKRAFT_DEMO_SERVER says it is a demo server', async () => {
    // Refused before any connection is tried: the URL points at no server.
    const r = await runMain({ DATABASE_URL: 'postgres://samkraft@127.0.0.1:1/nowhere', SAMKRAFT_DEMO: 'true' });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^Samkraft: configuration error: SAMKRAFT_DEMO=true on a PostgreSQL server .* set SAMKRAFT_DEMO_SERVER=true/);
  });

  it('stops with one clear line when the data folder cannot be created', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-file-'));
    const file = path.join(dir, 'a-regular-file');
    fs.writeFileSync(file, 'not a folder');
    const r = await runMain({ SAMKRAFT_DATA_DIR: path.join(file, 'data') });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^Samkraft: cannot create data folder .*a-regular-file\/data: ENOTDIR/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs as `npm start` runs it: the bundle answers and loads the packages left outside it', async () => {
    // Built beside apps/server/dist (in an ignored folder), so that the bundle finds the packages
    // as apps/server/dist does — apps/server/node_modules first (pdfmake lives there, not hoisted).
    const buildRoot = path.join(repoRoot, 'apps/server/.test-results');
    fs.mkdirSync(buildRoot, { recursive: true });
    const outDir = fs.mkdtempSync(path.join(buildRoot, 'server-build-'));
    try {
      const { buildServer } = (await import(path.join(repoRoot, 'scripts/build-server.mjs'))) as BuildServer;
      await buildServer(outDir);
      const server = await startServer({ entry: ['--enable-source-maps', path.join(outDir, 'main.js')] });
      try {
        expect(server.logs.some((l) => l.includes('"referenceDataSeeded":true') && l.includes('"demoSeeded":true'))).toBe(true);
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
        const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
        expect(Object.keys(openapi.paths)).toContain('/api/worklist');
        // A hospital referral is checked against MedCom's schemas beside the bundle with xmllint-wasm
        // (left outside it): the refdata XREF01 passes them and is refused only for its receiver,
        // no unit of the demo (one that fails them is refused naming the schema).
        const admin = await demoSession(server.url, 'samkraft.admin');
        const session = (await (await fetch(`${server.url}/api/auth/session`, { headers: { cookie: admin } })).json()) as { csrfToken: string };
        const xref01 = fs.readFileSync(path.join(repoRoot, 'refdata/medcom-oioxml/examples/edifactconverter_XREF01_REF01_1.xml'));
        for (const [bytes, code] of [[xref01, 'unknown_receiver'], [Buffer.from(xref01.toString('latin1').replace('elektiv', 'snarest'), 'latin1'), 'xml_schema']] as const) {
          const upload = await fetch(`${server.url}/api/draft-referrals/oioxml`, {
            method: 'POST',
            headers: { cookie: admin, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
            body: JSON.stringify({ contentBase64: bytes.toString('base64') }),
          });
          expect(((await upload.json()) as { error: { fields: { code: string }[] } }).error.fields.map((f) => f.code)).toEqual([code]);
        }
        // The worklist counts working days (date-holidays); the exports load exceljs and pdfmake.
        const contactPerson = await demoSession(server.url, 'gladsaxe.kontakt');
        const worklist = await fetch(`${server.url}/api/worklist`, { headers: { cookie: contactPerson } });
        expect(worklist.status).toBe(200);
        expect(((await worklist.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
        const coordinator = await demoSession(server.url, 'ballerup.koordinator');
        for (const [format, type] of [['xlsx', 'spreadsheetml'], ['pdf', 'application/pdf']] as const) {
          const file = await fetch(`${server.url}/api/reports/export?from=2024-01-01&to=2024-12-31&format=${format}`, { headers: { cookie: coordinator } });
          expect(file.status).toBe(200);
          expect(file.headers.get('content-type')).toContain(type);
        }
        // The placement planner solves with HiGHS (left outside the bundle) in a worker thread whose
        // file the build copies beside the bundle.
        const coordinatorSession = (await (await fetch(`${server.url}/api/auth/session`, { headers: { cookie: coordinator } })).json()) as { csrfToken: string };
        const plan = await fetch(`${server.url}/api/planning/solve`, {
          method: 'POST',
          headers: { cookie: coordinator, 'content-type': 'application/json', 'x-csrf-token': coordinatorSession.csrfToken },
          body: JSON.stringify({ municipalityCodes: ['0151', '0240', '0190', '0157', '0159', '0163', '0173', '0230', '0175'], interventionCodes: ['men_training', 'breast_training', 'lung'], compare: false, timeLimitSeconds: 30 }),
        });
        expect(plan.status).toBe(200);
        expect(((await plan.json()) as { scenarios: { status: string }[] }).scenarios[0]?.status).toBe('optimal');
        // Torre Test Mosebryggersen (demo data) signs in through the demo identity provider (oidc-provider and openid-client,
        // both bundled): the bundle once lost the provider's model names and every sign-in failed.
        const citizen = await citizenSignInOverHttp(server.url, demoSubject('0104909989'));
        expect(citizen.landedAt).toBe('/borger');
        const own = await fetch(`${server.url}/api/borger/session`, { headers: { cookie: `samkraft_borger=${citizen.cookies.get('samkraft_borger')}` } });
        expect(own.status).toBe(200);
        expect(server.logs.some((l) => l.includes('the identity provider\'s answer could not be used'))).toBe(false);
        // Staff sign-in through the local SAML IdP (node-saml, xml-crypto, xml-encryption, all bundled):
        // the SP's metadata, and a signed AuthnRequest that the local IdP accepts.
        const metadata = await fetch(`${server.url}/api/auth/saml/kombit/metadata`);
        expect(metadata.status).toBe(200);
        expect(await metadata.text()).toContain('AuthnRequestsSigned="true"');
        const toIdp = await fetch(`${server.url}/api/auth/saml/kombit/login`, { redirect: 'manual' });
        expect(toIdp.headers.get('location')).toContain('/demo-saml-idp/sso?SAMLRequest=');
        const picker = await fetch(toIdp.headers.get('location')!);
        expect(picker.status).toBe(200);
        const pick = /<form method="post" action="([^"]+)"/.exec(await picker.text())?.[1] ?? '';
        const answer = await (await fetch(`${server.url}${pick}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'account=gladsaxe-kontakt' })).text();
        const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(answer)?.[1] ?? '';
        const acs = await fetch(`${server.url}/api/auth/saml/kombit/acs`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ SAMLResponse: field('SAMLResponse'), RelayState: field('RelayState') }).toString(),
        });
        expect(acs.headers.get('location')).toBe('/');
        expect(server.logs.some((l) => l.includes('staff sign-in methods on: password, demo, saml, oidc'))).toBe(true);
      } finally {
        await server.stop();
      }
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('keeps the data over a restart and does not seed over it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-restart-'));
    const first = await startServer({ dataDir });
    const users = (await (await fetch(`${first.url}/api/auth/demo-users`)).json()) as { users: { id: string; username: string }[] };
    const contact = users.users.find((u) => u.username === 'gladsaxe.kontakt');
    expect(contact).toBeDefined();
    const login = await fetch(`${first.url}/api/auth/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: contact!.id }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(first.logs.some((l) => l.includes('"demoSeeded":true'))).toBe(true);
    expect(first.logs.some((l) => l.includes('"referenceDataSeeded":true'))).toBe(true);
    await first.stop();

    const second = await startServer({ dataDir });
    expect(second.logs.some((l) => l.includes('"demoSeeded":false'))).toBe(true);
    // The same reference data is already there: the second start does not write it again.
    expect(second.logs.some((l) => l.includes('"referenceDataSeeded":false'))).toBe(true);
    const again = (await (await fetch(`${second.url}/api/auth/demo-users`)).json()) as { users: { id: string }[] };
    expect(again.users.map((u) => u.id).sort()).toEqual(users.users.map((u) => u.id).sort());
    // The session written before the restart is still there: the data survived.
    const session = await fetch(`${second.url}/api/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    await second.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
