import { createHash } from 'node:crypto';

/** Samkraft's namespace for the KL Gateway resource ids (RFC 9562 name-based UUIDs, version 5). */
const NAMESPACE = Buffer.from('6f0c1a52d3b84e0a9a1f4b7c2e8d5a31', 'hex');

/**
 * A resource's id in the delivery reports: derived from the Samkraft record it stands for, so the
 * same record gets the same id in every delivery (a changed resource is sent again under its id,
 * as the IGs ask) without a table of issued ids. Version-5 UUID of `name` in Samkraft's namespace.
 */
export function klResourceId(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSON with its object keys sorted, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What the delivery log keeps of a resource to know whether it changed: SHA-256 of its canonical JSON. */
export const klResourceHash = (resource: unknown): string => createHash('sha256').update(canonicalJson(resource), 'utf8').digest('hex');
