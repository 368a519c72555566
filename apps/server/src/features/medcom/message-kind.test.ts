import { describe, expect, it } from 'vitest';
import { parseMessageJson, sniffMessageKind } from './message-kind.ts';
import { acknowledgementFixtures, careCommunicationFixture, careCommunicationFixtures } from './medcom.test-helpers.ts';

describe('sniffMessageKind', () => {
  it('tells CareCommunication and Acknowledgement apart by the MessageHeader’s event, with the envelope ids', () => {
    for (const { name, bundle } of careCommunicationFixtures()) {
      expect(sniffMessageKind(bundle), name).toMatchObject({ kind: 'care_communication', bundleId: bundle.id, event: 'care-communication-message', issue: undefined });
    }
    for (const { name, bundle } of acknowledgementFixtures()) expect(sniffMessageKind(bundle).kind, name).toBe('acknowledgement');
    expect(sniffMessageKind(careCommunicationFixture('R-A-new')).messageHeaderId).toBe('7ed8da8d-fd74-4948-bc92-924842b30adf');
  });

  it('knows a HospitalNotification', () => {
    const bundle = careCommunicationFixture('S-C-new');
    (bundle.entry[0]!.resource.eventCoding as { code: string }).code = 'hospital-notification-message';
    expect(sniffMessageKind(bundle).kind).toBe('hospital_notification');
  });

  it('says why anything else is unknown, with the error code its acknowledgement would carry', () => {
    const emptyMessage = careCommunicationFixture('S-C-new');
    (emptyMessage.entry[0]!.resource.eventCoding as { code: string }).code = 'empty-message';
    const otherSystem = careCommunicationFixture('S-C-new');
    (otherSystem.entry[0]!.resource.eventCoding as { system: string }).system = 'http://example.org/events';
    const cases: [unknown, string][] = [
      [[1, 2], 'MSG_JSON_OBJECT'],
      ['text', 'MSG_JSON_OBJECT'],
      [{ resourceType: 'Patient', id: 'p' }, 'MSG_RESOURCE_TYPE_MISMATCH'],
      [{ resourceType: 'Bundle', type: 'collection', entry: [] }, 'MSG_RESOURCE_REQUIRED'],
      [emptyMessage, 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE'],
      [otherSystem, 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE'],
    ];
    for (const [json, code] of cases) expect(sniffMessageKind(json)).toMatchObject({ kind: 'unknown', issue: { code, severity: 'error' } });
    expect(sniffMessageKind(emptyMessage)).toMatchObject({ bundleId: emptyMessage.id, messageHeaderId: emptyMessage.entry[0]?.resource.id, event: 'empty-message' });
  });
});

describe('parseMessageJson', () => {
  it('parses JSON, or gives MSG_BAD_SYNTAX without quoting the content', () => {
    expect(parseMessageJson('{"resourceType":"Bundle"}')).toEqual({ ok: true, value: { resourceType: 'Bundle' } });
    const bad = parseMessageJson('{"cpr": 2509479989');
    expect(bad).toMatchObject({ ok: false, issue: { code: 'MSG_BAD_SYNTAX', type: 'structure' } });
    expect(JSON.stringify(bad)).not.toContain('2509479989');
  });
});
