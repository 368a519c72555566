import type { AcknowledgementCode, MessageDirection, MessageFormat, MessageKind, MessageState } from '@samkraft/contracts/messaging';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { DB } from '../../platform/database/schema.ts';

/** The `message` table (the inbox and the outbox): this repository alone writes it. */

type Row = Selectable<DB['message']>;

export type MessageRecord = {
  id: string;
  direction: MessageDirection;
  format: MessageFormat;
  kind: MessageKind;
  state: MessageState;
  reasonCode: string | null;
  reasonText: string | null;
  envelopeId: string;
  letterId: string | null;
  senderId: string | null;
  receiverId: string | null;
  municipalityCode: string | null;
  courseId: string | null;
  citizenId: string | null;
  answersId: string | null;
  sends: number;
  nextSendAt: Date | null;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgementCode: AcknowledgementCode | null;
  duplicates: number;
  contentType: string;
  createdAt: Date;
};

const columns = [
  'id',
  'direction',
  'format',
  'kind',
  'state',
  'reason_code',
  'reason_text',
  'envelope_id',
  'letter_id',
  'sender_id',
  'receiver_id',
  'municipality_code',
  'course_id',
  'citizen_id',
  'answers_id',
  'sends',
  'next_send_at',
  'sent_at',
  'acknowledged_at',
  'acknowledgement_code',
  'duplicates',
  'content_type',
  'created_at',
] as const;

const instant = (v: string | Date | null) => (v === null ? null : new Date(v));

function toRecord(r: Pick<Row, (typeof columns)[number]>): MessageRecord {
  return {
    id: r.id,
    direction: r.direction,
    format: r.format,
    kind: r.kind,
    state: r.state,
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    envelopeId: r.envelope_id,
    letterId: r.letter_id,
    senderId: r.sender_id,
    receiverId: r.receiver_id,
    municipalityCode: r.municipality_code,
    courseId: r.course_id,
    citizenId: r.citizen_id,
    answersId: r.answers_id,
    sends: r.sends,
    nextSendAt: instant(r.next_send_at),
    sentAt: instant(r.sent_at),
    acknowledgedAt: instant(r.acknowledged_at),
    acknowledgementCode: r.acknowledgement_code,
    duplicates: r.duplicates,
    contentType: r.content_type,
    createdAt: new Date(r.created_at),
  };
}

/** What a new message row says about itself; the rest takes the table's defaults. */
export type NewMessage = {
  format: MessageFormat;
  kind: MessageKind;
  envelopeId: string;
  letterId: string | null;
  senderId: string | null;
  receiverId: string | null;
  municipalityCode?: string | null;
  courseId?: string | null;
  citizenId?: string | null;
  answersId?: string | null;
  contentType: string;
  payload: Uint8Array;
  now: Date;
};

const common = (m: NewMessage) => ({
  format: m.format,
  kind: m.kind,
  envelope_id: m.envelopeId,
  letter_id: m.letterId,
  sender_id: m.senderId,
  receiver_id: m.receiverId,
  municipality_code: m.municipalityCode ?? null,
  course_id: m.courseId ?? null,
  citizen_id: m.citizenId ?? null,
  answers_id: m.answersId ?? null,
  content_type: m.contentType,
  payload: Buffer.from(m.payload),
  created_at: m.now,
  updated_at: m.now,
});

/** A message for the outbox, to be written to the transport at once (or at `sendAt`). */
export async function insertOutgoing(db: Db, m: NewMessage & { sendAt?: Date }): Promise<MessageRecord> {
  const row = await db
    .insertInto('message')
    .values({ ...common(m), direction: 'out', state: 'queued', next_send_at: m.sendAt ?? m.now })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/**
 * A received message, once: the same letter from the same sender again (a resend, or the same
 * file dropped twice) is counted on the first one's row and that row is returned with
 * `duplicate` true — it is answered as the first was, and shown once.
 */
export async function recordIncoming(db: Db, m: NewMessage & { state: 'accepted' | 'unmatched' | 'refused'; reasonCode?: string | null; reasonText?: string | null }): Promise<{ message: MessageRecord; duplicate: boolean }> {
  if (m.letterId !== null) {
    const sender = m.senderId;
    const seen = await db
      .updateTable('message')
      .set({ duplicates: sql`duplicates + 1`, last_duplicate_at: m.now, updated_at: m.now })
      .where('direction', '=', 'in')
      .where((eb) => (sender === null ? eb('sender_id', 'is', null) : eb('sender_id', '=', sender)))
      .where('letter_id', '=', m.letterId)
      .returning(columns)
      .executeTakeFirst();
    if (seen) return { message: toRecord(seen), duplicate: true };
  }
  const row = await db
    .insertInto('message')
    .values({ ...common(m), direction: 'in', state: m.state, reason_code: m.reasonCode ?? null, reason_text: m.reasonText ?? null })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return { message: toRecord(row), duplicate: false };
}

/** Has an incoming message come in this envelope before? (An envelope id is never reused.) */
export async function findIncomingByEnvelope(db: Db, envelopeId: string): Promise<MessageRecord | undefined> {
  const row = await db.selectFrom('message').select(columns).where('direction', '=', 'in').where('envelope_id', '=', envelopeId).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The answer sent to an incoming message (its acknowledgement or receipt), if any. */
export async function findAnswerTo(db: Db, messageId: string): Promise<(MessageRecord & { payload: Uint8Array }) | undefined> {
  const row = await db
    .selectFrom('message')
    .select([...columns, 'payload'])
    .where('answers_id', '=', messageId)
    .where('direction', '=', 'out')
    .orderBy('created_at', 'asc')
    .executeTakeFirst();
  return row ? { ...toRecord(row), payload: new Uint8Array(row.payload) } : undefined;
}

/** The outgoing messages due for a send, a resend or giving up, oldest first. */
export async function findDueOutgoing(db: Db, now: Date, limit: number): Promise<(MessageRecord & { payload: Uint8Array })[]> {
  const rows = await db
    .selectFrom('message')
    .select([...columns, 'payload'])
    .where('direction', '=', 'out')
    .where('state', 'in', ['queued', 'sent'])
    .where('next_send_at', '<=', now)
    .orderBy('next_send_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toRecord(r), payload: new Uint8Array(r.payload) }));
}

/**
 * A send done: the envelope and payload as written (a resend has a new envelope id and sent
 * time), one more send, and when to look again — or never, for a message nobody acknowledges.
 */
export async function markSent(db: Db, id: string, s: { envelopeId: string; payload: Uint8Array; at: Date; nextSendAt: Date | null }): Promise<void> {
  await db
    .updateTable('message')
    .set({ state: 'sent', envelope_id: s.envelopeId, payload: Buffer.from(s.payload), sends: sql`sends + 1`, sent_at: s.at, next_send_at: s.nextSendAt, updated_at: s.at })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: string, f: { reasonCode: string; reasonText: string; at: Date }): Promise<void> {
  await db
    .updateTable('message')
    .set({ state: 'failed', reason_code: f.reasonCode, reason_text: f.reasonText, next_send_at: null, updated_at: f.at })
    .where('id', '=', id)
    .execute();
}

/**
 * The acknowledgement of an outgoing message, found by its letter id (MessageHeader.id): delivered
 * on `ok`, failed otherwise. An acknowledgement after the first is ignored (MedCom: log it, never
 * act twice). Returns the message acknowledged, or undefined when none awaits it.
 */
export async function recordAcknowledgement(
  db: Db,
  a: { letterId: string; code: AcknowledgementCode; reasonCode: string | null; reasonText: string | null; at: Date },
): Promise<MessageRecord | undefined> {
  const row = await db
    .updateTable('message')
    .set({
      state: a.code === 'ok' ? 'delivered' : 'failed',
      acknowledgement_code: a.code,
      acknowledged_at: a.at,
      reason_code: a.reasonCode,
      reason_text: a.reasonText,
      next_send_at: null,
      updated_at: a.at,
    })
    .where('direction', '=', 'out')
    .where('letter_id', '=', a.letterId)
    .where('acknowledged_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findMessage(db: Db, id: string): Promise<MessageRecord | undefined> {
  const row = await db.selectFrom('message').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** A received letter by its sender and letter id (MessageHeader.id): the first delivery's row. */
export async function findIncomingByLetter(db: Db, senderId: string | null, letterId: string): Promise<MessageRecord | undefined> {
  const row = await db
    .selectFrom('message')
    .select(columns)
    .where('direction', '=', 'in')
    .where((eb) => (senderId === null ? eb('sender_id', 'is', null) : eb('sender_id', '=', senderId)))
    .where('letter_id', '=', letterId)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** An outgoing message by its letter id (MessageHeader.id): what a reply or an acknowledgement names. */
export async function findOutgoingByLetter(db: Db, letterId: string): Promise<MessageRecord | undefined> {
  const row = await db.selectFrom('message').select(columns).where('direction', '=', 'out').where('letter_id', '=', letterId).orderBy('created_at', 'asc').executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/**
 * One due outgoing message, locked for this transaction (another instance's outbox pass skips it),
 * or undefined when it is no longer due or another pass holds it.
 */
export async function claimDueOutgoing(db: Db, id: string, now: Date): Promise<(MessageRecord & { payload: Uint8Array }) | undefined> {
  const row = await db
    .selectFrom('message')
    .select([...columns, 'payload'])
    .where('id', '=', id)
    .where('direction', '=', 'out')
    .where('state', 'in', ['queued', 'sent'])
    .where('next_send_at', '<=', now)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row ? { ...toRecord(row), payload: new Uint8Array(row.payload) } : undefined;
}

/** A message's payload as stored (sent or received). */
export async function findPayload(db: Db, id: string): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('message').select('payload').where('id', '=', id).executeTakeFirst();
  return row ? new Uint8Array(row.payload) : undefined;
}

/** An unmatched incoming message placed on a course by a person; false when it is no longer unmatched. */
export async function placeIncoming(db: Db, id: string, p: { courseId: string; citizenId: string; at: Date }): Promise<boolean> {
  const r = await db
    .updateTable('message')
    .set({ state: 'accepted', course_id: p.courseId, citizen_id: p.citizenId, updated_at: p.at })
    .where('id', '=', id)
    .where('direction', '=', 'in')
    .where('state', '=', 'unmatched')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type MessageFilter = {
  direction: MessageDirection | undefined;
  state: MessageState | undefined;
  kind: MessageKind | undefined;
  municipalityCode: string | undefined;
  offset: number;
  limit: number;
};

/** The inbox and outbox for administrators, newest first, one page and the count. */
/** The list counts at most this many (a full count of ten years' messages is a scan of the table). */
export const MESSAGE_COUNT_CAP = 10_000;

/** A page of messages, newest first, and how many there are — at most MESSAGE_COUNT_CAP + 1 (then "more than"). */
export async function listMessages(db: Db, f: MessageFilter): Promise<{ items: MessageRecord[]; total: number }> {
  let q = db.selectFrom('message');
  if (f.direction) q = q.where('direction', '=', f.direction);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.municipalityCode) q = q.where('municipality_code', '=', f.municipalityCode);
  const [rows, count] = await Promise.all([
    q.select(columns).orderBy('created_at', 'desc').orderBy('id').offset(f.offset).limit(f.limit).execute(),
    db
      // In the page's order, so the count walks the same index as the page (not a scan of the table).
      .selectFrom(q.select('id').orderBy('created_at', 'desc').orderBy('id').limit(MESSAGE_COUNT_CAP + 1).as('capped'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRecord), total: Number(count.n) };
}

/** A municipality's incoming messages waiting for a person to place them, oldest first, with their payloads. */
export async function listUnmatched(db: Db, municipalityCode: string, limit: number): Promise<(MessageRecord & { payload: Uint8Array })[]> {
  const rows = await db
    .selectFrom('message')
    .select([...columns, 'payload'])
    .where('direction', '=', 'in')
    .where('state', '=', 'unmatched')
    .where('municipality_code', '=', municipalityCode)
    .orderBy('created_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toRecord(r), payload: new Uint8Array(r.payload) }));
}

/** A course's messages with their payloads (the correspondence reads them), newest first. */
export async function listCourseMessagesWithPayload(db: Db, courseId: string): Promise<(MessageRecord & { payload: Uint8Array })[]> {
  const rows = await db.selectFrom('message').select([...columns, 'payload']).where('course_id', '=', courseId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map((r) => ({ ...toRecord(r), payload: new Uint8Array(r.payload) }));
}

/** How many received messages of a municipality wait to be placed. */
export async function countUnmatched(db: Db, municipalityCode: string): Promise<number> {
  const r = await db
    .selectFrom('message')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('direction', '=', 'in')
    .where('state', '=', 'unmatched')
    .where('kind', '=', 'care_communication')
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A received hospital notification acted on: the citizen it is about and its content kept (neither is kept when it is not acted on). */
export async function keepActedOnIncoming(db: Db, id: string, p: { citizenId: string; payload: Uint8Array; at: Date }): Promise<void> {
  await db.updateTable('message').set({ citizen_id: p.citizenId, payload: Buffer.from(p.payload), updated_at: p.at }).where('id', '=', id).where('direction', '=', 'in').execute();
}
