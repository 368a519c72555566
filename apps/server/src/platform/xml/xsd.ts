import fs from 'node:fs';
import path from 'node:path';

/**
 * XSD validation with libxml2's xmllint compiled to WebAssembly (xmllint-wasm: no native build,
 * no network, runs in a worker thread). A schema set is read from its folder once: the root
 * schema and every other .xsd under it, preloaded under its path relative to the folder, which
 * is what the schemas' `schemaLocation`s name (`Cpr/CPR_CivilRegistrationNumber.xsd`). The
 * schemas are compiled on every call (about 0.3–0.5 s for MedCom's 2005 set): fine for letters
 * that come one at a time.
 */
export type XsdSet = { root: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] };

export type XsdIssue = { message: string; line: number | null };
export type XsdResult = { valid: true } | { valid: false; issues: XsdIssue[] };

const sets = new Map<string, XsdSet>();

function xsdFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) => (e.isFile() && e.name.endsWith('.xsd') ? [path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')] : []));
}

/** The schema set in `dir` with `rootFile` as its root, read once per process. */
export function xsdSet(dir: string, rootFile: string): XsdSet {
  const key = `${dir}\0${rootFile}`;
  let set = sets.get(key);
  if (!set) {
    const read = (fileName: string) => ({ fileName, contents: fs.readFileSync(path.join(dir, fileName), 'utf8') });
    set = { root: read(rootFile), preload: xsdFiles(dir).filter((f) => f !== rootFile).sort().map(read) };
    sets.set(key, set);
  }
  return set;
}

/**
 * libxml2 quotes the offending value ("The value '1502779995x' is not …"): the message goes to
 * logs and back to the sender, so values are left out and any long digit run (a CPR number)
 * masked.
 */
export function redactXsdMessage(message: string): string {
  return message
    .replace(/^Schemas validity error : /, '')
    .replace(/Element '\{[^}]*\}/g, "Element '")
    .replace(/(value|content) '[^']*'/g, '$1')
    .replace(/: '[^']*' is not/g, ': the value is not')
    .replace(/[0-9]{6,}/g, '…')
    .trim();
}

/** Validates a UTF-8 document (as `readXmlText` returns it) against a schema set. */
export async function validateXsd(set: XsdSet, xml: string): Promise<XsdResult> {
  const { validateXML } = await import('xmllint-wasm');
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [set.root],
    preload: set.preload,
    // Belt and braces: no network access, whatever a document refers to.
    modifyArguments: (args) => ['--nonet', ...args],
  });
  if (result.valid) return { valid: true };
  const issues = result.errors.map((e) => ({ message: redactXsdMessage(e.message), line: e.loc?.fileName === 'document.xml' ? e.loc.lineNumber : null }));
  return { valid: false, issues: issues.length > 0 ? issues : [{ message: 'the document is not valid against the schema', line: null }] };
}
