/**
 * What an import does with each referral: create it, leave it, or update it (and which fields
 * changed, for the audit log). Idempotent by (home municipality, referral_id). Pure, no I/O.
 * The import plans set-based in SQL (extract-import.repository.ts) and names an update's changed
 * fields with `diffReferral`; `planImport` is the per-record model it is tested against.
 */
import { sortInterventions, type InterventionRecord, type ReferralRecord } from './extract-format.rules.ts';

export type FieldChange = { from: unknown; to: unknown };

export type StoredReferral = { id: string; courseId: string | null; citizenId: string; origin: string; record: ReferralRecord };

export type ImportStep =
  | { kind: 'create'; record: ReferralRecord }
  | { kind: 'unchanged'; stored: StoredReferral }
  | { kind: 'update'; stored: StoredReferral; record: ReferralRecord; changes: Record<string, FieldChange> }
  /** A record entered in Samkraft (not imported) is not overwritten by an extract. */
  | { kind: 'refuse'; stored: StoredReferral; record: ReferralRecord; changes: Record<string, FieldChange> };

export const keyOf = (homeMunicipality: string, referralId: string) => `${homeMunicipality}|${referralId}`;

const scalarFields = [
  'citizen',
  'sex',
  'birthDate',
  'received',
  'source',
  'legalBasis',
  'diagnosis',
  'firstContact',
  'needsAssessed',
  'actionPlan',
  'declined',
  'declineReason',
  'closingConversation',
  'closingNoteSent',
] as const;

const canonical = (list: InterventionRecord[]) => JSON.stringify(sortInterventions(list));

/** The fields (extract names in camelCase, `interventions` for the intervention rows) that differ. */
export function diffReferral(stored: ReferralRecord, incoming: ReferralRecord): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const f of scalarFields) {
    const from = f === 'citizen' ? stored.citizen.value : stored[f];
    const to = f === 'citizen' ? incoming.citizen.value : incoming[f];
    if (from !== to) changes[f] = { from, to };
  }
  if (canonical(stored.interventions) !== canonical(incoming.interventions)) {
    changes.interventions = { from: sortInterventions(stored.interventions), to: sortInterventions(incoming.interventions) };
  }
  return changes;
}

export function planImport(records: ReferralRecord[], stored: ReadonlyMap<string, StoredReferral>): ImportStep[] {
  return records.map((record): ImportStep => {
    const found = stored.get(keyOf(record.homeMunicipality, record.referralId));
    if (!found) return { kind: 'create', record };
    const changes = diffReferral(found.record, record);
    if (Object.keys(changes).length === 0) return { kind: 'unchanged', stored: found };
    return found.origin === 'import' ? { kind: 'update', stored: found, record, changes } : { kind: 'refuse', stored: found, record, changes };
  });
}
