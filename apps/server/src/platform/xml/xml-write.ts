/**
 * Writing XML: a document from a plain tree of elements and text, UTF-8, indented two spaces,
 * every text escaped. An element's children are either elements (one per line) or text and
 * elements mixed (kept on one line, as mixed content must be).
 */
export type XmlOut = { name: string; attributes?: Readonly<Record<string, string>>; children?: readonly (XmlOut | string)[] };

/** Characters XML 1.0 cannot carry at all (not even escaped): refused, never silently dropped. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

function escapeText(s: string): string {
  if (NOT_XML.test(s)) throw new Error('text with a character XML 1.0 cannot carry');
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** An element with the given children; `undefined` children are left out (optional elements). */
export function el(name: string, ...children: (XmlOut | string | undefined)[]): XmlOut {
  return { name, children: children.filter((c): c is XmlOut | string => c !== undefined) };
}

function write(e: XmlOut, indent: string, out: string[]): void {
  if (!NAME.test(e.name)) throw new Error(`not an XML name: ${e.name}`);
  const attributes = Object.entries(e.attributes ?? {})
    .map(([k, v]) => {
      if (!NAME.test(k)) throw new Error(`not an XML name: ${k}`);
      return ` ${k}="${escapeAttribute(v)}"`;
    })
    .join('');
  const children = e.children ?? [];
  if (children.length === 0) {
    out.push(`${indent}<${e.name}${attributes}/>`);
  } else if (children.some((c) => typeof c === 'string')) {
    const inline: string[] = [];
    for (const c of children) {
      if (typeof c === 'string') inline.push(escapeText(c));
      else {
        const nested: string[] = [];
        write(c, '', nested);
        inline.push(nested.join(''));
      }
    }
    out.push(`${indent}<${e.name}${attributes}>${inline.join('')}</${e.name}>`);
  } else {
    out.push(`${indent}<${e.name}${attributes}>`);
    for (const c of children) if (typeof c !== 'string') write(c, `${indent}  `, out);
    out.push(`${indent}</${e.name}>`);
  }
}

/** The whole document, with its UTF-8 declaration and a final newline. */
export function writeXmlDocument(root: XmlOut): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
