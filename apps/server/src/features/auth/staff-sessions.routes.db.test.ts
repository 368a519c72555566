import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndedSessions, StaffSessionList, StaffUserOverviewList } from '@samkraft/contracts/auth';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

// Issue 15.5: a user sees and ends their own sessions; an administrator ends a user's sessions.
let database: Database;
let app: App;
let karenId: string;
let adminId: string;
let otherAdminId: string;
// Sign-ins are rate-limited per address (10 a minute), so the clients are shared where they can be.
let admin: SignedInClient;
let other: SignedInClient;
let laptop: SignedInClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  await aMunicipality(database.db, '0151', 'Ballerup');
  karenId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  adminId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['administrator'], displayName: 'Anne Admin' });
  otherAdminId = await aStaffUser(database.db, { municipalityCode: '0151', roles: ['administrator'] });
  app = await createTestApp(database);
  admin = await signIn(app, adminId);
  other = await signIn(app, otherAdminId);
  laptop = await signIn(app, karenId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (client: SignedInClient, url: string) => app.inject({ method: 'GET', url, headers: client.headers });
const post = (client: SignedInClient, url: string) => app.inject({ method: 'POST', url, headers: client.headers, payload: {} });
const auditOf = (entityId: string) => database.db.selectFrom('audit_event').select(['action', 'outcome', 'actor_user_id', 'detail']).where('entity_id', '=', entityId).orderBy('id').execute();

describe('own sessions', () => {
  it('are listed with the current one marked, and no token or hash leaves the server', async () => {
    const phone = await signIn(app, karenId);
    const res = await get(laptop, '/api/me/sessions');
    expect(res.statusCode, res.body).toBe(200);
    const { sessions } = res.json<StaffSessionList>();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(res.body).not.toContain(laptop.cookie.split('=')[1]);
    const hashes = await database.db.selectFrom('staff_session').select('token_hash').where('staff_user_id', '=', karenId).execute();
    for (const h of hashes) expect(res.body).not.toContain(h.token_hash);
    // The phone's session sees the same two, with its own marked.
    const fromPhone = (await get(phone, '/api/me/sessions')).json<StaffSessionList>().sessions;
    expect(fromPhone.find((s) => s.current)?.id).not.toBe(sessions.find((s) => s.current)?.id);
  });

  it('one is ended by its id: that session is signed out at once, the audit says so', async () => {
    const phone = await signIn(app, karenId);
    const phoneId = (await get(phone, '/api/me/sessions')).json<StaffSessionList>().sessions.find((s) => s.current)!.id;
    const res = await post(laptop, `/api/me/sessions/${phoneId}/end`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EndedSessions>()).toEqual({ ended: 1 });
    expect((await get(phone, '/api/auth/session')).statusCode).toBe(401);
    expect((await get(laptop, '/api/auth/session')).statusCode).toBe(200);
    expect(await auditOf(phoneId)).toEqual([expect.objectContaining({ action: 'auth.session_end', outcome: 'allowed', actor_user_id: karenId })]);
    // Ending it again, or ending another user's session, is 404.
    expect((await post(laptop, `/api/me/sessions/${phoneId}/end`)).statusCode).toBe(404);
    const adminSession = (await get(admin, '/api/me/sessions')).json<StaffSessionList>().sessions[0]!.id;
    expect((await post(laptop, `/api/me/sessions/${adminSession}/end`)).statusCode).toBe(404);
    expect((await get(admin, '/api/auth/session')).statusCode).toBe(200);
  });

  it('"sign out everywhere else" keeps only the current session', async () => {
    const a = laptop;
    const b = await signIn(app, karenId);
    const res = await post(a, '/api/me/sessions/end-others');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EndedSessions>().ended).toBeGreaterThanOrEqual(1);
    expect((await get(b, '/api/auth/session')).statusCode).toBe(401);
    const left = (await get(a, '/api/me/sessions')).json<StaffSessionList>().sessions;
    expect(left).toEqual([expect.objectContaining({ current: true })]);
  });

  it('need a session, and a bad session id is named', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/me/sessions' })).statusCode).toBe(401);
    const bad = await post(laptop, '/api/me/sessions/not-an-id/end');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toContain('params.sessionId');
  });
});

describe("an administrator and a user's sessions", () => {
  it("lists the municipality's staff with their open sessions, and ends a user's sessions (audited)", async () => {
    const karen = laptop;
    const list = await get(admin, '/api/admin/staff-users');
    expect(list.statusCode, list.body).toBe(200);
    const users = list.json<StaffUserOverviewList>().users;
    expect(users.map((u) => u.displayName)).toEqual(['Anne Admin', 'Karen Kontakt']);
    expect(users.find((u) => u.id === karenId)!.openSessions).toBeGreaterThanOrEqual(1);
    const sessions = await get(admin, `/api/admin/staff-users/${karenId}/sessions`);
    expect(sessions.json<StaffSessionList>().sessions.every((s) => !s.current)).toBe(true);
    const ended = await post(admin, `/api/admin/staff-users/${karenId}/sessions/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<EndedSessions>().ended).toBeGreaterThanOrEqual(1);
    expect((await get(karen, '/api/auth/session')).statusCode).toBe(401);
    expect((await get(admin, `/api/admin/staff-users`)).json<StaffUserOverviewList>().users.find((u) => u.id === karenId)!.openSessions).toBe(0);
    expect((await auditOf(karenId)).at(-1)).toMatchObject({ action: 'staff.sessions_end', outcome: 'allowed', actor_user_id: adminId });
  });

  it("is refused to a non-administrator and, as 404, for another municipality's user (refusals audited)", async () => {
    const karen = await signIn(app, karenId);
    expect((await get(karen, '/api/admin/staff-users')).statusCode).toBe(403);
    expect((await post(karen, `/api/admin/staff-users/${adminId}/sessions/end`)).statusCode).toBe(403);
    expect((await post(other, `/api/admin/staff-users/${karenId}/sessions/end`)).statusCode).toBe(404);
    expect((await get(other, `/api/admin/staff-users/${karenId}/sessions`)).statusCode).toBe(404);
    expect((await get(other, '/api/admin/staff-users')).json<StaffUserOverviewList>().users.map((u) => u.id)).toEqual([otherAdminId]);
    const refusals = (await auditOf(karenId)).filter((e) => e.outcome === 'denied');
    expect(refusals.map((e) => [e.action, e.actor_user_id])).toEqual([
      ['staff.sessions_end', otherAdminId],
      ['staff.sessions_read', otherAdminId],
    ]);
    expect((await auditOf(adminId)).filter((e) => e.outcome === 'denied').map((e) => e.action)).toEqual(['staff.sessions_end']);
  });
});
