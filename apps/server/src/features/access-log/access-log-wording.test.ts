import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePurpose, describeRead, notShownActions, readActionWording } from './access-log-wording.ts';

/*
 * Every audit action the server writes has plain words in the access log, or is said not to be a
 * read. The actions are found in the source: every dotted lower-case string literal of the
 * production code outside repositories (SQL), less what is plainly not an action — a table's
 * `table.column` (value lists, field names), an alias's `x.column`, a file name, an assessment
 * item's code. A new action with neither wording nor a reason fails here.
 */

const serverSrc = path.resolve(import.meta.dirname, '../..');

function productionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'test-support' || d.name === 'fixtures' ? [] : productionFiles(p);
    return /\.ts$/.test(d.name) && !/\.test\.ts$|\.repository\.ts$|\.bulk\.ts$|^schema\.ts$/.test(d.name) ? [p] : [];
  });
}

/** Each table's columns, from the generated schema: `table.column` literals are field names, not actions. */
function tableColumns(): Set<string> {
  const schema = fs.readFileSync(path.join(serverSrc, 'platform/database/schema.ts'), 'utf8');
  const interfaces = new Map<string, string[]>();
  for (const m of schema.matchAll(/export interface (\w+) \{([^}]*)\}/g)) interfaces.set(m[1]!, [...m[2]!.matchAll(/^\s+(\w+)\??:/gm)].map((c) => c[1]!));
  const out = new Set<string>();
  for (const m of /export interface DB \{([^}]*)\}/.exec(schema)![1]!.matchAll(/^\s+(\w+): (\w+);/gm)) for (const c of interfaces.get(m[2]!) ?? []) out.add(`${m[1]}.${c}`);
  return out;
}

const itemAreas = /^(physical|psychological|social|practical|existential|work_economy|relatives)\./;
const notActions = new Set([
  // FHIR paths, claim names, config keys and demo user names that happen to be dotted.
  'acknowledged.sender', 'activity.coding', 'attachment.data', 'attachment.title', 'author.family', 'author.phone', 'class.code', 'dk.cpr', 'entity.role',
  'excluded.title_da', 'excluded.title_en', 'excluded.uncertain', 'identifier.system', 'patient.identifier', 'patient.identifier.value', 'period.start',
  'response.code', 'response.details', 'response.identifier', 'source.endpoint', 'text.status', 'topic.text', 'us.gln', 'us.sor', 'share.diagnosis',
  'citizen.cpr', 'samkraft.admin', 'samkraft.extract_import', 'audit_event.outcome', 'ballerup.koordinator', 'gentofte.kontakt', 'gentofte.terapeut',
  'gladsaxe.kontakt', 'gladsaxe.leder', 'gladsaxe.terapeut', 'gladsaxe.tilsyn', 'herlev.kontakt', 'herlev.terapeut',
  // oidc-provider's event names, which the demo identity provider reports to the server log.
  'authorization.error', 'grant.error', 'userinfo.error', 'end_session.error', 'backchannel.error',
  // A field name of staff sign-in's back-channel logout (features/auth).
  'body.logout_token',
]);

function auditActionsInSource(): string[] {
  const columns = tableColumns();
  const found = new Set<string>();
  for (const file of productionFiles(serverSrc)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/'([a-z][a-z_]*(?:\.[a-z_]+)+)'/g)) {
      const s = m[1]!;
      if (/^[a-z]{1,2}\./.test(s) || /\.(pdf|json|xml|html)$/.test(s) || itemAreas.test(s) || notActions.has(s) || columns.has(s)) continue;
      found.add(s);
    }
  }
  return [...found].sort();
}

describe('the access log’s wording', () => {
  it('finds the actions in the source (the scan works)', () => {
    const actions = auditActionsInSource();
    expect(actions).toEqual(expect.arrayContaining(['course.read', 'citizen.read', 'citizen_portal.my_course', 'kl_gateway.export', 'access_log.read', 'my_data.export']));
  });

  it('has plain words for every read and a reason for every other action', () => {
    const missing = auditActionsInSource().filter((a) => !(a in readActionWording) && !(a in notShownActions));
    expect(missing, 'audit actions with no wording: add them to readActionWording (a read) or notShownActions').toEqual([]);
  });

  it('lists no action both as a read and as not shown, and words every read in both languages', () => {
    expect(Object.keys(readActionWording).filter((a) => a in notShownActions)).toEqual([]);
    for (const [action, words] of Object.entries(readActionWording)) {
      expect(words.da.trim(), action).not.toBe('');
      expect(words.en.trim(), action).not.toBe('');
    }
  });

  it('derives a plain purpose when the row has none, and words the known codes', () => {
    expect(describePurpose(null, 'staff').da).toBe('behandling af dit forløb');
    expect(describePurpose(null, 'citizen').da).toBe('du så selv dine oplysninger');
    expect(describePurpose('home', 'citizen').da).toBe('du så selv dine oplysninger');
    expect(describePurpose('citizen_request', 'citizen').da).toBe('du bad selv om at se dine oplysninger');
    expect(describePurpose(null, 'system').en).toBe('the system’s automatic processing');
    expect(describePurpose('home', 'staff').da).toBe('behandling af dit forløb i din kommune');
    expect(describePurpose('kl_gateway_SUL140', 'staff').da).toContain('KL');
    expect(describePurpose('Skriftlig anmodning: j.nr. 12', 'staff').da).toBe('Skriftlig anmodning: j.nr. 12');
    expect(describeRead('course.read')).toEqual({ da: 'dit forløb', en: 'your course' });
  });
});
