import { describe, expect, it } from 'vitest';
import { activeOn, checkEnd, checkRelative } from './relative.rules.ts';

const input = { consentToParticipate: true, consentGivenOn: '2026-11-10', startsOn: '2026-11-12' };
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => [i.field, i.code]);

describe('checkRelative', () => {
  it('accepts a relative with the citizen’s consent on an open course', () => {
    expect(checkRelative(input, { today: '2026-11-23', courseClosedOn: null })).toEqual([]);
  });
  it('needs the citizen’s consent to the relative taking part, given by today and before the start', () => {
    expect(codes(checkRelative({ ...input, consentToParticipate: false }, { today: '2026-11-23', courseClosedOn: null }))).toEqual([['consentToParticipate', 'participation_consent_required']]);
    expect(codes(checkRelative({ ...input, consentGivenOn: '2026-11-24', startsOn: '2026-11-24' }, { today: '2026-11-23', courseClosedOn: null }))).toEqual([['consentGivenOn', 'future_date']]);
    expect(codes(checkRelative({ ...input, startsOn: '2026-11-09' }, { today: '2026-11-23', courseClosedOn: null }))).toEqual([['startsOn', 'before_consent']]);
  });
  it('refuses a closed course, and a start after an ended registration', () => {
    expect(codes(checkRelative(input, { today: '2026-11-23', courseClosedOn: '2026-11-20' }))).toEqual([['courseId', 'course_closed']]);
    expect(codes(checkRelative(input, { today: '2026-11-23', courseClosedOn: null, endsOn: '2026-11-11' }))).toEqual([['startsOn', 'after_end']]);
  });
});

describe('checkEnd and activeOn', () => {
  it('ends once, not before the start', () => {
    expect(checkEnd({ startsOn: '2026-11-10', endsOn: null }, '2026-11-10')).toEqual([]);
    expect(codes(checkEnd({ startsOn: '2026-11-10', endsOn: null }, '2026-11-09'))).toEqual([['endsOn', 'before_start']]);
    expect(codes(checkEnd({ startsOn: '2026-11-10', endsOn: '2026-11-12' }, '2026-11-20'))).toEqual([['endsOn', 'already_ended']]);
  });
  it('takes part from the start to the end day, both included', () => {
    const r = { startsOn: '2026-11-10', endsOn: '2026-11-20' };
    expect(['2026-11-09', '2026-11-10', '2026-11-20', '2026-11-21'].map((d) => activeOn(r, d))).toEqual([false, true, true, false]);
    expect(activeOn({ startsOn: '2026-11-10', endsOn: null }, '2036-01-01')).toBe(true);
  });
});
