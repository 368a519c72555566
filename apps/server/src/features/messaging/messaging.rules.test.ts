import { describe, expect, it } from 'vitest';
import { acknowledgementDueAt, bearerTokenMatches, chooseCourse, incomingShape, MAX_RESENDS, outboxAction, outgoingFileName, withNewEnvelopeId } from './messaging.rules.ts';

const at = (iso: string) => new Date(iso);
const sentAt = at('2026-12-01T09:00:00Z');
const due = acknowledgementDueAt(sentAt);

describe('the outbox under MedCom reliable messaging', () => {
  it('sends a queued message at once, or when it is due', () => {
    expect(outboxAction({ state: 'queued', sends: 0, nextSendAt: null }, sentAt)).toBe('send');
    expect(outboxAction({ state: 'queued', sends: 0, nextSendAt: at('2026-12-01T10:00:00Z') }, sentAt)).toBe('wait');
  });

  it('waits 30 minutes for the acknowledgement, then sends again — twice at most — then gives up', () => {
    expect(due.toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(outboxAction({ state: 'sent', sends: 1, nextSendAt: due }, at('2026-12-01T09:29:59Z'))).toBe('wait');
    expect(outboxAction({ state: 'sent', sends: 1, nextSendAt: due }, due)).toBe('resend');
    expect(outboxAction({ state: 'sent', sends: 2, nextSendAt: due }, due)).toBe('resend');
    expect(outboxAction({ state: 'sent', sends: 1 + MAX_RESENDS, nextSendAt: due }, due)).toBe('give_up');
  });

  it('leaves a delivered or failed message alone', () => {
    expect(outboxAction({ state: 'delivered', sends: 1, nextSendAt: due }, due)).toBe('wait');
    expect(outboxAction({ state: 'failed', sends: 3, nextSendAt: due }, due)).toBe('wait');
  });
});

describe('the inbox and outbox helpers', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('tells FHIR JSON from an OIOXML letter from anything else by the first bytes', () => {
    expect(incomingShape(enc('\uFEFF  {"resourceType":"Bundle"}'))).toBe('json');
    expect(incomingShape(enc('\n<?xml version="1.0"?><Emessage/>'))).toBe('xml');
    expect(incomingShape(enc('%PDF-1.4'))).toBe('other');
    expect(incomingShape(enc(''))).toBe('other');
  });
  it('names an outgoing file by kind and envelope id', () => {
    expect(outgoingFileName({ kind: 'care_communication', envelopeId: 'b1-2.3', format: 'fhir_json' })).toBe('care-communication-b1-2.3.json');
    expect(outgoingFileName({ kind: 'receipt', envelopeId: 'SKK123/../x', format: 'oioxml' })).toBe('receipt-SKK123_.._x.xml');
  });
  it('places a message on the course its episode names, else on the one open course, else nowhere', () => {
    const courses = [
      { courseId: 'aaaaaaaa-0000-4000-8000-000000000001', closedOn: '2026-01-01' },
      { courseId: 'aaaaaaaa-0000-4000-8000-000000000002', closedOn: null },
    ];
    expect(chooseCourse(courses, 'urn:uuid:AAAAAAAA-0000-4000-8000-000000000001')).toBe('aaaaaaaa-0000-4000-8000-000000000001');
    expect(chooseCourse(courses, 'an LPR episode')).toBe('aaaaaaaa-0000-4000-8000-000000000002');
    expect(chooseCourse([...courses, { courseId: 'x', closedOn: null }], undefined)).toBeUndefined();
    expect(chooseCourse([], undefined)).toBeUndefined();
  });
  it('takes only the configured bearer token', () => {
    const token = 't'.repeat(32);
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerTokenMatches(token, token)).toBe(false);
    expect(bearerTokenMatches(undefined, token)).toBe(false);
  });
  it('puts a letter in a new envelope, the letter left as it was', () => {
    const xml = '<Emessage><Envelope><Identifier>SKK1</Identifier></Envelope><L><Letter><Identifier>SKB1</Identifier></Letter></L></Emessage>';
    expect(withNewEnvelopeId(xml, 'SKK1', 'SKK2')).toBe('<Emessage><Envelope><Identifier>SKK2</Identifier></Envelope><L><Letter><Identifier>SKB1</Identifier></Letter></L></Emessage>');
  });
});
