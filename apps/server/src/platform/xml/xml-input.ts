/**
 * Untrusted XML bytes made into text, safely: the size is checked before anything is read, the
 * bytes are decoded by the encoding the XML declaration names (MedCom's OIOXML letters come as
 * windows-1252 or ISO-8859-1 as often as UTF-8), and a document type or entity declaration is
 * refused outright — nothing Samkraft receives needs one, and they are how XML external entity
 * (XXE) and entity expansion attacks travel. The text comes back with its declaration saying
 * UTF-8, which is what the XSD validator (libxml2 without iconv) and the parser read.
 */

export type XmlInputProblem =
  /** No bytes, or only white space. */
  | 'empty'
  /** More bytes than the caller allows. */
  | 'too_large'
  /** Does not begin as an XML document. */
  | 'not_xml'
  /** The declaration names an encoding not read here. */
  | 'unsupported_encoding'
  /** The bytes are not valid in the declared (or default UTF-8) encoding. */
  | 'bad_encoding'
  /** A DOCTYPE or ENTITY declaration (XXE). */
  | 'doctype'
  /** Not well-formed (`xml-tree.ts`). */
  | 'malformed';

/** Why an XML input was refused, in English without any of its content; `line` when known. */
export class XmlInputError extends Error {
  readonly problem: XmlInputProblem;
  readonly line: number | undefined;
  constructor(problem: XmlInputProblem, message: string, line?: number) {
    super(message);
    this.name = 'XmlInputError';
    this.problem = problem;
    this.line = line;
  }
}

export type XmlEncoding = 'UTF-8' | 'windows-1252' | 'ISO-8859-1';

export type XmlText = {
  /** The document as text, its declaration (if any) now saying `encoding="UTF-8"`. */
  text: string;
  /** The encoding the bytes were read in. */
  encoding: XmlEncoding;
};

const ENCODINGS: Record<string, XmlEncoding> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'ISO-8859-1',
  'iso8859-1': 'ISO-8859-1',
  'iso_8859-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  l1: 'ISO-8859-1',
};

/**
 * windows-1252's bytes 0x80–0x9F (the rest is ISO-8859-1). Written out because Node 20's
 * TextDecoder('windows-1252') decodes these bytes as ISO-8859-1's C1 controls (0x80 → U+0080,
 * not €). The five bytes windows-1252 leaves undefined map to the control of the same number,
 * as the WHATWG encoding standard does.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc,
  0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeSingleByte(bytes: Uint8Array, cp1252: boolean): string {
  const parts: string[] = [];
  const chunk = 0x4000;
  for (let i = 0; i < bytes.length; i += chunk) {
    const codes = Array.from(bytes.subarray(i, i + chunk), (b) => (cp1252 && b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

const DECLARATION = /^<\?xml\s[^?]*\?>/;
const ENCODING_ATTRIBUTE = /\sencoding\s*=\s*(["'])([A-Za-z0-9._-]*)\1/;

/** The encoding the declaration names, read from the first bytes (ASCII in every encoding accepted here). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = decodeSingleByte(bytes.subarray(0, 200), false);
  const declaration = DECLARATION.exec(head)?.[0];
  return declaration ? ENCODING_ATTRIBUTE.exec(declaration)?.[2] : undefined;
}

/**
 * Reads untrusted XML bytes as text; throws `XmlInputError` with a reason a person can act on.
 * Well-formedness is checked by the parser (`parseXml`) and the schema by `validateXsd`.
 */
export function readXmlText(bytes: Uint8Array, o: { maxBytes: number }): XmlText {
  if (bytes.length > o.maxBytes) throw new XmlInputError('too_large', `the file is ${bytes.length} bytes; at most ${o.maxBytes} are accepted`);
  let body = bytes;
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (utf8Bom) body = bytes.subarray(3);
  else if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new XmlInputError('unsupported_encoding', 'the file is UTF-16; Samkraft reads XML in UTF-8, windows-1252 or ISO-8859-1');
  }
  const named = declaredEncoding(body);
  const encoding = named === undefined ? 'UTF-8' : ENCODINGS[named.toLowerCase()];
  if (!encoding) throw new XmlInputError('unsupported_encoding', `the XML declaration names the encoding "${named}"; Samkraft reads UTF-8, windows-1252 and ISO-8859-1`);
  if (utf8Bom && encoding !== 'UTF-8') throw new XmlInputError('bad_encoding', `the file starts with a UTF-8 byte order mark but declares ${encoding}`);

  let text: string;
  if (encoding === 'UTF-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      throw new XmlInputError('bad_encoding', 'the file is not valid UTF-8 (declare its encoding, e.g. windows-1252, in the XML declaration)');
    }
  } else {
    text = decodeSingleByte(body, encoding === 'windows-1252');
  }

  const start = text.search(/\S/);
  if (start < 0) throw new XmlInputError('empty', 'the file is empty');
  if (text[start] !== '<') throw new XmlInputError('not_xml', 'the file is not XML: it does not begin with "<"');
  // Anywhere, even in a comment: nothing Samkraft reads declares a document type or entities.
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (declaration) {
    const line = text.slice(0, declaration.index).split('\n').length;
    throw new XmlInputError('doctype', `the XML has a ${declaration[1]?.toUpperCase()} declaration (line ${line}); documents with DOCTYPE or ENTITY declarations are refused (XML external entities)`, line);
  }
  const utf8 = text.replace(DECLARATION, (d) => (ENCODING_ATTRIBUTE.test(d) ? d.replace(ENCODING_ATTRIBUTE, ' encoding="UTF-8"') : d));
  return { text: utf8, encoding };
}
