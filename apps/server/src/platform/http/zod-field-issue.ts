import { propertyOf } from '@samkraft/contracts/typed';
import { fieldErrorCodes, type FieldErrorCode, type FieldErrorParams } from '@samkraft/contracts/common';

/** A zod issue as zod reports it, or as fastify-type-provider-zod spreads it into `params`. */
export type ZodIssueLike = { readonly code: string };

const knownCodes: ReadonlySet<string> = new Set(fieldErrorCodes);

function isKnownCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && knownCodes.has(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
}

/**
 * Whether the input has no value at a zod path: absent, null, or an empty text (forms send an
 * unchosen option or an empty date as '').
 */
export function isMissingAt(input: unknown, path: readonly PropertyKey[]): boolean {
  const value = valueAt(input, path);
  return value === undefined || value === null || value === '';
}

/** The value at a zod path in the input. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = propertyOf(at, key);
  }
  return at;
}

/**
 * A zod issue's field error code (and the numbers its text needs). `missing` says the input had
 * no value there (`isMissingAt`): zod 4 drops the input from its issues, so only the caller can
 * tell that a wrong-type issue is really a missing field.
 */
export function fieldCodeOfZodIssue(zodIssue: ZodIssueLike, missing: boolean): { code: FieldErrorCode; params?: FieldErrorParams } {
  // zod's issue types are a union without an index signature; read the keys each code has.
  const issue = zodIssue;
  // Refinements name their code in `params: { code }` (e.g. `calendarDate`); that code wins.
  // Its other params that are numbers or texts are what the code's text interpolates.
  const ownParams = issue.code === 'custom' ? propertyOf(issue, 'params') : undefined;
  const own = propertyOf(ownParams, 'code');
  if (isKnownCode(own)) {
    const entries: [string, unknown][] = typeof ownParams === 'object' && ownParams !== null ? Object.entries(ownParams) : [];
    const params = entries.filter((e): e is [string, string | number] => e[0] !== 'code' && (typeof e[1] === 'string' || typeof e[1] === 'number'));
    return params.length > 0 ? { code: own, params: Object.fromEntries(params) } : { code: own };
  }
  // Whatever zod says about an absent value (wrong type, not an option, a refinement on the
  // object naming the field), the person filling in the form left it out.
  if (missing && issue.code !== 'unrecognized_keys') return { code: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'invalid_type' };
    case 'too_small': {
      const minimum = num(propertyOf(issue, 'minimum'));
      if (minimum === undefined) return { code: 'invalid' };
      // `.positive()` is `> 0`: say the least value that passes, for integers at least.
      const least = propertyOf(issue, 'inclusive') === false && Number.isInteger(minimum) ? minimum + 1 : minimum;
      switch (propertyOf(issue, 'origin')) {
        case 'string':
          // An empty text (after trim) is a missing one to the person filling in the form.
          return least <= 1 ? { code: 'required' } : { code: 'too_short', params: { minimum: least } };
        case 'array':
        case 'set':
          return { code: 'too_few', params: { minimum: least } };
        default:
          return { code: 'too_small', params: { minimum: least } };
      }
    }
    case 'too_big': {
      const maximum = num(propertyOf(issue, 'maximum'));
      if (maximum === undefined) return { code: 'invalid' };
      const most = propertyOf(issue, 'inclusive') === false && Number.isInteger(maximum) ? maximum - 1 : maximum;
      switch (propertyOf(issue, 'origin')) {
        case 'string':
          return { code: 'too_long', params: { maximum: most } };
        case 'array':
        case 'set':
          return { code: 'too_many', params: { maximum: most } };
        default:
          return { code: 'too_big', params: { maximum: most } };
      }
    }
    case 'invalid_format':
      return { code: propertyOf(issue, 'format') === 'date' ? 'invalid_date' : 'invalid_format' };
    case 'invalid_value':
      return { code: 'invalid_value' };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    default:
      return { code: 'invalid' };
  }
}
