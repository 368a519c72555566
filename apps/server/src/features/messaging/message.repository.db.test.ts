import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { findDueOutgoing, findIncomingByEnvelope, insertOutgoing, markFailed, markSent, recordAcknowledgement, recordIncoming } from './message.repository.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const bytes = (s: string) => new TextEncoder().encode(s);
const t0 = new Date('2026-12-01T09:00:00Z');
const base = { format: 'fhir_json' as const, contentType: 'application/fhir+json', senderId: '5790001353308', receiverId: '5790000121526' };

describe('the message inbox and outbox', () => {
  it('queues, sends, resends under a new envelope and takes the first acknowledgement only', async () => {
    const db = database.db;
    const m = await insertOutgoing(db, { ...base, kind: 'care_communication', envelopeId: 'bundle-1', letterId: 'mh-1', payload: bytes('{"v":1}'), now: t0 });
    expect(m).toMatchObject({ direction: 'out', state: 'queued', sends: 0 });
    expect((await findDueOutgoing(db, t0, 10)).map((d) => d.id)).toContain(m.id);
    await markSent(db, m.id, { envelopeId: 'bundle-1', payload: bytes('{"v":1}'), at: t0, nextSendAt: new Date('2026-12-01T09:30:00Z') });
    expect((await findDueOutgoing(db, new Date('2026-12-01T09:29:00Z'), 10)).map((d) => d.id)).not.toContain(m.id);
    const due = await findDueOutgoing(db, new Date('2026-12-01T09:30:00Z'), 10);
    expect(due.find((d) => d.id === m.id)).toMatchObject({ state: 'sent', sends: 1, envelopeId: 'bundle-1' });
    await markSent(db, m.id, { envelopeId: 'bundle-2', payload: bytes('{"v":2}'), at: new Date('2026-12-01T09:30:00Z'), nextSendAt: new Date('2026-12-01T10:00:00Z') });
    const ok = await recordAcknowledgement(db, { letterId: 'mh-1', code: 'ok', reasonCode: null, reasonText: null, at: new Date('2026-12-01T09:31:00Z') });
    expect(ok).toMatchObject({ id: m.id, state: 'delivered', sends: 2, envelopeId: 'bundle-2', acknowledgementCode: 'ok', nextSendAt: null });
    // A second acknowledgement (of the first send, late) changes nothing.
    expect(await recordAcknowledgement(db, { letterId: 'mh-1', code: 'fatal-error', reasonCode: 'x', reasonText: 'x', at: new Date('2026-12-01T09:40:00Z') })).toBeUndefined();
    expect(await recordAcknowledgement(db, { letterId: 'unknown', code: 'ok', reasonCode: null, reasonText: null, at: t0 })).toBeUndefined();
  });

  it('fails a message with its reason, and no longer finds it due', async () => {
    const db = database.db;
    const m = await insertOutgoing(db, { ...base, kind: 'care_communication', envelopeId: 'bundle-3', letterId: 'mh-3', payload: bytes('{}'), now: t0 });
    await markFailed(db, m.id, { reasonCode: 'no_acknowledgement', reasonText: 'Ingen kvittering efter 3 forsendelser', at: t0 });
    expect((await findDueOutgoing(db, new Date('2027-01-01T00:00:00Z'), 100)).map((d) => d.id)).not.toContain(m.id);
  });

  it('keeps a received letter once: the same letter again is a duplicate of the first row', async () => {
    const db = database.db;
    const first = await recordIncoming(db, { ...base, kind: 'care_communication', envelopeId: 'in-bundle-1', letterId: 'in-mh-1', state: 'accepted', payload: bytes('{"a":1}'), now: t0 });
    expect(first.duplicate).toBe(false);
    const again = await recordIncoming(db, { ...base, kind: 'care_communication', envelopeId: 'in-bundle-2', letterId: 'in-mh-1', state: 'accepted', payload: bytes('{"a":1}'), now: t0 });
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id, duplicates: 1, envelopeId: 'in-bundle-1' } });
    // The same letter id from another sender is another letter.
    const other = await recordIncoming(db, { ...base, senderId: '5790000121786', kind: 'care_communication', envelopeId: 'in-bundle-3', letterId: 'in-mh-1', state: 'refused', payload: bytes('{}'), now: t0 });
    expect(other.duplicate).toBe(false);
    expect((await findIncomingByEnvelope(db, 'in-bundle-1'))?.id).toBe(first.message.id);
  });

  it('refuses an envelope id used before, and an in-state on an outgoing message (database checks)', async () => {
    const db = database.db;
    await expect(recordIncoming(db, { ...base, kind: 'care_communication', envelopeId: 'in-bundle-1', letterId: 'in-mh-9', state: 'accepted', payload: bytes('{}'), now: t0 })).rejects.toThrow(/message_direction_envelope_id_key|unique/);
    await expect(
      db.insertInto('message').values({ direction: 'out', format: 'fhir_json', kind: 'unknown', state: 'accepted', envelope_id: 'x-1', content_type: 'x', payload: Buffer.from('') }).execute(),
    ).rejects.toThrow(/message_direction_state_check/);
  });
});
