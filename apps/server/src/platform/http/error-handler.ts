import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError, ErrorCode } from '@samkraft/contracts/common';
import { propertyOf } from '@samkraft/contracts/typed';
import { isDatabaseUnavailable, isStatementTimeout, isUniqueViolation, sqlState } from '../database/database.ts';
import { AppError, httpStatusOf, type FieldIssue } from '../errors.ts';
import { fieldCodeOfZodIssue, isMissingAt } from './zod-field-issue.ts';

/** Turns `/items/0/name` into `items[0].name`; an empty path names the request part itself. */
function fieldName(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  const path = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  const prefix = context === 'querystring' ? 'query' : context === 'params' ? 'params' : context === 'headers' ? 'headers' : '';
  if (!path) return prefix || 'body';
  return prefix ? `${prefix}.${path}` : path;
}

/** One issue of fastify-type-provider-zod: the zod issue's code as `keyword`, the rest in `params`. */
export type SchemaIssue = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

/** The part of the request a schema checked, to see whether a refused field was sent at all. */
function requestPart(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

/** A schema issue as the API's field issue: named field, machine code, English message. */
export function fieldIssueOfSchemaIssue(context: string | undefined, v: SchemaIssue, input: unknown): FieldIssue {
  const path = v.instancePath.split('/').filter(Boolean);
  const { code, params } = fieldCodeOfZodIssue({ ...v.params, code: v.keyword }, isMissingAt(input, path));
  // Unknown keys (strict objects) are reported on the object; name each key itself.
  const keys = v.params?.keys;
  if (v.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
    const base = fieldName(context, v.instancePath);
    return { field: keys.map((k) => (base === 'body' ? String(k) : `${base}.${String(k)}`)).join(', '), code, message: 'is not a known field' };
  }
  return { field: fieldName(context, v.instancePath), code, message: v.message ?? 'is invalid', ...(params ? { params } : {}) };
}

const UNIQUE_CONFLICT = 'Nogen har gemt det samme i samme øjeblik. Indlæs siden igen, og se om det stadig skal gemmes. (Someone saved the same thing at the same moment; reload and check.)';
const TIMED_OUT = 'Databasen kunne ikke svare i tide, og forespørgslen blev afbrudt. Prøv igen om lidt, eller afgræns forespørgslen (fx en kortere periode). (The database did not answer in time; the request was cancelled.)';
const UNAVAILABLE = 'Databasen kan ikke nås eller kan ikke gemme lige nu. Intet blev gemt. Prøv igen om lidt. (The database is unavailable or cannot write; nothing was saved.)';

function body(code: ErrorCode, message: string, fields: FieldIssue[] = []): ApiError {
  return { error: { code, message, fields } };
}

/** The one place errors become HTTP. Services never know about status codes. */
export function handleError(err: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof AppError) {
    if (err.code === 'internal') request.log.error({ err }, 'internal error');
    return reply.status(httpStatusOf[err.code]).send(body(err.code, err.message, err.fields));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = err.validationContext;
    const fields = (err.validation as SchemaIssue[]).map((v) => fieldIssueOfSchemaIssue(context, v, requestPart(request, context)));
    return reply.status(400).send(body('validation', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields));
  }
  if (isResponseSerializationError(err)) {
    request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    return reply.status(500).send(body('internal', 'Internal error'));
  }
  const statusCode = propertyOf(err, 'statusCode');
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large.
    const feCode = propertyOf(err, 'code');
    const field = feCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'content-type' : 'body';
    const fieldCode = feCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'invalid_content_type' : feCode === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large' : 'invalid_body';
    const code = statusCode === 429 ? 'rate_limited' : 'validation';
    return reply.status(statusCode).send(body(code, err.message, code === 'validation' ? [{ field, code: fieldCode, message: err.message }] : []));
  }
  if (isUniqueViolation(err)) {
    // Two requests saved the same thing at once and a unique key took the first; the service
    // says more where it knows the case (e.g. a course's contact person).
    request.log.warn({ err, constraint: propertyOf(err, 'constraint') }, 'unique key refused a concurrent write');
    return reply.status(409).send(body('conflict', UNIQUE_CONFLICT));
  }
  if (isDatabaseUnavailable(err)) {
    // A statement over DATABASE_STATEMENT_TIMEOUT_MS, or the database unreachable, restarting or
    // full: the request can be tried again (a timed-out one narrowed: a shorter period).
    request.log.warn({ err, sqlState: sqlState(err) }, 'database unavailable');
    return reply
      .status(503)
      .header('retry-after', '5')
      .send(body('unavailable', isStatementTimeout(err) ? TIMED_OUT : UNAVAILABLE));
  }
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send(body('internal', 'Internal error'));
}
