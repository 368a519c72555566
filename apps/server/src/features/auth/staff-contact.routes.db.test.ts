import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyContactDetails } from '@samkraft/contracts/auth';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

// Issue 10.16: a staff user keeps a work phone, and the municipality a unit phone, for letters and providers.
let database: Database;
let app: App;
let contact: SignedInClient;
let lead: SignedInClient;
let contactId: string;
let leadId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  contactId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  leadId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['municipal_lead'] });
  app = await createTestApp(database);
  contact = await signIn(app, contactId);
  lead = await signIn(app, leadId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const auditOf = (entityId: string) => database.db.selectFrom('audit_event').select(['action', 'outcome', 'detail', 'actor_user_id']).where('entity_id', '=', entityId).orderBy('id').execute();

describe('own work contact details', () => {
  it('are kept by the user, and each change is audited with the old and the new value', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/me/contact', headers: contact.headers });
    expect(before.json<MyContactDetails>()).toEqual({ phone: null, email: null, municipalityName: 'Gladsaxe', unitPhone: null, mayEditUnitPhone: false });
    const res = await app.inject({ method: 'PUT', url: '/api/me/contact', headers: contact.headers, payload: { phone: ' 39 57 51 23 ', email: 'karen@gladsaxe.dk' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MyContactDetails>()).toMatchObject({ phone: '39 57 51 23', email: 'karen@gladsaxe.dk' });
    const row = await database.db.selectFrom('staff_user').select(['phone', 'email']).where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: '39 57 51 23', email: 'karen@gladsaxe.dk' });
    expect(await auditOf(contactId)).toContainEqual(
      expect.objectContaining({ action: 'staff.contact_update', outcome: 'allowed', detail: { before: { phone: null, email: null }, after: { phone: '39 57 51 23', email: 'karen@gladsaxe.dk' } } }),
    );
  });

  it('refuse what is not a phone number or an e-mail address, naming the field', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/me/contact', headers: contact.headers, payload: { phone: 'ring til Karen', email: 'karen' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field).sort()).toEqual(['email', 'phone']);
    const unknown = await app.inject({ method: 'PUT', url: '/api/me/contact', headers: contact.headers, payload: { phone: null, email: null, mobile: '1' } });
    expect(unknown.statusCode).toBe(400);
  });
});

describe("the municipality's unit phone", () => {
  it('is kept by a lead or an administrator, not a contact person (refusal audited)', async () => {
    const refused = await app.inject({ method: 'PUT', url: '/api/me/municipality/unit-phone', headers: contact.headers, payload: { unitPhone: '39 57 50 00' } });
    expect(refused.statusCode).toBe(403);
    const res = await app.inject({ method: 'PUT', url: '/api/me/municipality/unit-phone', headers: lead.headers, payload: { unitPhone: '39 57 50 00' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MyContactDetails>()).toMatchObject({ unitPhone: '39 57 50 00', mayEditUnitPhone: true });
    expect((await app.inject({ method: 'GET', url: '/api/me/contact', headers: contact.headers })).json<MyContactDetails>().unitPhone).toBe('39 57 50 00');
    expect((await auditOf('0159')).map((e) => [e.action, e.outcome, e.actor_user_id])).toEqual([
      ['municipality.unit_phone', 'denied', contactId],
      ['municipality.unit_phone', 'allowed', leadId],
    ]);
  });
});
