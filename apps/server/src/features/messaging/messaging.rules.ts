import type { MessageFormat, MessageKind, MessageState, MessageSummary } from '@samkraft/contracts/messaging';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { PractitionerRoleCode } from '../medcom/carecommunication-reader.ts';
import { isPatientIdentifierValue, type PatientIdentifierKind } from '../medcom/medcom-identifiers.ts';
import type { MessageRecord } from './message.repository.ts';

/*
 * MedCom's reliable messaging for the sender (brief: 043_Reliable_Messaging-FHIR): every message
 * asks for an acknowledgement; without one after 30 minutes it MAY be sent again, with a new
 * envelope id and sent time and everything else the same, and MUST NOT be sent more than twice
 * again. After the last resend's 30 minutes the message has failed: a person follows it up.
 */

export const ACKNOWLEDGEMENT_WAIT_MS = 30 * 60_000;
export const MAX_RESENDS = 2;

export type OutboxFacts = { state: MessageState; sends: number; nextSendAt: Date | null };

/** What the outbox does with a message now: nothing yet, its first send, a resend, or give up. */
export type OutboxAction = 'wait' | 'send' | 'resend' | 'give_up';

export function outboxAction(m: OutboxFacts, now: Date): OutboxAction {
  if (m.state === 'queued') return m.nextSendAt === null || m.nextSendAt <= now ? 'send' : 'wait';
  if (m.state !== 'sent' || m.nextSendAt === null || m.nextSendAt > now) return 'wait';
  return m.sends <= MAX_RESENDS ? 'resend' : 'give_up';
}

/** When a message sent at `at` is looked at again if no acknowledgement came. */
export const acknowledgementDueAt = (at: Date): Date => new Date(at.getTime() + ACKNOWLEDGEMENT_WAIT_MS);

/** The reason a message failed for want of an acknowledgement, as stored. */
export const NO_ACKNOWLEDGEMENT = 'no_acknowledgement';

/** Whether the sender waits for an answer to this kind: acknowledgements and receipts are never acknowledged in turn. */
export const awaitsAcknowledgement = (kind: MessageKind): boolean => kind !== 'acknowledgement' && kind !== 'receipt';

/** The file a message is written to: its kind and envelope id, `.json` for FHIR, `.xml` for OIOXML. */
export function outgoingFileName(m: { kind: MessageKind; envelopeId: string; format: MessageFormat }): string {
  const id = m.envelopeId.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 120);
  return `${m.kind.replace(/_/g, '-')}-${id}.${m.format === 'oioxml' ? 'xml' : 'json'}`;
}

/** What a received file looks like from its first bytes: FHIR JSON, XML (an OIOXML letter), or neither. */
export type IncomingShape = 'json' | 'xml' | 'other';

export function incomingShape(bytes: Uint8Array): IncomingShape {
  let i = 0;
  // A UTF-8 byte-order mark, then white space.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  const first = bytes[i];
  if (first === 0x7b || first === 0x5b) return 'json';
  if (first === 0x3c) return 'xml';
  return 'other';
}

/** Why an outgoing message failed, in Danish for the course page (the stored text is shown for any other code). */
export const failureTextDa: Readonly<Record<string, string>> = {
  [NO_ACKNOWLEDGEMENT]: `Ingen kvittering fra modtageren efter ${MAX_RESENDS + 1} forsendelser med ${ACKNOWLEDGEMENT_WAIT_MS / 60_000} minutters mellemrum`,
};

/**
 * The course a received message about a citizen belongs on: the course its episode-of-care
 * identifier names, else the citizen's one open course; undefined when neither is clear (a person
 * places it).
 */
export function chooseCourse(courses: readonly { courseId: string; closedOn: string | null }[], episodeOfCare: string | undefined): string | undefined {
  const named = episodeOfCare ? courses.find((c) => c.courseId === episodeOfCare.replace(/^urn:uuid:/, '').toLowerCase()) : undefined;
  if (named) return named.courseId;
  const open = courses.filter((c) => c.closedOn === null);
  return open.length === 1 ? open[0]?.courseId : undefined;
}

/** An OIOXML letter sent again (a duplicate's receipt): the same letter in a new envelope (its first Identifier). */
export function withNewEnvelopeId(xml: string, envelopeId: string, newEnvelopeId: string): string {
  return xml.replace(`<Identifier>${envelopeId}</Identifier>`, `<Identifier>${newEnvelopeId}</Identifier>`);
}

/** Whether a request carries the shared token (`Authorization: Bearer <token>`); compared in constant time. */
export function bearerTokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return given !== '' && timingSafeEqual(digest(given), digest(token));
}

/**
 * How a citizen's identifier (as `citizen.cpr` keeps it) goes into a MedCom Patient: a CPR number,
 * or a replacement CPR by DK-core's pattern (X-eCPR: digit 7 is 1 or 7; D-eCPR: 0, 5 or 6);
 * undefined when it is neither (then the message cannot be sent).
 */
export function patientIdentifierOf(cpr: string | null): { kind: PatientIdentifierKind; value: string } | undefined {
  if (cpr === null) return undefined;
  const kinds: PatientIdentifierKind[] = ['cpr', 'x-ecpr', 'd-ecpr'];
  const kind = kinds.find((k) => isPatientIdentifierValue(k, cpr));
  return kind ? { kind, value: cpr } : undefined;
}

/**
 * The author's role in a MedCom message: a code of MedCom's SKS-administrative role list where a
 * profession has one, else the role as text (the PractitionerRole carries a code or a text, not both).
 */
export function practitionerRoleOf(profession: string): PractitionerRoleCode {
  const codes: Partial<Record<string, string>> = { nurse: 'sygeplejerske', physiotherapist: 'fysioterapeut', occupational_therapist: 'ergoterapeut', dietitian: 'diaetist' };
  const texts: Partial<Record<string, string>> = { physician: 'Læge', social_worker: 'Socialrådgiver', administrative: 'Administrativ medarbejder' };
  const code = codes[profession];
  return code ? { system: undefined, code } : { text: texts[profession] ?? 'Medarbejder i kræftrehabiliteringen' };
}

/** A message as lists show it; the reason in Danish where Samkraft wrote it. */
export function toMessageSummary(m: MessageRecord): MessageSummary {
  return {
    id: m.id,
    direction: m.direction,
    format: m.format,
    kind: m.kind,
    state: m.state,
    reason: m.reasonCode ? (failureTextDa[m.reasonCode] ?? m.reasonText ?? m.reasonCode) : m.reasonText,
    senderId: m.senderId,
    receiverId: m.receiverId,
    sends: m.sends,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    acknowledgedAt: m.acknowledgedAt?.toISOString() ?? null,
    acknowledgementCode: m.acknowledgementCode,
  };
}

/** A person's name as given names and family name (the last word), as a MedCom Practitioner takes it. */
export function nameParts(name: string): { given: string[]; family: string } {
  const words = name.trim().split(/\s+/);
  const family = words.pop() ?? name;
  return { given: words, family };
}
