import { XMLValidator } from 'fast-xml-parser';
import r4 from 'fhirpath/fhir-context/r4';
import type { FhirIssue } from './fhir-issue.ts';
import { isObject } from './fhir-json.ts';

/*
 * The primitive checks neither base validator makes (found by feeding both bad values): the id
 * syntax, a time with its timezone, no empty strings, arrays, objects or nulls, a reference that is
 * `Type/id` (relative or absolute), `#contained` or a URN, and a narrative that is well-formed XHTML. The walk types each element by fhirpath's R4 model (path → type), so a
 * `dateTime` is checked as one wherever it sits, choice types and nested resources included.
 */

// FHIR R4 regexes (datatypes.html), anchored.
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE_TIME =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
const INSTANT =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;
// A literal reference (ref-1 and the Reference datatype's rules): Type/id (optionally versioned, optionally absolute), a contained resource, a URN.
const RESOURCE_REFERENCE = /^(?:https?:\/\/\S+\/)?[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const OTHER_REFERENCE = /^(?:#[A-Za-z0-9\-.]*|urn:uuid:[0-9a-fA-F-]{36}|urn:oid:[0-2](?:\.(?:0|[1-9][0-9]*))+)$/;
const XHTML_ROOT = /^\s*<div\b[^>]*\sxmlns\s*=\s*(["'])http:\/\/www\.w3\.org\/1999\/xhtml\1/;
// Narrative rules (txt-1): basic HTML only — no scripts, forms, frames, embedded documents or styles sheets, no event handlers.
const FORBIDDEN_ELEMENT = /<\s*(script|form|input|button|select|textarea|head|body|html|base|link|meta|style|iframe|frame|frameset|object|applet|embed)\b/i;
const EVENT_ATTRIBUTE = /<[^>]*\son[a-z]+\s*=/i;

const model = r4;

/** The type of element `name` inside type or backbone path `context` (inherited elements included). */
function elementType(context: string, name: string): string | undefined {
  let owner: string | undefined = context;
  while (owner) {
    const path = `${owner}.${name}`;
    const type = model.path2Type[path] ?? (model.pathsDefinedElsewhere[path] ? 'BackboneElement' : undefined);
    if (type) return type;
    owner = model.type2Parent[owner];
  }
  return undefined;
}

/** Where the children of element `name` (of `type`) inside `context` are described. */
function childContext(context: string, name: string, type: string): string {
  if (type !== 'BackboneElement' && type !== 'Element') return type;
  const path = `${context}.${name}`;
  return model.pathsDefinedElsewhere[path] ?? path;
}

/** Why a narrative div is not acceptable XHTML, or undefined. */
export function xhtmlProblem(div: string): string | undefined {
  if (!XHTML_ROOT.test(div)) return 'narrative must be a <div> in the XHTML namespace (http://www.w3.org/1999/xhtml)';
  const wellFormed = XMLValidator.validate(div);
  if (wellFormed !== true) return `narrative is not well-formed XHTML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`;
  if (FORBIDDEN_ELEMENT.test(div) || EVENT_ATTRIBUTE.test(div)) return 'narrative may hold only basic HTML (no script, form, frame, object, style or event attribute)';
  if (div.replace(/<[^>]*>/g, '').trim() === '') return 'narrative must have some text';
  return undefined;
}

function primitiveProblem(type: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  switch (type) {
    case 'id':
      return ID.test(value) ? undefined : 'is not a valid id (1–64 of A–Z, a–z, 0–9, "-" and ".")';
    case 'dateTime':
      return DATE_TIME.test(value) ? undefined : 'is not a valid dateTime (a time needs seconds and a timezone, e.g. 2024-05-01T10:00:00+02:00)';
    case 'instant':
      return INSTANT.test(value) ? undefined : 'is not a valid instant (date, time with seconds and timezone)';
    case 'xhtml':
      return xhtmlProblem(value);
    default:
      return undefined;
  }
}

/** The primitive checks of `resource` and everything in it. */
export function checkPrimitives(resource: unknown): FhirIssue[] {
  const issues: FhirIssue[] = [];
  const issue = (expression: string, message: string) => issues.push({ source: 'primitives', severity: 'error', expression, message });

  const walk = (value: unknown, expression: string, type: string | undefined, context: string | undefined) => {
    if (Array.isArray(value)) {
      if (value.length === 0) issue(expression, 'an array must not be empty');
      // A null in an array is how FHIR JSON pairs a primitive with its `_element` extensions.
      value.forEach((item, i) => {
        if (item !== null) walk(item, `${expression}[${i}]`, type, context);
      });
      return;
    }
    if (typeof value === 'string') {
      if (value === '') issue(expression, 'a value must not be an empty string');
      else if (type) {
        const problem = primitiveProblem(type, value);
        if (problem) issue(expression, problem);
      }
      return;
    }
    if (value === null) {
      issue(expression, 'a value must not be null');
      return;
    }
    if (!isObject(value)) return;
    const entries = Object.entries(value);
    if (entries.length === 0) issue(expression, 'an object must not be empty');
    // A resource (top level, Bundle.entry.resource, contained) is described by its own type.
    const here = typeof value.resourceType === 'string' ? value.resourceType : context;
    if (typeof value.resourceType === 'string') {
      if (value.id !== undefined && !(typeof value.id === 'string' && ID.test(value.id))) issue(`${expression}.id`, 'is not a valid id (1–64 of A–Z, a–z, 0–9, "-" and ".")');
    }
    if (context === 'Reference' && typeof value.reference === 'string' && value.reference !== '' && !RESOURCE_REFERENCE.test(value.reference) && !OTHER_REFERENCE.test(value.reference)) {
      issue(`${expression}.reference`, 'is not a reference FHIR knows (Type/id, an absolute URL ending in Type/id, #contained or a urn:uuid:/urn:oid:)');
    }
    for (const [name, child] of entries) {
      if (name === 'resourceType' || (name === 'id' && typeof value.resourceType === 'string')) continue;
      const childExpression = `${expression}.${name}`;
      if (name.startsWith('_')) {
        walk(child, childExpression, undefined, 'Element');
        continue;
      }
      const childType = here ? elementType(here, name) : undefined;
      const isComplex = childType !== undefined && /^[A-Z]/.test(childType) && !childType.startsWith('System.');
      walk(child, childExpression, isComplex ? undefined : childType, here && childType && isComplex ? childContext(here, name, childType) : undefined);
    }
  };

  walk(resource, isObject(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : '$this', undefined, undefined);
  return issues;
}
