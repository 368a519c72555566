import { createHmac } from 'node:crypto';
import type { ExtractExportScope } from '@samkraft/contracts/extracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { ReferralRecord } from './extract-format.rules.ts';

export type ExportDecision =
  | { allowed: true; homeMunicipalityCode: string | null; pseudonymise: boolean }
  | { allowed: false; reason: 'not_data_steward' | 'not_collaboration_role' };

/**
 * Who may export what (issue 10.7). Person-level records only of one's own municipality's
 * citizens, by those who answer for its data (the municipal lead and the administrator); the
 * whole collaboration only pseudonymised, for those who check its figures (coordinator,
 * administrator). The installation's own CLI (a system actor, run by its operator) exports every
 * municipality's records — person-level, or pseudonymised when it asks for the collaboration's.
 */
export function decideExportAccess(actor: Actor, scope: ExtractExportScope): ExportDecision {
  if (actor.kind === 'system') return { allowed: true, homeMunicipalityCode: null, pseudonymise: scope === 'collaboration' };
  if (actor.kind === 'citizen') return { allowed: false, reason: 'not_data_steward' };
  if (scope === 'municipality') {
    return hasRole(actor, 'administrator', 'municipal_lead') ? { allowed: true, homeMunicipalityCode: actor.municipalityCode, pseudonymise: false } : { allowed: false, reason: 'not_data_steward' };
  }
  return hasRole(actor, 'administrator', 'coordinator') ? { allowed: true, homeMunicipalityCode: null, pseudonymise: true } : { allowed: false, reason: 'not_collaboration_role' };
}

/**
 * The key of one export: one actor's downloads on one day for one purpose share it, so the two
 * CSV tables of an export (two requests) still join on their pseudonymised referral ids; another
 * day, purpose or person gets pseudonyms that cannot be linked to these.
 */
export function exportKey(secretHex: string, actorLabel: string, day: string, purpose: string): Uint8Array {
  return createHmac('sha256', Buffer.from(secretHex, 'hex')).update(JSON.stringify([actorLabel, day, purpose])).digest();
}

const tag = (key: Uint8Array, prefix: string, value: string) => `${prefix}${createHmac('sha256', key).update(`${prefix}${value}`).digest('hex').slice(0, 20).toUpperCase()}`;

/**
 * The records with the citizen and the care system's referral id replaced by keyed pseudonyms
 * (HMAC-SHA256 under `key`, see exportKey): the same citizen keeps one pseudonym within an
 * export, so figures per citizen still add up. Kept:
 * what the figures need — municipality, sex, birth date, the dates and codes of the pathway.
 */
export function pseudonymiseRecords(records: readonly ReferralRecord[], key: Uint8Array): ReferralRecord[] {
  return records.map((r) => ({
    ...r,
    referralId: tag(key, 'R-', r.referralId),
    citizen: { kind: 'pseudonym', value: tag(key, 'P-', `${r.citizen.kind}:${r.citizen.value}`) },
  }));
}
