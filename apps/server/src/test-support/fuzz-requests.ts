import fc from 'fast-check';

/**
 * Requests for the API fuzz test (api-fuzz.db.test.ts), made from the OpenAPI document: each
 * value follows its schema most of the time — known ids, enum options, dates — and is something
 * an attacker or a broken client sends the rest: impossible dates, NUL characters, huge texts,
 * wrong types, missing fields, unknown ids.
 */

export type JsonSchema = {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export type Parameter = { in: string; name: string; required?: boolean; schema?: JsonSchema };
export type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

/** What the test's database holds, so some requests reach past "not found" into the services. */
export type KnownValues = {
  ids: string[];
  /** The id a parameter or field of that name most likely wants (`courseId` → the course). */
  idsByName: Record<string, string>;
  codes: string[];
  texts: string[];
};

export type FuzzRequest = { method: string; url: string; payload?: unknown };

const huge = 'x'.repeat(70_000);
const impossibleDates = ['2017-02-30', '2017-13-01', '2017-00-10', '2019-02-29', '0000-00-00', '9999-99-99'];
const edgeDates = ['0001-01-01', '1899-12-31', '2016-02-29', '2017-01-01', '2026-11-20', '2026-11-22', '2027-03-01', '9999-12-31'];
const nasty: readonly unknown[] = [
  ...impossibleDates,
  'a\u0000b',
  '\u0000',
  huge,
  '',
  ' ',
  '\u{1F600}\uD800',
  -1,
  0,
  1.5,
  2_147_483_648,
  9_007_199_254_740_991,
  1e300,
  -1e300,
  true,
  null,
  [],
  {},
  [null],
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '../../etc/passwd',
  "' or 1=1 --",
];

const randomUuid = fc.uuid({ version: 4 });
const isDate = (s: JsonSchema) => s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';

/** The known id for that name three times in four; any id of the database or none else. */
function idArb(name: string, known: KnownValues): fc.Arbitrary<string> {
  const own = known.idsByName[name];
  const any = fc.oneof(fc.constantFrom(...known.ids), randomUuid);
  return own ? fc.oneof({ arbitrary: fc.constant(own), weight: 3 }, { arbitrary: any, weight: 1 }) : any;
}

/** A string the schema accepts (as far as its JSON Schema tells). */
function cleanStringArb(s: JsonSchema, known: KnownValues, name: string): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (isDate(s)) return fc.constantFrom('2017-03-01', '2026-11-02', '2026-11-20', '2026-11-22');
  if (s.format === 'uuid') return idArb(name, known);
  const max = Math.min(s.maxLength ?? 30, 30);
  const min = Math.min(Math.max(s.minLength ?? 0, 1), max);
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity));
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.constantFrom(...known.codes, ...known.texts).filter((v) => v.length >= min));
}

function stringArb(s: JsonSchema, known: KnownValues, name: string): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (isDate(s)) return fc.oneof(fc.constantFrom(...edgeDates), fc.constantFrom(...impossibleDates));
  if (s.format === 'uuid') return idArb(name, known);
  const max = Math.min(s.maxLength ?? 40, 40);
  const min = Math.min(s.minLength ?? 0, max);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.constantFrom(...known.codes, ...known.texts),
    fc.constantFrom(s.maxLength !== undefined ? 'y'.repeat(s.maxLength) : huge, 'en note\u0000', '\u0000'),
  );
}

function numberArb(s: JsonSchema): fc.Arbitrary<unknown> {
  const min = Math.max(s.minimum ?? -1000, -1_000_000);
  const max = Math.min(s.maximum ?? 1000, 1_000_000);
  return s.type === 'integer' ? fc.integer({ min, max: Math.max(min, max) }) : fc.double({ min, max: Math.max(min, max), noNaN: true });
}

/** A value for `schema`: plausible three times in four, nasty the fourth. */
export function valueArb(schema: JsonSchema | undefined, known: KnownValues, depth = 0, name = ''): fc.Arbitrary<unknown> {
  const nastyValue = fc.constantFrom(...nasty);
  if (!schema || depth > 5) return nastyValue;
  const plausible = plausibleArb(schema, known, depth, name);
  return fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: nastyValue, weight: 1 });
}

/** A value the schema accepts, as far as its JSON Schema tells (refinements it cannot). */
export function cleanArb(s: JsonSchema | undefined, known: KnownValues, depth = 0, name = ''): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => cleanArb(a, known, depth + 1, name)));
  if (s.allOf?.length) return cleanArb(s.allOf[0], known, depth + 1, name);
  switch (s.type) {
    case 'string':
      return cleanStringArb(s, known, name);
    case 'integer':
    case 'number':
      return numberArb(s);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const min = s.minItems ?? 0;
      return fc.array(cleanArb(s.items, known, depth + 1, name.replace(/s$/, '')), { minLength: min, maxLength: Math.max(min, Math.min(s.maxItems ?? 2, 2)) });
    }
    case 'object': {
      const required = s.required ?? [];
      const model = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, cleanArb(v, known, depth + 1, k)]));
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    }
    case 'null':
    case undefined:
      return fc.constant(null);
  }
}

/** Every leaf (text, number, true/false, null) of a JSON value, as a path. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]));
  return [at];
}

/** A valid value with one leaf made nasty: what reaches past validation into a service. */
export function oneNastyLeafArb(s: JsonSchema | undefined, known: KnownValues): fc.Arbitrary<unknown> {
  return fc.tuple(cleanArb(s, known), fc.nat(), fc.constantFrom(...nasty)).map(([value, pick, bad]) => {
    const paths = leafPaths(value);
    const path = paths[pick % paths.length];
    if (!path || path.length === 0) return bad;
    const copy = structuredClone(value) as Record<string | number, unknown>;
    let at: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1]!] = bad;
    return copy;
  });
}

function plausibleArb(s: JsonSchema, known: KnownValues, depth: number, name: string): fc.Arbitrary<unknown> {
  const inner = (): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((a) => plausibleArb(a, known, depth + 1, name)));
    if (s.allOf?.length) return plausibleArb(s.allOf[0]!, known, depth + 1, name);
    switch (s.type) {
      case 'string':
        return stringArb(s, known, name);
      case 'integer':
      case 'number':
        return numberArb(s);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valueArb(s.items, known, depth + 1, name.replace(/s$/, '')), { maxLength: Math.min(s.maxItems ?? 3, 3) });
      case 'object':
        return objectArb(s, known, depth);
      case 'null':
      case undefined:
        return fc.constantFrom(...nasty);
    }
  };
  return s.nullable ? fc.oneof(inner(), fc.constant(null)) : inner();
}

function objectArb(s: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueArb(v, known, depth + 1, k)]));
  // A required field is left out one time in ten ("missing fields").
  const present = fc.record(model, { requiredKeys: [] });
  return fc.tuple(present, fc.boolean(), fc.integer({ min: 0, max: 9 })).map(([value, all, dropOne]) => {
    const out: Record<string, unknown> = { ...value };
    if (all) for (const k of required) if (!(k in out)) out[k] = null;
    if (dropOne === 0 && required.size > 0) delete out[[...required][0]!];
    return out;
  });
}

/** A query or path value: a string, as in a URL. */
function urlValueArb(p: Parameter, known: KnownValues): fc.Arbitrary<string> {
  const s = p.schema ?? {};
  const fromSchema =
    s.format === 'uuid' || /id$/i.test(p.name)
      ? idArb(p.name, known)
      : /code$/i.test(p.name)
        ? fc.constantFrom(...known.codes)
        : valueArb(s, known, 0, p.name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''));
  return fc.oneof({ arbitrary: fromSchema.map(String), weight: 3 }, { arbitrary: fc.constantFrom(...nasty).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), weight: 1 });
}

/** Requests for one operation of the document. */
export function requestArb(method: string, path: string, op: Operation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const pathArb = fc.tuple(...pathParams.map((p) => urlValueArb(p, known)));
  const queryArb = fc.tuple(...queryParams.map((p) => fc.option(urlValueArb(p, known), { nil: undefined, freq: 3 })));
  const bodyArb = bodySchema ? fc.oneof(valueArb(bodySchema, known), oneNastyLeafArb(bodySchema, known), cleanArb(bodySchema, known)) : fc.constant(undefined);
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pathValues, queryValues, payload]) => {
    let url = path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, encodeURIComponent((pathValues[i] ?? '').replace(/[\uD800-\uDFFF]/g, '\uFFFD')));
    });
    const query = new URLSearchParams();
    queryParams.forEach((p, i) => {
      const v = queryValues[i];
      if (v !== undefined) query.set(p.name, v);
    });
    const qs = query.toString();
    return { method: method.toUpperCase(), url: qs ? `${url}?${qs}` : url, ...(bodySchema ? { payload } : {}) };
  });
}

/** A request shortened for a failure message (huge texts cut). */
export function describeRequest(r: FuzzRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s);
  return `${r.method} ${cut(r.url)}${r.payload === undefined ? '' : ` ${cut(JSON.stringify(r.payload) ?? 'undefined')}`}`;
}
