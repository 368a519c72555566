import type { RoutingEntry } from '@samkraft/contracts/catalogue';

export type RoutingCell = { hosts: { name: string; inferred: boolean; note: string | null }[] };

/** home municipality code → intervention code → the hosts it is routed to (several are possible). */
export function routingMatrix(entries: readonly RoutingEntry[]): Map<string, Map<string, RoutingCell>> {
  const m = new Map<string, Map<string, RoutingCell>>();
  for (const e of entries) {
    const row = m.get(e.homeMunicipalityCode) ?? new Map<string, RoutingCell>();
    const cell = row.get(e.interventionCode) ?? { hosts: [] };
    cell.hosts.push({ name: e.host.name, inferred: e.inferred, note: e.note });
    row.set(e.interventionCode, cell);
    m.set(e.homeMunicipalityCode, row);
  }
  return m;
}
