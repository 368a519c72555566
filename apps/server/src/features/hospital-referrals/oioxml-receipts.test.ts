import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml, textAt } from '../../platform/xml/xml-tree.ts';
import { validateXsd, xsdSet } from '../../platform/xml/xsd.ts';
import { canWriteReceipt, danishDateAndTime, negativeReceipt, positiveReceipt, refuseCodes, type OriginalMessage } from './oioxml-receipts.ts';
import { oioxml2005Schemas } from './oioxml-schemas.ts';

// The refdata XREF01's identity: GP 5790000121526 to 5790000201389, envelope Kuv1234, letter Brv5678.
const original: OriginalMessage = { envelopeId: 'Kuv1234', senderEan: '5790000121526', receiverEan: '5790000201389', letters: [{ letterId: 'Brv5678', versionCode: 'XH0130R' }] };
const header = { envelopeId: 'SKK1A2B3C4D5E6', letterId: 'SKB1A2B3C4D5E6', sentAt: new Date('2026-06-15T10:02:00Z') };
const refdataSchemas = () => xsdSet(path.resolve(import.meta.dirname, '../../../../../refdata/medcom-oioxml/xsd/2005/08/07'), 'EMessage.xsd');

// Each XSD validation compiles MedCom's schema set (0.3–1 s): more than vitest's 5 s on a loaded machine.
describe('XCTL03 positive receipt', { timeout: 30_000 }, () => {
  const xml = positiveReceipt(header, original);

  it('is valid against the shipped XSD (and the feature finds the same schema set)', async () => {
    expect(await validateXsd(refdataSchemas(), xml)).toEqual({ valid: true });
    expect(oioxml2005Schemas().root.contents).toBe(refdataSchemas().root.contents);
  });

  it('answers as the original receiver to its sender, naming the original envelope and letter', () => {
    const root = parseXml(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Emessage xmlns="http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/">')).toBe(true);
    expect(textAt(root, 'Envelope', 'Sent', 'Date')).toBe('2026-06-15');
    expect(textAt(root, 'Envelope', 'Sent', 'Time')).toBe('12:02');
    expect(textAt(root, 'Envelope', 'Identifier')).toBe('SKK1A2B3C4D5E6');
    expect(textAt(root, 'PositiveReceipt', 'Letter', 'VersionCode')).toBe('XC0330Q');
    expect(textAt(root, 'PositiveReceipt', 'Letter', 'StatisticalCode')).toBe('XCTL03');
    expect(textAt(root, 'PositiveReceipt', 'Sender', 'EANIdentifier')).toBe('5790000201389');
    expect(textAt(root, 'PositiveReceipt', 'Receiver', 'EANIdentifier')).toBe('5790000121526');
    expect(textAt(root, 'PositiveReceipt', 'OriginalEmessage', 'OriginalEnvelopeIdentifier')).toBe('Kuv1234');
    expect(textAt(root, 'PositiveReceipt', 'OriginalEmessage', 'OriginalSender', 'EANIdentifier')).toBe('5790000121526');
    expect(textAt(root, 'PositiveReceipt', 'OriginalEmessage', 'OriginalLetter', 'OriginalLetterIdentifier')).toBe('Brv5678');
    expect(textAt(root, 'PositiveReceipt', 'OriginalEmessage', 'OriginalLetter', 'OriginalVersionCode')).toBe('XH0130R');
  });
});

describe('XCTL02 negative receipt', { timeout: 60_000 }, () => {
  it('is valid against the shipped XSD for every refusal code', async () => {
    for (const code of refuseCodes) {
      const xml = negativeReceipt(header, original, { code, text: `Afvist: ${code} <&>` });
      expect(await validateXsd(refdataSchemas(), xml), code).toEqual({ valid: true });
    }
  });

  it('carries the code and text on the envelope and on the letter', () => {
    const root = parseXml(negativeReceipt(header, original, { code: 'ukendt_lokationsnummer', text: 'Ukendt modtager' }));
    expect(textAt(root, 'NegativeReceipt', 'Letter', 'VersionCode')).toBe('XC0230Q');
    expect(textAt(root, 'NegativeReceipt', 'Letter', 'StatisticalCode')).toBe('XCTL02');
    expect(textAt(root, 'NegativeReceipt', 'OriginalEmessage', 'RefuseCode')).toBe('ukendt_lokationsnummer');
    expect(textAt(root, 'NegativeReceipt', 'OriginalEmessage', 'RefuseText')).toBe('Ukendt modtager');
    expect(textAt(root, 'NegativeReceipt', 'OriginalEmessage', 'OriginalLetter', 'RefuseCode')).toBe('ukendt_lokationsnummer');
  });

  it('is valid without letters (an envelope whose letter could not be read)', async () => {
    expect(await validateXsd(refdataSchemas(), negativeReceipt(header, { ...original, letters: [] }, { code: 'syntaksfejl', text: 'x' }))).toEqual({ valid: true });
  });
});

describe('receipt limits', () => {
  it('writes no receipt for an original whose ids do not fit the schema (too long, empty)', () => {
    expect(canWriteReceipt(original, header)).toBe(true);
    expect(canWriteReceipt({ ...original, envelopeId: 'K'.repeat(15) }, header)).toBe(false);
    expect(canWriteReceipt({ ...original, letters: [{ letterId: 'B', versionCode: 'XH0130RX' }] }, header)).toBe(false);
    expect(() => positiveReceipt(header, { ...original, senderEan: '' })).toThrow('canWriteReceipt');
  });

  it('writes Danish local time in winter and summer', () => {
    expect(danishDateAndTime(new Date('2026-01-15T23:30:00Z'))).toEqual({ date: '2026-01-16', time: '00:30' });
    expect(danishDateAndTime(new Date('2026-07-01T21:59:00Z'))).toEqual({ date: '2026-07-01', time: '23:59' });
  });
});
