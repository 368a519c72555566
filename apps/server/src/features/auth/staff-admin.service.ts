import { z } from 'zod';
import { municipalityCode, profession, role } from '@samkraft/contracts/common';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { fieldCodeOfZodIssue, isMissingAt } from '../../platform/http/zod-field-issue.ts';
import { findStaffByUsername, insertStaffUser, municipalityExists } from './auth.repository.ts';
import { hashPassword } from './password.ts';

export const newStaffUser = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,64}$/, 'must be 2–64 of a–z, 0–9, dot, dash, underscore'),
  displayName: z.string().trim().min(1, 'is required').max(200),
  municipalityCode,
  profession,
  roles: z.array(role).min(1, 'needs at least one role'),
  // Length over composition rules (NIST SP 800-63B).
  password: z.string().min(12, 'must be at least 12 characters').max(200),
});
export type NewStaffUser = z.input<typeof newStaffUser>;

/** Creates a staff user with a password (argon2id). Administrators and the CLI only. */
export async function createStaffUser(ctx: ServiceContext, input: NewStaffUser): Promise<{ id: string; username: string }> {
  if (ctx.actor.kind === 'staff' && !ctx.actor.roles.includes('administrator')) throw AppError.forbidden('Administrators only');
  const parsed = newStaffUser.safeParse(input);
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message, ...fieldCodeOfZodIssue(i, isMissingAt(input, i.path)) })),
    );
  }
  const u = parsed.data;
  if (!(await municipalityExists(ctx.db, u.municipalityCode))) throw AppError.validation([{ field: 'municipalityCode', code: 'unknown_municipality', message: `unknown municipality ${u.municipalityCode}` }]);
  if (await findStaffByUsername(ctx.db, u.username)) throw AppError.validation([{ field: 'username', code: 'taken', message: 'is taken' }]);
  const passwordHash = await hashPassword(u.password);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertStaffUser(trx, { ...u, passwordHash, isDemo: false });
    await audit(trx, ctx, [{ action: 'staff.create', citizenId: null, entityType: 'staff_user', entityId: id, outcome: 'allowed', detail: { username: u.username, roles: u.roles } }]);
    return { id, username: u.username };
  });
}
