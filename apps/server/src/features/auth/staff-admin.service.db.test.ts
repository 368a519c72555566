import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Database } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { aMunicipality } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { findStaffByUsername } from './auth.repository.ts';
import { signInWithPassword } from './auth.service.ts';
import { createStaffUser, type NewStaffUser } from './staff-admin.service.ts';

let database: Database;
let ctx: ServiceContext;
const valid: NewStaffUser = { username: 'Anna.Holm', displayName: 'Anna Holm', municipalityCode: '159', profession: 'nurse', roles: ['contact_person'], password: 'a long enough passphrase' };

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  ctx = { db: database.db, actor: { kind: 'system', name: 'cli' }, clock: fixedClock('2026-11-22T10:00:00Z') };
});
afterAll(async () => database.close());

async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.fields.map((f) => f.field);
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('createStaffUser', () => {
  it('stores an argon2id hash, normalises the municipality code and the username, and the user can sign in', async () => {
    await createStaffUser(ctx, valid);
    const stored = await findStaffByUsername(database.db, 'anna.holm');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.municipalityCode).toBe('0159');
    expect(stored?.username).toBe('anna.holm');
    const signed = await signInWithPassword({ db: database.db, clock: ctx.clock, policy: { idleMinutes: 30, maxHours: 12 }, demo: false }, 'anna.holm', valid.password, null);
    expect(signed.info.user.roles).toEqual(['contact_person']);
  });

  it('names each bad field, and stores nothing', async () => {
    expect(await fieldsOf(createStaffUser(ctx, { ...valid, username: 'x y', password: 'short', roles: [] }))).toEqual(['username', 'roles', 'password']);
    expect(await fieldsOf(createStaffUser(ctx, { ...valid, username: 'other', municipalityCode: '0999' }))).toEqual(['municipalityCode']);
    expect(await fieldsOf(createStaffUser(ctx, valid))).toEqual(['username']);
    expect(await findStaffByUsername(database.db, 'other')).toBeUndefined();
  });

  it('refuses staff who are not administrators', async () => {
    const staffCtx: ServiceContext = {
      ...ctx,
      actor: { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', username: 'x', displayName: 'X', municipalityCode: '0159', roles: ['municipal_lead'], profession: 'nurse' },
    };
    await expect(createStaffUser(staffCtx, { ...valid, username: 'third' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
