import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCitizen, aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import type { Database } from '../database/database.ts';
import { audit } from './audit.ts';
import { listAuditEvents } from './audit.repository.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
});
afterAll(async () => database.close());

describe('audit', () => {
  it('writes each event with its actor, citizen, detail and order', async () => {
    const db = database.db;
    const userId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person', 'municipal_lead'] });
    const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
    const actor = { kind: 'staff' as const, userId, username: 'anna', displayName: 'Anna', municipalityCode: '0159', roles: ['contact_person' as const, 'municipal_lead' as const], profession: 'nurse' };
    await audit(db, { actor, requestId: 'req-1' }, [
      { action: 'citizen.read', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', purpose: 'mine', detail: { quote: 'a "quoted" \\ text', n: 1 } },
      { action: 'report.read', citizenId: null, outcome: 'denied' },
    ]);
    const rows = await db.selectFrom('audit_event').selectAll().where('request_id', '=', 'req-1').orderBy('id').execute();
    expect(rows.map((r) => [r.actor_user_id, r.actor_label, r.actor_municipality, r.actor_roles, r.action, r.entity_type, r.entity_id, r.citizen_id, r.purpose, r.outcome, r.detail])).toEqual([
      [userId, 'anna', '0159', ['contact_person', 'municipal_lead'], 'citizen.read', 'citizen', citizenId, citizenId, 'mine', 'allowed', { quote: 'a "quoted" \\ text', n: 1 }],
      [userId, 'anna', '0159', ['contact_person', 'municipal_lead'], 'report.read', null, null, null, null, 'denied', null],
    ]);
    expect((await listAuditEvents(db, { citizenId })).map((e) => e.action)).toEqual(['citizen.read']);
  });

  it('writes 70,000 events in one call, past the 65,535 parameters one statement may have', async () => {
    const db = database.db;
    const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
    const entries = Array.from({ length: 70_000 }, (_, i) => ({ action: 'worklist.list', citizenId, entityType: 'course', entityId: `c${i}`, outcome: 'allowed' as const }));
    await audit(db, { actor: { kind: 'system', name: 'bulk-test' } }, entries);
    const n = await sql<{ n: number }>`select count(*)::int as n, min(entity_id) as first from audit_event where actor_label = 'system:bulk-test'`.execute(db);
    expect(n.rows[0]?.n).toBe(70_000);
  }, 60_000);
});
