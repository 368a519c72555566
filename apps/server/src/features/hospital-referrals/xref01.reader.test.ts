import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXmlText } from '../../platform/xml/xml-input.ts';
import { parseXml } from '../../platform/xml/xml-tree.ts';
import { checkXref01, formattedText, readOioxmlEnvelope, readXref01 } from './xref01.reader.ts';

const examples = path.resolve(import.meta.dirname, '../../../../../refdata/medcom-oioxml/examples');
const read = (file: string) => parseXml(readXmlText(fs.readFileSync(path.join(examples, file)), { maxBytes: 1 << 20 }).text);
const xref01 = () => read('edifactconverter_XREF01_REF01_1.xml');

describe('readXref01 on the refdata XREF01 (MedCom REF01_1)', () => {
  const result = readXref01(xref01());
  if (!result.ok) throw new Error(result.problem.message);
  const r = result.referral;

  it('reads the envelope and letter identity', () => {
    expect(r.format).toBe('oioxml_xref01');
    expect(r.message).toEqual({ envelopeId: 'Kuv1234', letterId: 'Brv5678', statusCode: 'nytbrev', sentAt: '2005-01-15 12:02', episodeOfCareId: null, receiptRequested: false, versionCode: 'XH0130R' });
  });

  it('reads the sender (a GP clinic by ydernummer), its referrer and the receiver EAN', () => {
    expect(r.sender).toEqual({
      ean: '5790000121526',
      identifier: '079741',
      identifierCode: 'ydernummer',
      organisationName: 'Lægehuset',
      departmentName: null,
      unitName: null,
      address: 'Vandværksvej 99, 3400 Hillerød',
      phone: '45121314',
      specialityCode: 'almenlaege_laegevagt',
      referrerName: 'Hans Jensen',
      referrerTitle: 'Uddannelsesamanuensis',
    });
    expect(r.receiver).toEqual({ ean: '5790000201389', identifier: '2001060', identifierCode: 'sygehusafdelingsnummer', organisationName: 'Hillerød Sygehus', departmentName: 'Medicinsk afd. B' });
  });

  it('reads the patient: the CPR as citizen.cpr stores it, names, address, phones and e-mail', () => {
    expect(r.patient).toEqual({
      cpr: '1502779995',
      otherIdentifier: null,
      givenName: 'Ruddi Test',
      familyName: 'Berggren',
      addressLine: 'Park Alle 48',
      postalCode: '3400',
      city: 'Hillerød',
      phones: [
        { number: '48302223', kind: 'fastnet' },
        { number: '20222324', kind: 'mobil' },
      ],
      email: 'ole.berggren@danmarksmestkendtepatient.dk',
    });
  });

  it('keeps the diagnosis as given — DI10 is no cancer code, kept raw — and the additional one', () => {
    expect(r.diagnosis).toEqual({ code: 'DI10', type: 'SKSdiagnosekode', text: 'Blodtryksforhøjelse af ukendt årsag.', description: null });
    expect(r.additionalDiagnoses).toEqual([{ code: 'DE659', type: 'SKSdiagnosekode', text: 'Fedme u. spec', description: 'tillaegsdiagnose' }]);
    expect(r.priority).toBe('elektiv');
  });

  it('turns FormattedText into plain text: <Break/> is a new line', () => {
    expect(r.texts.clinicalReason).toBe('Hypertensionsudredning + behandling samt diætvejledning vedrørende overvægt');
    expect(r.texts.supplementary).toBe('Indkaldes fra sommerhus, Sommervej 10, Gilleleje');
    expect(r.texts.cave).toBe('Fenoxymetylpenicillin (1994 Ringsted Sgh. med larynxødem)');
    expect(r.texts.anamnesis?.split('\n')).toHaveLength(6);
    expect(r.texts.anamnesis?.split('\n')[1]).toBe(
      'Gift fabrikant. Siden barnealderen været overvægtig., altid dårlige kostvaner spec. med overflødig fedtkalorie-tilførsel. I flere perioder beh. for addiktivt alkoholmisbrug.',
    );
    expect(r.texts.examination).toContain('Klinisk kemi (12.9.00-fastende):\nTotalchol. 7.6 mmol/l.');
    expect(r.texts.actualMedicine).toMatch(/^Tabl Triatec 5 mg .* kaliumtilskud$/);
  });
});

describe('formattedText', () => {
  it('keeps the text of type faces, <Space/> as a space, and drops the file\'s own line breaks', () => {
    const e = parseXml('<T>  Linje <Bold>fed</Bold><Space/>og\n    <Italic>kursiv</Italic><Break/><Break/><Break/><Break/>Sidste  linje <Break/></T>');
    expect(formattedText(e)).toBe('Linje fed og kursiv\n\nSidste linje');
    expect(formattedText(parseXml('<T><Break/> </T>'))).toBeNull();
    expect(formattedText(undefined)).toBeNull();
  });
});

describe('checkXref01', () => {
  it('refuses another letter type (the XCTL03 receipt) and another namespace, naming what it is', () => {
    expect(checkXref01(read('medcom_Flow2-XCTL03_Ex_from_FHIR_XDIS91.xml'))).toEqual({
      code: 'wrong_letter_type',
      message: 'the letter is PositiveReceipt (XC0330Q); Samkraft receives only hospital referrals XREF01 (HospitalReferral, XH0130R) here',
    });
    expect(checkXref01(parseXml('<Bundle xmlns="http://hl7.org/fhir"/>'))).toMatchObject({ code: 'wrong_letter_type', message: expect.stringContaining('root element is Bundle in http://hl7.org/fhir') });
  });

  it('reads an envelope leniently for a receipt, and refuses two letters in one envelope', () => {
    const root = xref01();
    expect(readOioxmlEnvelope(root)).toEqual({
      envelopeId: 'Kuv1234',
      receiptRequested: false,
      letters: [{ type: 'HospitalReferral', letterId: 'Brv5678', versionCode: 'XH0130R', senderEan: '5790000121526', receiverEan: '5790000201389' }],
    });
    const letter = root.children.find((n) => n.kind === 'element' && n.name === 'HospitalReferral');
    const two = { ...root, children: [...root.children, ...(letter ? [letter] : [])] };
    expect(checkXref01(two)).toEqual({ code: 'several_letters', message: 'the envelope carries 2 letters; send one hospital referral per envelope' });
  });

  it('keeps a CPR that does not read as one (0000000000) as another identifier', () => {
    const text = readXmlText(fs.readFileSync(path.join(examples, 'edifactconverter_XREF01_REF01_1.xml')), { maxBytes: 1 << 20 }).text.replace('1502779995', '0000000000');
    const read = readXref01(parseXml(text));
    expect(read.ok && read.referral.patient).toMatchObject({ cpr: null, otherIdentifier: '0000000000' });
  });
});
