import type { Bundle, FhirResource } from './fhir-types.ts';

/** The query string with one parameter set to a new value (the next page's `_offset`). */
export function withParam(query: string, name: string, value: string): string {
  const params = new URLSearchParams(query);
  params.set(name, value);
  return params.toString();
}

/**
 * A search's answer: a searchset with every match, its total, and the link to the search as
 * asked (`self`) and, for a paged search with more, to the next page.
 */
export function searchBundle(o: { baseUrl: string; type: string; query: string; resources: FhirResource[]; total: number; now: Date; page?: { count: number; offset: number } }): Bundle {
  const self = `${o.baseUrl}/${o.type}${o.query ? `?${o.query}` : ''}`;
  const links: Bundle['link'] = [{ relation: 'self', url: self }];
  if (o.page && o.page.offset + o.resources.length < o.total) {
    links.push({ relation: 'next', url: `${o.baseUrl}/${o.type}?${withParam(o.query, '_offset', String(o.page.offset + o.resources.length))}` });
  }
  if (o.page && o.page.offset > 0) {
    links.push({ relation: 'previous', url: `${o.baseUrl}/${o.type}?${withParam(o.query, '_offset', String(Math.max(0, o.page.offset - o.page.count)))}` });
  }
  return {
    resourceType: 'Bundle',
    meta: { lastUpdated: o.now.toISOString() },
    type: 'searchset',
    total: o.total,
    link: links,
    // FHIR has no empty arrays: a search that finds nothing has no entry at all.
    ...(o.resources.length > 0 ? { entry: o.resources.map((resource) => ({ fullUrl: `${o.baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' as const } })) } : {}),
  };
}
