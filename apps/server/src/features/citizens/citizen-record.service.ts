import type { Db } from '../../platform/database/database.ts';
import type { CitizenAccessFacts } from './citizen-access.rules.ts';
import {
  findCitizenRefByCpr,
  insertCitizen,
  loadCitizen,
  loadCitizenAccessFacts,
  markCitizenDeceased,
  updateCitizen,
  updateCitizenVulnerable,
  type CitizenChanges,
  type CitizenRecord,
  type NewCitizen,
} from './citizen.repository.ts';

/*
 * The citizen record as other features read and write it, inside the caller's transaction (`db`),
 * so their action stays one transaction. `citizens` owns the table; callers decide access and
 * audit (referral intake creates and moves citizens and marks them deceased; follow-ups set the
 * vulnerable flag).
 */

export type { CitizenChanges, CitizenRecord, NewCitizen } from './citizen.repository.ts';

export function citizenAccessFacts(db: Db, citizenId: string): Promise<CitizenAccessFacts | undefined> {
  return loadCitizenAccessFacts(db, citizenId);
}

export function citizenRecord(db: Db, citizenId: string): Promise<CitizenRecord | undefined> {
  return loadCitizen(db, citizenId);
}

export function createCitizen(db: Db, c: NewCitizen): Promise<string> {
  return insertCitizen(db, c);
}

export function changeCitizen(db: Db, citizenId: string, changes: CitizenChanges, at: Date): Promise<void> {
  return updateCitizen(db, citizenId, changes, at);
}

export function recordCitizenDeceased(db: Db, citizenId: string, deceasedOn: string, at: Date): Promise<void> {
  return markCitizenDeceased(db, citizenId, deceasedOn, at);
}

export function setCitizenVulnerable(db: Db, citizenId: string, vulnerable: boolean): Promise<void> {
  return updateCitizenVulnerable(db, citizenId, vulnerable);
}

/**
 * The narrow look-up of the data-protection review (audit-review): a CPR to the citizen's id, name
 * and home municipality, nothing of the record. The caller decides access and audits.
 */
export function citizenRefByCpr(db: Db, cpr: string): Promise<{ id: string; name: string; homeMunicipalityCode: string } | undefined> {
  return findCitizenRefByCpr(db, cpr);
}
