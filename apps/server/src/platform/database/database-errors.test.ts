import { describe, expect, it } from 'vitest';
import { errorText, isDatabaseUnavailable, isUniqueViolation } from './database.ts';

/** PGlite's file-system error as Emscripten throws it: not an Error, a name and a number. */
const errnoError = (errno: number) => Object.assign(Object.create(null) as object, { name: 'ErrnoError', errno });

describe('errorText', () => {
  it('says what a full disk or a read-only folder is in words, never [object Object]', () => {
    expect(errorText(errnoError(51))).toBe('ENOSPC no space left on the device (errno 51)');
    expect(errorText(errnoError(69))).toBe('EROFS read-only file system (errno 69)');
    expect(errorText({ message: 'could not write' })).toBe('could not write');
    expect(errorText({ errno: 5 })).toBe('{"errno":5}');
    expect(errorText(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });
});

describe('isDatabaseUnavailable', () => {
  it('is true of an unreachable, restarting, full or read-only database', () => {
    const errors: unknown[] = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('could not extend file'), { code: '53100' }),
      Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }),
      errnoError(51),
    ];
    for (const err of errors) expect(isDatabaseUnavailable(err), errorText(err)).toBe(true);
  });
  it('is false of a request the database refused', () => {
    for (const code of ['23505', '22008', '42P01']) expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('plain'))).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('matches 23505, and the named constraint when one is given', () => {
    const err = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'course_assignment_current_key' });
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(err, 'course_assignment_current_key')).toBe(true);
    expect(isUniqueViolation(err, 'other_key')).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error('x'), { code: '23503' }))).toBe(false);
  });
});
