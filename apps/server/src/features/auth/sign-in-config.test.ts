import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSignInConfig, parseSignInConfig, resolveStaffSignIn, signInConfigFile } from './sign-in-config.ts';

const methodsOf = (o: Parameters<typeof resolveStaffSignIn>[0]) => [...resolveStaffSignIn(o).methods].sort();

describe('the staff sign-in methods', () => {
  it('are all on in demo mode, with the local providers', () => {
    const s = resolveStaffSignIn({ demo: true, publicUrl: 'http://localhost:3000', methods: undefined, configFile: undefined });
    expect([...s.methods].sort()).toEqual(['demo', 'oidc', 'password', 'saml']);
    expect(s.localProviders).toBe(true);
    expect(s.providers.map((p) => p.id)).toEqual(['kombit', 'gladsaxe-entra']);
  });
  it('are only the identity providers on a production server, passwords only when named, demo never', () => {
    expect(methodsOf({ demo: false, publicUrl: 'https://samkraft.example', methods: undefined, configFile: undefined })).toEqual(['oidc', 'saml']);
    expect(methodsOf({ demo: false, publicUrl: 'https://samkraft.example', methods: ['saml', 'password', 'demo'], configFile: undefined })).toEqual(['password', 'saml']);
  });
});

describe('the sign-in configuration file', () => {
  it('accepts the built-in demo configuration', () => {
    expect(signInConfigFile.safeParse(JSON.parse(JSON.stringify(demoSignInConfig('http://localhost')))).success).toBe(true);
  });
  it('names the field that is wrong', () => {
    const bad = { providers: [{ ...demoSignInConfig('http://localhost').providers[1], groups: [{ group: 'x', role: 'janitor' }] }] };
    expect(() => parseSignInConfig(JSON.stringify(bad), 'sign-in.json')).toThrow(/^sign-in\.json: providers\.0\.groups\.0\.role /);
    expect(() => parseSignInConfig('{', 'sign-in.json')).toThrow(/sign-in\.json is not JSON/);
  });
  it("refuses a staff provider the id nemlog-in (the citizens' NemLog-in sign-in has it), naming the field", () => {
    const taken = { providers: [{ ...demoSignInConfig('http://localhost').providers[0], id: 'nemlog-in' }] };
    expect(() => parseSignInConfig(JSON.stringify(taken), 'sign-in.json')).toThrow(/^sign-in\.json: providers\.0\.id is reserved for the citizens' NemLog-in sign-in/);
  });
  it('is read from the file SAMKRAFT_STAFF_SIGN_IN_CONFIG names; no local providers then', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-sign-in-'));
    const file = path.join(dir, 'sign-in.json');
    fs.writeFileSync(file, JSON.stringify({ personDataLevel: 'high', providers: [demoSignInConfig('https://samkraft.example').providers[1]] }));
    const s = resolveStaffSignIn({ demo: true, publicUrl: 'https://samkraft.example', methods: undefined, configFile: file });
    expect(s.personDataLevel).toBe('high');
    expect(s.providers.map((p) => p.id)).toEqual(['gladsaxe-entra']);
    expect(s.localProviders).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
