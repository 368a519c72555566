import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XmlInputError } from './xml-input.ts';

/**
 * A small namespace-aware element tree of a well-formed document, in document order — mixed
 * content keeps its text and elements interleaved (a MedCom `<Break/>` stays where it was).
 * Built from fast-xml-parser's ordered output; entities are decoded here, only XML's five and
 * character references (a document with a DOCTYPE never gets this far: `readXmlText`).
 */
export type XmlElement = {
  kind: 'element';
  /** The name without its prefix. */
  name: string;
  /** The namespace URI, '' for none. */
  namespace: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlNode[];
};
export type XmlTextNode = { kind: 'text'; text: string };
export type XmlNode = XmlElement | XmlTextNode;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's predefined entities and character references; anything else is left as written. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  allowBooleanAttributes: false,
});

type Ordered = Record<string, unknown>;

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);
const prefixOf = (qualified: string) => (qualified.includes(':') ? qualified.slice(0, qualified.indexOf(':')) : '');

function toNodes(items: unknown, scope: ReadonlyMap<string, string>): XmlNode[] {
  if (!Array.isArray(items)) return [];
  const nodes: XmlNode[] = [];
  for (const item of items as Ordered[]) {
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') nodes.push({ kind: 'text', text: decodeXmlEntities(String(value)) });
      else if (key === '#cdata') nodes.push({ kind: 'text', text: (Array.isArray(value) ? (value as Ordered[]) : []).map((v) => (typeof v['#text'] === 'string' ? v['#text'] : '')).join('') });
      else if (!key.startsWith('?')) nodes.push(toElement(key, value, (item[':@'] ?? {}) as Record<string, string>, scope));
    }
  }
  return nodes;
}

function toElement(qualified: string, content: unknown, rawAttributes: Record<string, string>, parentScope: ReadonlyMap<string, string>): XmlElement {
  const scope = new Map(parentScope);
  const attributes: Record<string, string> = {};
  for (const [name, raw] of Object.entries(rawAttributes)) {
    const value = decodeXmlEntities(String(raw));
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
    else attributes[name] = value;
  }
  return { kind: 'element', name: localName(qualified), namespace: scope.get(prefixOf(qualified)) ?? '', attributes, children: toNodes(content, scope) };
}

/**
 * Parses a document that `readXmlText` let through. Throws `XmlInputError('malformed')` with the
 * line of the first fault when it is not well-formed.
 */
export function parseXml(text: string): XmlElement {
  const checked = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (checked !== true) throw new XmlInputError('malformed', `the XML is not well-formed: ${checked.err.msg} (line ${checked.err.line})`, checked.err.line);
  const root = toNodes(parser.parse(text), new Map()).filter((n): n is XmlElement => n.kind === 'element');
  if (root.length !== 1 || !root[0]) throw new XmlInputError('malformed', 'the XML is not well-formed: it must have exactly one root element');
  return root[0];
}

// ─── reading a tree ───────────────────────────────────────────────────────────

const isElement = (n: XmlNode): n is XmlElement => n.kind === 'element';

/** The child elements, all or those of one name (in the parent's namespace unless given). */
export function childElements(parent: XmlElement, name?: string, namespace = parent.namespace): XmlElement[] {
  return parent.children.filter(isElement).filter((e) => name === undefined || (e.name === name && e.namespace === namespace));
}

/** The first child element of that name, if any. */
export function childElement(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent ? childElements(parent, name)[0] : undefined;
}

/** The element at a path of child names, if every step exists. */
export function elementAt(parent: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let at = parent;
  for (const name of path) at = childElement(at, name);
  return at;
}

/** All text inside an element, in order (markup dropped). */
export function textContent(element: XmlElement): string {
  return element.children.map((n) => (n.kind === 'text' ? n.text : textContent(n))).join('');
}

/** The trimmed text at a path, undefined when the element is missing or empty. */
export function textAt(parent: XmlElement | undefined, ...path: string[]): string | undefined {
  const e = elementAt(parent, ...path);
  const t = e ? textContent(e).trim() : '';
  return t === '' ? undefined : t;
}
