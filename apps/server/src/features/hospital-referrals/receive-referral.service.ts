import { randomUUID } from 'node:crypto';
import type { FieldErrorParams } from '@samkraft/contracts/common';
import { MAX_OIOXML_BYTES, type OioxmlReceipt, type OioxmlUploadResult } from '@samkraft/contracts/hospital-referrals';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import { hasRole, type StaffActor, type SystemActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { readXmlText, XmlInputError } from '../../platform/xml/xml-input.ts';
import { parseXml, type XmlElement } from '../../platform/xml/xml-tree.ts';
import { validateXsd } from '../../platform/xml/xsd.ts';
import { findDraftByLetter, insertDraftUnlessKnown, type StoredLetter } from './draft-referral.repository.ts';
import { fieldCodeOf, refuseCodeOf, type Refusal } from './hospital-referral.rules.ts';
import type { IncomingReferral } from './incoming-referral.ts';
import { canWriteReceipt, negativeReceipt, positiveReceipt, type OriginalMessage, type ReceiptHeader } from './oioxml-receipts.ts';
import { oioxml2005Schemas } from './oioxml-schemas.ts';
import { findMunicipalUnitByEan } from './receiving-unit.repository.ts';
import { checkXref01, readOioxmlEnvelope, readXref01, XREF01_VERSION } from './xref01.reader.ts';

/** Who receives letters when no person does: the transport (file drop, later VANS/EHMI) and the upload. */
export const HOSPITAL_REFERRALS_SYSTEM: SystemActor = { kind: 'system', name: 'hospital-referrals' };

export type ReceiveOptions = {
  /**
   * MedCom asks for a positive receipt only when the envelope says `pluspositivkvitt`; Samkraft
   * sends one for every letter it keeps unless told to follow the envelope. A refusal always
   * gets its negative receipt.
   */
  positiveReceipts?: 'always' | 'when_requested';
  /** The administrator who uploaded the file by hand, audited beside the system's receipt. */
  uploadedBy?: StaffActor;
};

export type ReceiveResult =
  | { outcome: 'received' | 'duplicate'; draftId: string; municipalityCode: string; municipalityName: string; receipt: OioxmlReceipt | null }
  | { outcome: 'refused'; refusal: Refusal; receipt: OioxmlReceipt | null };

/** An id of at most 14 characters (MedCom's String_1_14) for the receipt's envelope and letter. */
const receiptId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 14 - prefix.length).toUpperCase()}`;

function receiptHeader(ctx: ServiceContext): ReceiptHeader {
  return { envelopeId: receiptId('SKK'), letterId: receiptId('SKB'), sentAt: ctx.clock.now() };
}

/** The original as a receipt names it, from what could be read of the envelope (leniently). */
function originalOf(root: XmlElement | null): OriginalMessage | null {
  if (!root) return null;
  const envelope = readOioxmlEnvelope(root);
  const first = envelope.letters[0];
  if (!envelope.envelopeId || !first?.senderEan || !first.receiverEan) return null;
  return {
    envelopeId: envelope.envelopeId,
    senderEan: first.senderEan,
    receiverEan: first.receiverEan,
    letters: envelope.letters.flatMap((l) => (l.letterId && l.versionCode ? [{ letterId: l.letterId, versionCode: l.versionCode }] : [])),
  };
}

function negativeFor(ctx: ServiceContext, root: XmlElement | null, refusal: Refusal): OioxmlReceipt | null {
  const original = originalOf(root);
  const header = receiptHeader(ctx);
  if (!original || !canWriteReceipt(original, header)) return null;
  const text = refusal.problem === 'schema' ? `Syntaksfejl: ${refusal.message}` : refusal.message;
  return { kind: 'negative', xml: negativeReceipt(header, original, { code: refuseCodeOf(refusal.problem), text }) };
}

/** Letter identity for the audit log: EANs and ids, never the patient. */
function letterDetail(root: XmlElement | null): Record<string, string | null> {
  const letter = root ? readOioxmlEnvelope(root).letters[0] : undefined;
  return { senderEan: letter?.senderEan ?? null, receiverEan: letter?.receiverEan ?? null, letterId: letter?.letterId ?? null, letterType: letter?.type ?? null };
}

type Checked = { ok: true; root: XmlElement; referral: IncomingReferral } | { ok: false; root: XmlElement | null; refusal: Refusal };

/** Bytes → a read XREF01, or the first reason it cannot be one (size, encoding, XXE, form, type, schema). */
async function checkLetter(bytes: Uint8Array): Promise<Checked> {
  let root: XmlElement;
  let text: string;
  try {
    text = readXmlText(bytes, { maxBytes: MAX_OIOXML_BYTES }).text;
    root = parseXml(text);
  } catch (e) {
    if (!(e instanceof XmlInputError)) throw e;
    return { ok: false, root: null, refusal: { problem: e.problem, message: e.message, ...(e.line !== undefined ? { line: e.line } : {}) } };
  }
  const problem = checkXref01(root);
  if (problem) return { ok: false, root, refusal: { problem: problem.code, message: problem.message } };
  const schema = await validateXsd(oioxml2005Schemas(), text);
  if (!schema.valid) {
    const first = schema.issues[0];
    const more = schema.issues.length > 1 ? ` (and ${schema.issues.length - 1} more)` : '';
    return { ok: false, root, refusal: { problem: 'schema', message: `${first?.message ?? 'not valid'}${first?.line ? ` (line ${first.line})` : ''}${more}`, ...(first?.line ? { line: first.line } : {}) } };
  }
  const read = readXref01(root);
  if (!read.ok) return { ok: false, root, refusal: { problem: read.problem.code, message: read.problem.message } };
  return { ok: true, root, referral: read.referral };
}

async function auditReceipt(db: Db, ctx: ServiceContext, entries: AuditEntry[], uploadedBy: StaffActor | undefined): Promise<void> {
  await audit(db, { actor: HOSPITAL_REFERRALS_SYSTEM, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) }, entries);
  if (uploadedBy) {
    await audit(
      db,
      { actor: uploadedBy, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) },
      entries.map((e) => ({ ...e, action: 'draft_referral.upload', detail: { received: e.action, ...(typeof e.detail === 'object' && e.detail !== null && !Array.isArray(e.detail) ? e.detail : {}) } })),
    );
  }
}

/**
 * Receives a hospital referral as the bytes of an OIOXML XREF01 and answers with the receipt to
 * send back (the transport sends it). A letter that can be taken becomes a pending draft of the
 * municipality whose unit it is addressed to (its EAN), in one transaction; the same letter again
 * (sender EAN and letter id) gets the first one's receipt and makes no second draft. A letter that
 * cannot be taken is stored nowhere and answered with a negative receipt when its envelope can be
 * read. Audited as the system, never with the patient's CPR or name.
 */
export async function receiveHospitalReferral(ctx: ServiceContext, bytes: Uint8Array, options: ReceiveOptions = {}): Promise<ReceiveResult> {
  const checked = await checkLetter(bytes);
  if (!checked.ok) {
    const receipt = negativeFor(ctx, checked.root, checked.refusal);
    await auditReceipt(
      ctx.db,
      ctx,
      [{ action: 'draft_referral.receive', citizenId: null, outcome: 'failed', detail: { problem: checked.refusal.problem, receipt: receipt?.kind ?? null, ...letterDetail(checked.root) } }],
      options.uploadedBy,
    );
    return { outcome: 'refused', refusal: checked.refusal, receipt };
  }

  const referral = checked.referral;
  const { message, sender, receiver } = referral;
  const detail = { senderEan: sender.ean, receiverEan: receiver.ean, letterId: message.letterId, letterType: 'HospitalReferral' };
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<ReceiveResult> => {
    const duplicate = async (known: StoredLetter): Promise<ReceiveResult> => {
      await auditReceipt(trx, ctx, [{ action: 'draft_referral.receive', citizenId: null, entityType: 'draft_referral', entityId: known.id, outcome: 'allowed', detail: { ...detail, duplicate: true, municipalityCode: known.municipalityCode } }], options.uploadedBy);
      return { outcome: 'duplicate', draftId: known.id, municipalityCode: known.municipalityCode, municipalityName: known.municipalityName, receipt: known.receiptXml ? { kind: 'positive', xml: known.receiptXml } : null };
    };
    const known = await findDraftByLetter(trx, sender.ean, message.letterId);
    if (known) return duplicate(known);
    const unit = await findMunicipalUnitByEan(trx, receiver.ean);
    if (!unit) return { outcome: 'refused', refusal: { problem: 'unknown_receiver', message: `the receiver's location number (EAN ${receiver.ean}) is not a unit of Samkraft's municipalities` }, receipt: null };

    const original: OriginalMessage = { envelopeId: message.envelopeId, senderEan: sender.ean, receiverEan: receiver.ean, letters: [{ letterId: message.letterId, versionCode: message.versionCode || XREF01_VERSION }] };
    const header = receiptHeader(ctx);
    const wanted = options.positiveReceipts !== 'when_requested' || message.receiptRequested;
    const receiptXml = wanted && canWriteReceipt(original, header) ? positiveReceipt(header, original) : null;
    const draftId = await insertDraftUnlessKnown(trx, { receivedAt: ctx.clock.now(), municipalityCode: unit.municipalityCode, receivingOrganisationId: unit.organisationId, referral, receiptXml });
    if (!draftId) {
      // Stored by another delivery of the same letter meanwhile: that one's draft and receipt.
      const stored = await findDraftByLetter(trx, sender.ean, message.letterId);
      if (!stored) throw new Error('the draft referral is neither new nor found');
      return duplicate(stored);
    }
    await auditReceipt(trx, ctx, [{ action: 'draft_referral.receive', citizenId: null, entityType: 'draft_referral', entityId: draftId, outcome: 'allowed', detail: { ...detail, duplicate: false, municipalityCode: unit.municipalityCode } }], options.uploadedBy);
    return { outcome: 'received', draftId, municipalityCode: unit.municipalityCode, municipalityName: unit.municipalityName, receipt: receiptXml ? { kind: 'positive', xml: receiptXml } : null };
  });
  if (outcome.outcome === 'refused') {
    const receipt = negativeFor(ctx, checked.root, outcome.refusal);
    await auditReceipt(ctx.db, ctx, [{ action: 'draft_referral.receive', citizenId: null, outcome: 'failed', detail: { problem: outcome.refusal.problem, receipt: receipt?.kind ?? null, ...detail } }], options.uploadedBy);
    return { ...outcome, receipt };
  }
  return outcome;
}

/**
 * An administrator's upload of an XREF01 file, for letters that came another way than the
 * transport: received as the transport would, and a refusal answered as a bad request naming
 * the file and why (with its line) — nothing of it stored.
 */
export async function uploadHospitalReferral(ctx: ServiceContext, contentBase64: string): Promise<OioxmlUploadResult> {
  const actor = ctx.actor;
  if (actor.kind !== 'staff' || !hasRole(actor, 'administrator')) {
    await audit(ctx.db, ctx, [{ action: 'draft_referral.upload', citizenId: null, outcome: 'denied', detail: { reason: 'role' } }]);
    throw AppError.forbidden('Only administrators upload hospital referrals by hand');
  }
  const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
  const result = await receiveHospitalReferral(ctx, bytes, { uploadedBy: actor });
  if (result.outcome === 'refused') {
    const { refusal } = result;
    const params: FieldErrorParams | undefined = refusal.problem === 'too_large' ? { maximum: MAX_OIOXML_BYTES } : 'line' in refusal && refusal.line !== undefined ? { line: refusal.line } : undefined;
    throw AppError.validation([{ field: 'file', code: fieldCodeOf(refusal.problem), message: refusal.message, ...(params ? { params } : {}) }], `The file was refused: ${refusal.message}`);
  }
  return result;
}
