import { describe, expect, it } from 'vitest';
import { REDACTED, redactCprs, redactedError, redactUrl } from './log-redaction.ts';

describe('log redaction', () => {
  it('replaces CPR-like numbers, with or without the hyphen, encoded or not', () => {
    expect(redactCprs('/api/citizens/lookup?cpr=100705-9995')).toBe(`/api/citizens/lookup?cpr=${REDACTED}`);
    expect(redactCprs('/x?cpr=1007059995&y=1')).toBe(`/x?cpr=${REDACTED}&y=1`);
    expect(redactCprs('/x?cpr=100705%2D9995')).toBe(`/x?cpr=${REDACTED}`);
    expect(redactCprs('Key (cpr)=(1007059995) already exists.')).toBe(`Key (cpr)=(${REDACTED}) already exists.`);
  });

  it('leaves ids, dates and longer numbers alone', () => {
    const text = '/api/courses/3f0b2c1e-0000-4000-8000-000000000001?from=2026-11-02&n=12345678901';
    expect(redactCprs(text)).toBe(text);
  });

  it('redacts every string of a serialized error', () => {
    const serialize = (err: Error) => ({ type: err.name, message: err.message, stack: err.stack ?? '', detail: 'Key (cpr)=(1007059995) already exists.', code: '23505' });
    const out = redactedError(serialize)(new Error('duplicate 100705-9995'));
    expect(JSON.stringify(out)).not.toMatch(/1007059995|100705-9995/);
    expect(out.code).toBe('23505');
  });

  it('replaces the value of every FHIR identifier parameter, a replacement CPR with letters too', () => {
    expect(redactUrl('/fhir/Patient?identifier=urn:oid:1.2.208.176.1.6.1.1%7C0703921VJ4&_count=5')).toBe(`/fhir/Patient?identifier=${REDACTED}&_count=5`);
    expect(redactUrl('/fhir/CarePlan?patient.identifier=urn:oid:1.2.208.176.1.2|2509479989')).toBe(`/fhir/CarePlan?patient.identifier=${REDACTED}`);
    expect(redactUrl('/fhir/Organization?_id=x&identifier:of-type=a|b')).toBe(`/fhir/Organization?_id=x&identifier:of-type=${REDACTED}`);
    expect(redactUrl('/fhir/Task?patient=Patient/3f0b2c1e-0000-4000-8000-000000000001')).toBe('/fhir/Task?patient=Patient/3f0b2c1e-0000-4000-8000-000000000001');
  });
});
