import fc from 'fast-check';
import type { JsonSchema, Operation } from './fuzz-requests.ts';
import type { Example } from './access-policy.ts';

/**
 * One well-formed request per route for the access policy test (access-policy.db.test.ts): path
 * ids and body ids from the fixture by parameter or field name, every other value the first one
 * its JSON schema accepts (the first enum option, the fixture's date, a short text). Deterministic:
 * the same request every run. Where a rule the schema cannot say refuses it, the table gives an
 * `example`.
 */

export const TODAY = '2026-11-22';
const DATE = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/;
const TIME = '^([01]\\d|2[0-3]):[0-5]\\d$';
const PHONE = '^\\+?[0-9][0-9 ]{6,18}[0-9]$';

/** A value the schema accepts; `name` is the field's, to find the fixture's id or code by. */
export function sampleValue(s: JsonSchema | undefined, ids: Record<string, string>, name = ''): unknown {
  if (!s) return null;
  if (s.const !== undefined) return s.const;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return sampleValue(alternatives.find((a) => a.type !== 'null') ?? alternatives[0], ids, name);
  if (s.allOf?.length) return sampleValue(s.allOf[0], ids, name);
  switch (s.type) {
    case 'string':
      return sampleString(s, ids, name);
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Infinity);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleValue(s.items, ids, name.replace(/s$/, '')));
    case 'object': {
      const required = new Set(s.required ?? []);
      // Required fields, and an optional id the fixture has (a cross-referral, an offering).
      const keys = Object.keys(s.properties ?? {}).filter((k) => required.has(k) || ids[k] !== undefined);
      return Object.fromEntries(keys.map((k) => [k, sampleValue(s.properties?.[k], ids, k)]));
    }
    case 'null':
    case undefined:
      return null;
  }
}

function sampleString(s: JsonSchema, ids: Record<string, string>, name: string): string {
  const known = ids[name];
  if (s.enum) return String(s.enum.includes(known) ? known : s.enum[0]);
  if (known !== undefined) return known;
  if (s.format === 'uuid') return '7d1c3f0e-0000-4000-8000-000000000000';
  if (s.format === 'date-time') return `${TODAY}T09:00:00Z`;
  if (s.format === 'email') return 'test@example.org';
  if (s.pattern && DATE.test(s.pattern)) return TODAY;
  if (s.pattern === TIME) return '09:00';
  if (s.pattern === PHONE) return '+45 44 55 66 77';
  if (s.pattern === '^\\d{3,4}$' || s.pattern === '^\\d{4}$') return ids.municipalityCode ?? '0159';
  if (s.pattern) return fc.sample(fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? 64)), { seed: 1, numRuns: 1 })[0] ?? '';
  const text = 'Syntetisk tekst';
  return text.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? text.length);
}

export type PolicyRequest = { method: string; url: string; payload?: unknown; headers?: Record<string, string> };

/** The request for one route and one relation's ids; what is missing is named in `missing`. */
export function requestFor(method: string, path: string, op: Operation | undefined, ids: Record<string, string>, example: Example): PolicyRequest & { missing: string[] } {
  const missing: string[] = [];
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = example.path?.[name] ?? ids[name];
    if (v === undefined) missing.push(`path ${name}`);
    return encodeURIComponent(v ?? 'missing');
  });
  const query = new URLSearchParams();
  for (const p of (op?.parameters ?? []).filter((x) => x.in === 'query')) {
    const given = example.query?.[p.name];
    if (given !== undefined) query.set(p.name, given);
    else if (p.required) query.set(p.name, String(sampleValue(p.schema, ids, p.name)));
  }
  for (const [k, v] of Object.entries(example.query ?? {})) query.set(k, v);
  const qs = query.toString();
  const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
  const payload = example.body !== undefined ? example.body : bodySchema ? sampleValue(bodySchema, ids) : undefined;
  return { method: method.toUpperCase(), url: qs ? `${url}?${qs}` : url, ...(payload === undefined ? {} : { payload }), missing };
}
