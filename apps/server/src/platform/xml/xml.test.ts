import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXmlText, XmlInputError, type XmlInputProblem } from './xml-input.ts';
import { childElements, elementAt, parseXml, textAt, textContent, type XmlElement } from './xml-tree.ts';
import { el, writeXmlDocument } from './xml-write.ts';
import { redactXsdMessage, validateXsd, xsdSet } from './xsd.ts';

const repo = path.resolve(import.meta.dirname, '../../../../..');
const oioxml = path.join(repo, 'refdata/medcom-oioxml');
const xref01 = fs.readFileSync(path.join(oioxml, 'examples/edifactconverter_XREF01_REF01_1.xml'));
const xctl03 = fs.readFileSync(path.join(oioxml, 'examples/medcom_Flow2-XCTL03_Ex_from_FHIR_XDIS91.xml'));
const schemas = () => xsdSet(path.join(oioxml, 'xsd/2005/08/07'), 'EMessage.xsd');
const MAX = 512 * 1024;
const bytes = (s: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(s, encoding));

function refusal(input: Uint8Array | string, max = MAX): { problem: XmlInputProblem; message: string; line: number | undefined } {
  try {
    const text = readXmlText(typeof input === 'string' ? bytes(input) : input, { maxBytes: max }).text;
    parseXml(text);
  } catch (e) {
    if (e instanceof XmlInputError) return { problem: e.problem, message: e.message, line: e.line };
    throw e;
  }
  throw new Error('not refused');
}

describe('readXmlText', () => {
  it('reads the refdata XREF01 as windows-1252 and rewrites its declaration to UTF-8', () => {
    const { text, encoding } = readXmlText(xref01, { maxBytes: MAX });
    expect(encoding).toBe('windows-1252');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain('<OrganisationName>Lægehuset</OrganisationName>');
    expect(text).toContain('larynxødem');
  });

  it('decodes windows-1252 bytes 0x80–0x9F as windows-1252 (€, en dash), not as C1 controls', () => {
    const head = '<?xml version="1.0" encoding="windows-1252"?><a>';
    const doc = new Uint8Array([...bytes(head), 0x80, 0x96, 0xe6, ...bytes('</a>')]);
    expect(readXmlText(doc, { maxBytes: MAX }).text).toContain('<a>€–æ</a>');
  });

  it('decodes ISO-8859-1 byte by byte and UTF-8 (with or without a byte order mark)', () => {
    const latin1 = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>Ærø</a>', 'latin1');
    expect(readXmlText(latin1, { maxBytes: MAX })).toEqual({ text: '<?xml version="1.0" encoding="UTF-8"?><a>Ærø</a>', encoding: 'ISO-8859-1' });
    expect(readXmlText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('<a>Ærø</a>')]), { maxBytes: MAX })).toEqual({ text: '<a>Ærø</a>', encoding: 'UTF-8' });
    expect(readXmlText(bytes("<?xml version='1.0' encoding='utf-8'?><a/>"), { maxBytes: MAX }).text).toBe('<?xml version=\'1.0\' encoding="UTF-8"?><a/>');
  });

  it('refuses with a reason: too large, empty, not XML, unknown or wrong encoding, DOCTYPE/ENTITY (XXE), not well-formed', () => {
    expect(refusal('<a/>', 3)).toMatchObject({ problem: 'too_large', message: 'the file is 4 bytes; at most 3 are accepted' });
    expect(refusal('  \n')).toMatchObject({ problem: 'empty' });
    expect(refusal('%PDF-1.7 …')).toMatchObject({ problem: 'not_xml' });
    expect(refusal('{"resourceType":"Bundle"}')).toMatchObject({ problem: 'not_xml' });
    expect(refusal('<?xml version="1.0" encoding="EBCDIC-US"?><a/>')).toMatchObject({ problem: 'unsupported_encoding', message: expect.stringContaining('"EBCDIC-US"') });
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toMatchObject({ problem: 'unsupported_encoding' });
    expect(refusal(new Uint8Array([...bytes('<a>'), 0xe6, ...bytes('</a>')]))).toMatchObject({ problem: 'bad_encoding' });
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE a [\n<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<a>&x;</a>';
    expect(refusal(xxe)).toMatchObject({ problem: 'doctype', line: 2, message: expect.stringContaining('DOCTYPE declaration (line 2)') });
    expect(refusal('<a><!-- --><!ENTITY y "z"></a>')).toMatchObject({ problem: 'doctype' });
    expect(refusal('<a>\n<b></a>')).toMatchObject({ problem: 'malformed', line: 2 });
    expect(refusal('<a/><b/>')).toMatchObject({ problem: 'malformed' });
  });
});

describe('parseXml', () => {
  it('keeps namespaces, mixed content in order, and decodes only XML entities', () => {
    const root = parseXml('<m:a xmlns:m="urn:m" xmlns="urn:d" k="1 &amp; 2"><b>x &amp; &#198;&#x41; &nbsp;<Break/>y</b><m:c/><![CDATA[<raw>]]></m:a>');
    expect(root).toMatchObject({ name: 'a', namespace: 'urn:m', attributes: { k: '1 & 2' } });
    const b = childElements(root, 'b', 'urn:d')[0] as XmlElement;
    expect(b.children.map((n) => (n.kind === 'text' ? n.text : `<${n.name}/>`))).toEqual(['x & ÆA &nbsp;', '<Break/>', 'y']);
    expect(childElements(root, 'c').map((e) => e.namespace)).toEqual(['urn:m']);
    expect(textContent(root)).toBe('x & ÆA &nbsp;y<raw>');
  });

  it('reads the refdata XREF01 by path', () => {
    const root = parseXml(readXmlText(xref01, { maxBytes: MAX }).text);
    expect(root.name).toBe('Emessage');
    expect(textAt(root, 'Envelope', 'Identifier')).toBe('Kuv1234');
    expect(textAt(root, 'HospitalReferral', 'Patient', 'CivilRegistrationNumber')).toBe('1502779995');
    expect(elementAt(root, 'HospitalReferral', 'Nothing')).toBeUndefined();
  });
});

describe('writeXmlDocument', () => {
  it('writes UTF-8 with escaped text, element children one per line and mixed content inline', () => {
    const doc = writeXmlDocument({ name: 'a', attributes: { xmlns: 'urn:x', q: '"<&>' }, children: [el('b', 'x < y & z'), el('c'), el('d', 'one', el('Break'), 'two'), el('e', undefined)] });
    expect(doc).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns="urn:x" q="&quot;&lt;&amp;&gt;">\n  <b>x &lt; y &amp; z</b>\n  <c/>\n  <d>one<Break/>two</d>\n  <e/>\n</a>\n');
    expect(parseXml(doc).attributes).toEqual({ q: '"<&>' });
    expect(() => writeXmlDocument(el('a', 'bell \u0007'))).toThrow('XML 1.0 cannot carry');
    expect(() => writeXmlDocument(el('a b'))).toThrow('not an XML name');
  });
});

// Each validation compiles MedCom's schema set (0.3–1 s): more than vitest's 5 s on a loaded machine.
describe('validateXsd (xmllint-wasm, MedCom 2005/08/07 schemas)', { timeout: 30_000 }, () => {
  it('finds the refdata XREF01 (after decoding) and XCTL03 valid', async () => {
    expect(await validateXsd(schemas(), readXmlText(xref01, { maxBytes: MAX }).text)).toEqual({ valid: true });
    expect(await validateXsd(schemas(), readXmlText(xctl03, { maxBytes: MAX }).text)).toEqual({ valid: true });
  });

  it('names the line of each fault and leaves the values (a CPR) out of the message', async () => {
    const text = readXmlText(xref01, { maxBytes: MAX }).text.replace('<CivilRegistrationNumber>1502779995</CivilRegistrationNumber>', '<CivilRegistrationNumber>1502779995X</CivilRegistrationNumber>');
    const result = await validateXsd(schemas(), text);
    expect(result.valid).toBe(false);
    const issues = result.valid ? [] : result.issues;
    const line = text.split('\n').findIndex((l) => l.includes('1502779995X')) + 1;
    expect(issues[0]?.line).toBe(line);
    expect(issues[0]?.message).toContain("Element 'CivilRegistrationNumber'");
    expect(JSON.stringify(issues)).not.toMatch(/150277/);
  });

  it('redacts quoted values and digit runs from libxml2 messages', () => {
    expect(redactXsdMessage("Schemas validity error : Element '{urn:x}Cpr': [facet 'pattern'] The value '1502779995X' is not accepted by the pattern '[0-9]{10}'.")).toBe(
      "Element 'Cpr': [facet 'pattern'] The value is not accepted by the pattern '[0-9]{10}'.",
    );
    expect(redactXsdMessage("Element '{urn:x}Date': '2005-13-01' is not a valid value of the atomic type 'xs:date'.")).toBe("Element 'Date': the value is not a valid value of the atomic type 'xs:date'.");
  });
});
