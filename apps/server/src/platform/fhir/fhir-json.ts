/**
 * FHIR R4 resources as parsed JSON. Messages arrive from outside, so readers treat every value as
 * unknown and narrow it with the accessors below; builders write `FhirResource` objects.
 */

export type FhirNarrative = { status: 'generated' | 'extensions' | 'additional' | 'empty'; div: string };

/** Any resource: its type, id, meta and narrative typed, every other element open. */
export type FhirResource = {
  resourceType: string;
  id?: string;
  meta?: { profile?: string[]; [element: string]: unknown };
  text?: FhirNarrative;
  [element: string]: unknown;
};

export type FhirBundleEntry = { fullUrl?: string; resource: FhirResource };

export type FhirBundle = FhirResource & { resourceType: 'Bundle'; type: string; timestamp?: string; entry: FhirBundleEntry[] };

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A present, non-empty string, else undefined. */
export const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** An element that may repeat, as an array (a single value in a 0..1 element becomes one item). */
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

export const objects = (value: unknown): JsonObject[] => list(value).filter(isObject);

export const obj = (value: unknown): JsonObject | undefined => (isObject(value) ? value : undefined);

/** The child object at a path of element names (first item where an element repeats). */
export function at(value: unknown, ...path: string[]): unknown {
  let current: unknown = value;
  for (const name of path) {
    const here: unknown = Array.isArray(current) ? (current as unknown[])[0] : current;
    if (!isObject(here)) return undefined;
    current = here[name];
  }
  return current;
}

export const isResource = (value: unknown): value is FhirResource => isObject(value) && typeof value.resourceType === 'string';

export const isBundle = (value: unknown): value is JsonObject & { resourceType: 'Bundle' } => isObject(value) && value.resourceType === 'Bundle';

/** The resources of a Bundle's entries with their entry index (entries without a resource are skipped). */
export function entriesOf(bundle: unknown): { index: number; fullUrl: string | undefined; resource: FhirResource }[] {
  const entries = isObject(bundle) && Array.isArray(bundle.entry) ? bundle.entry : [];
  return entries.flatMap((entry: unknown, index) => {
    if (!isObject(entry) || !isResource(entry.resource)) return [];
    return [{ index, fullUrl: str(entry.fullUrl), resource: entry.resource }];
  });
}

/** `Type/id` of a resource. */
export const localReference = (resource: { resourceType: string; id?: string }) => `${resource.resourceType}/${resource.id ?? ''}`;

/**
 * A Bundle's resources by the references that point at them inside the Bundle: `Type/id` and the
 * entry's fullUrl. A relative reference resolves against the entries whatever their base, as
 * MedCom messages write them.
 */
export function bundleIndex(bundle: unknown): Map<string, FhirResource> {
  const index = new Map<string, FhirResource>();
  for (const { fullUrl, resource } of entriesOf(bundle)) {
    if (resource.id !== undefined) index.set(localReference(resource), resource);
    if (fullUrl) index.set(fullUrl, resource);
  }
  return index;
}

/** The resource a Reference (or a reference string) points at inside the Bundle. */
export function resolveIn(index: Map<string, FhirResource>, reference: unknown): FhirResource | undefined {
  const ref = typeof reference === 'string' ? reference : str(obj(reference)?.reference);
  if (ref === undefined) return undefined;
  const direct = index.get(ref);
  if (direct) return direct;
  // An absolute URL ending in Type/id whose base differs from the entries' fullUrls.
  const tail = /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(ref)?.[1];
  return tail ? index.get(tail) : undefined;
}

/** The id part of a `Type/id` reference. */
export function referencedId(reference: unknown, type?: string): string | undefined {
  const ref = typeof reference === 'string' ? reference : str(obj(reference)?.reference);
  const match = ref ? /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(ref) : null;
  if (!match || (type !== undefined && match[1] !== type)) return undefined;
  return match[2];
}

/** The value of the first extension with `url` (its value[x] element named by `valueKey`). */
export function extensionValue(element: unknown, url: string, valueKey: string): unknown {
  const extension = objects(obj(element)?.extension).find((e) => e.url === url);
  return extension?.[valueKey];
}
