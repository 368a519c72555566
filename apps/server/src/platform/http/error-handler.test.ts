import { calendarDate, text } from '@samkraft/contracts/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { handleError } from './error-handler.ts';
import { fieldCodeOfZodIssue } from './zod-field-issue.ts';

type Body = { error: { code: string; message: string; fields: { field: string; code: string; message: string; params?: Record<string, string | number> }[] } };

const body = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(5),
  password: z.string().min(12).optional(),
  kind: z.enum(['a', 'b']),
  on: calendarDate.optional(),
  code: z.string().regex(/^\d{4}$/).optional(),
  count: z.number().int().positive().max(10).optional(),
  tags: z.array(z.string()).min(1).max(2).optional(),
  note: z.string().optional(),
  remark: text.max(20).optional(),
});

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post('/things/:id', { schema: { params: z.strictObject({ id: z.uuid() }), body } }, () => ({ ok: true }));
  typed.get('/old', () => {
    throw AppError.validation([{ field: 'x', message: 'is odd' }]);
  });
  typed.get('/db/:kind', (request) => {
    throw databaseErrors[(request.params as { kind: string }).kind] ?? new Error('no such kind');
  });
  await app.ready();
});

/** Errors as the PostgreSQL client and PGlite throw them. */
const withCode = (message: string, code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });
const databaseErrors: Record<string, Error> = {
  unique: withCode('duplicate key value violates unique constraint "course_assignment_current_key"', '23505', { constraint: 'course_assignment_current_key' }),
  timeout: withCode('canceling statement due to statement timeout', '57014'),
  refused: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
  terminated: new Error('Connection terminated unexpectedly'),
  poolTimeout: new Error('timeout exceeded when trying to connect'),
  diskFull: withCode('could not extend file "base/16384/16385": No space left on device', '53100'),
  readOnly: withCode('cannot execute INSERT in a read-only transaction', '25006'),
  shutdown: withCode('terminating connection due to administrator command', '57P01'),
  other: withCode('division by zero', '22012'),
};
afterAll(() => app.close());

async function post(payload: unknown, id = '00000000-0000-4000-8000-000000000000'): Promise<Body['error']['fields']> {
  const res = await app.inject({ method: 'POST', url: `/things/${id}`, payload: payload as Record<string, unknown> });
  expect(res.statusCode).toBe(400);
  return res.json<Body>().error.fields;
}

describe('handleError: zod issues → field codes', () => {
  it('a missing field is required, an empty text too, a wrong one is not', async () => {
    expect(await post({ kind: 'a' })).toEqual([{ field: 'name', code: 'required', message: expect.any(String) }]);
    expect((await post({ name: '  ', kind: 'a' }))[0]).toMatchObject({ field: 'name', code: 'required', message: 'is required' });
    expect((await post({ name: 3, kind: 'a' }))[0]).toMatchObject({ field: 'name', code: 'invalid_type' });
    expect((await post({ name: 'x', kind: null }))[0]).toMatchObject({ field: 'kind', code: 'required' });
    // A form sends an unchosen option or an empty date as ''.
    expect(await post({ name: 'x', kind: '', on: '' })).toEqual([
      expect.objectContaining({ field: 'kind', code: 'required' }),
      expect.objectContaining({ field: 'on', code: 'required' }),
    ]);
  });

  it('lengths, counts and numbers carry their limit', async () => {
    const fields = await post({ name: 'too long', password: 'short', kind: 'a', tags: [], count: 11 });
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', code: 'too_long', params: { maximum: 5 } }),
        expect.objectContaining({ field: 'password', code: 'too_short', params: { minimum: 12 } }),
        expect.objectContaining({ field: 'tags', code: 'too_few', params: { minimum: 1 } }),
        expect.objectContaining({ field: 'count', code: 'too_big', params: { maximum: 10 } }),
      ]),
    );
    expect((await post({ name: 'x', kind: 'a', count: 0 }))[0]).toMatchObject({ field: 'count', code: 'too_small', params: { minimum: 1 } });
    expect((await post({ name: 'x', kind: 'a', tags: ['a', 'b', 'c'] }))[0]).toMatchObject({ field: 'tags', code: 'too_many', params: { maximum: 2 } });
    expect((await post({ name: 'x', kind: 'a', count: 1.5 }))[0]).toMatchObject({ field: 'count', code: 'invalid_type' });
  });

  it('formats, options, dates and unknown keys', async () => {
    expect((await post({ name: 'x', kind: 'c' }))[0]).toMatchObject({ field: 'kind', code: 'invalid_value' });
    expect((await post({ name: 'x', kind: 'a', code: '12a' }))[0]).toMatchObject({ field: 'code', code: 'invalid_format' });
    expect((await post({ name: 'x', kind: 'a', on: '2025-02-30' }))[0]).toMatchObject({ field: 'on', code: 'invalid_date', message: 'must be a real date YYYY-MM-DD' });
    expect(await post({ name: 'x', kind: 'a', on: '30-02-2025' })).toEqual([expect.objectContaining({ field: 'on', code: 'invalid_format' })]);
    for (const impossible of ['2017-13-01', '2019-02-29', '0000-01-01']) expect((await post({ name: 'x', kind: 'a', on: impossible }))[0]).toMatchObject({ field: 'on', code: 'invalid_date' });
    expect((await post({ name: 'x', kind: 'a', remark: 'a\u0000b' }))[0]).toMatchObject({ field: 'remark', code: 'invalid_characters' });
    expect((await post({ name: 'x', kind: 'a', extra: 1, more: 2 }))[0]).toMatchObject({ field: 'extra, more', code: 'unknown_field', message: 'is not a known field' });
    expect((await post({ name: 'x', kind: 'a' }, 'nope'))[0]).toMatchObject({ field: 'params.id', code: 'invalid_format' });
  });

  it('a body that is not JSON names the body', async () => {
    const res = await app.inject({ method: 'POST', url: '/things/00000000-0000-4000-8000-000000000000', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect(res.statusCode).toBe(400);
    expect(res.json<Body>().error.fields).toEqual([{ field: 'body', code: 'invalid_body', message: expect.any(String) }]);
  });

  it('a validation error thrown without a code is sent with the generic code', async () => {
    const res = await app.inject({ method: 'GET', url: '/old' });
    expect(res.json<Body>().error.fields).toEqual([{ field: 'x', code: 'invalid', message: 'is odd' }]);
  });
});

describe('handleError: database errors', () => {
  const get = (kind: string) => app.inject({ method: 'GET', url: `/db/${kind}` });

  it('a unique key refusing a concurrent write is 409, not 500', async () => {
    const res = await get('unique');
    expect(res.statusCode).toBe(409);
    expect(res.json<Body>().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Nogen har gemt det samme/) });
  });

  it('a database that is down, unreachable, full or read-only is 503 with a Danish message to retry', async () => {
    for (const kind of ['refused', 'terminated', 'poolTimeout', 'diskFull', 'readOnly', 'shutdown']) {
      const res = await get(kind);
      expect(res.statusCode, kind).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json<Body>().error, kind).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^Databasen kan ikke nås eller kan ikke gemme lige nu/) });
    }
  });

  it('a statement over the time limit says to narrow the request; any other error stays 500', async () => {
    expect((await get('timeout')).json<Body>().error.message).toMatch(/^Databasen kunne ikke svare i tide/);
    expect((await get('other')).statusCode).toBe(500);
  });
});

describe('fieldCodeOfZodIssue', () => {
  it('takes a refinement’s own code, and only a known one', () => {
    expect(fieldCodeOfZodIssue({ code: 'custom', params: { code: 'future_date' } } as never, false)).toEqual({ code: 'future_date' });
    expect(fieldCodeOfZodIssue({ code: 'custom', params: { code: 'made_up' } } as never, false)).toEqual({ code: 'invalid' });
    expect(fieldCodeOfZodIssue({ code: 'custom' }, true)).toEqual({ code: 'required' });
  });

  it('keeps a refinement’s number and text params for its text', () => {
    expect(fieldCodeOfZodIssue({ code: 'custom', params: { code: 'out_of_range', minimum: 20, maximum: 300, nested: {} } } as never, false)).toEqual({
      code: 'out_of_range',
      params: { minimum: 20, maximum: 300 },
    });
  });

  it('names what zod reports from a plain parse too', () => {
    const parsed = z.object({ roles: z.array(z.string()).min(1), password: z.string().min(12) }).safeParse({ roles: [], password: 'x' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => fieldCodeOfZodIssue(i, false))).toEqual([
      { code: 'too_few', params: { minimum: 1 } },
      { code: 'too_short', params: { minimum: 12 } },
    ]);
  });

  it('falls back to the generic code', () => {
    expect(fieldCodeOfZodIssue({ code: 'invalid_union' }, false)).toEqual({ code: 'invalid' });
  });
});
