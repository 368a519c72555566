import { el, writeXmlDocument, type XmlOut } from '../../platform/xml/xml-write.ts';
import { OIOXML_2005_NAMESPACE } from './xref01.reader.ts';

/**
 * MedCom's OIOXML receipts for a received letter (namespace 2005/08/07): the positive receipt
 * XCTL03 (`PositiveReceipt`, XC0330Q) and the negative receipt XCTL02 (`NegativeReceipt`,
 * XC0230Q) with its refusal code. Pure; written as UTF-8 (the schema allows any encoding).
 * A receipt is sent by the receiver of the original letter to its sender, and names the
 * original envelope and letters.
 */

export const refuseCodes = ['ikke_specificeret', 'ukendt_lokationsnummer', 'problem_med_modtagerID', 'problem_med_version', 'syntaksfejl'] as const;
export type RefuseCode = (typeof refuseCodes)[number];

export type OriginalMessage = {
  envelopeId: string;
  senderEan: string;
  receiverEan: string;
  letters: { letterId: string; versionCode: string }[];
};

/** The receipt's own envelope and letter ids (at most 14 characters each) and when it is sent. */
export type ReceiptHeader = { envelopeId: string; letterId: string; sentAt: Date };

const copenhagen = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Danish local date and time, as MedCom's `DateTimeType` wants them (`YYYY-MM-DD`, `hh:mm`). */
export function danishDateAndTime(at: Date): { date: string; time: string } {
  const [date = '', time = ''] = copenhagen.format(at).split(' ');
  return { date, time };
}

const fits = (v: string, max: number) => v.length >= 1 && v.length <= max;

/**
 * Whether a receipt can be written at all: the original's envelope id, both EANs and each letter's
 * id and version must fit the receipt schema's fields (the sender's own letter may not — then
 * there is no receipt to send, only the refusal).
 */
export function canWriteReceipt(original: OriginalMessage, header: ReceiptHeader): boolean {
  return (
    fits(original.envelopeId, 14) &&
    fits(original.senderEan, 35) &&
    fits(original.receiverEan, 35) &&
    fits(header.envelopeId, 14) &&
    fits(header.letterId, 14) &&
    original.letters.every((l) => fits(l.letterId, 14) && fits(l.versionCode, 7))
  );
}

function envelope(header: ReceiptHeader): XmlOut {
  const { date, time } = danishDateAndTime(header.sentAt);
  return el('Envelope', el('Sent', el('Date', date), el('Time', time)), el('Identifier', header.envelopeId), el('AcknowledgementCode', 'minuspositivkvitt'));
}

const ean = (tag: string, value: string) => el(tag, el('EANIdentifier', value));

function receipt(letterName: 'PositiveReceipt' | 'NegativeReceipt', version: string, statistical: string, header: ReceiptHeader, original: OriginalMessage, originalContent: XmlOut[]): string {
  if (!canWriteReceipt(original, header)) throw new Error('the original message does not fit a receipt (canWriteReceipt)');
  return writeXmlDocument({
    name: 'Emessage',
    attributes: { xmlns: OIOXML_2005_NAMESPACE },
    children: [
      envelope(header),
      el(
        letterName,
        el('Letter', el('Identifier', header.letterId), el('VersionCode', version), el('StatisticalCode', statistical)),
        // We answer as the original's receiver, to its sender.
        ean('Sender', original.receiverEan),
        ean('Receiver', original.senderEan),
        el('OriginalEmessage', el('OriginalEnvelopeIdentifier', original.envelopeId), ean('OriginalSender', original.senderEan), ean('OriginalReceiver', original.receiverEan), ...originalContent),
      ),
    ],
  });
}

/** XCTL03: every letter of the original envelope was received. */
export function positiveReceipt(header: ReceiptHeader, original: OriginalMessage): string {
  return receipt(
    'PositiveReceipt',
    'XC0330Q',
    'XCTL03',
    header,
    original,
    original.letters.map((l) => el('OriginalLetter', el('OriginalLetterIdentifier', l.letterId), el('OriginalVersionCode', l.versionCode))),
  );
}

/**
 * XCTL02: the envelope (and each letter named) is refused, with the code and a text saying why.
 * The text goes to the sender: it names what is wrong, never a value of the letter.
 */
export function negativeReceipt(header: ReceiptHeader, original: OriginalMessage, refusal: { code: RefuseCode; text: string }): string {
  const text = refusal.text.slice(0, 1000);
  return receipt('NegativeReceipt', 'XC0230Q', 'XCTL02', header, original, [
    el('RefuseCode', refusal.code),
    el('RefuseText', text),
    ...original.letters.map((l) => el('OriginalLetter', el('OriginalLetterIdentifier', l.letterId), el('OriginalVersionCode', l.versionCode), el('RefuseCode', refusal.code), el('RefuseText', text))),
  ]);
}
