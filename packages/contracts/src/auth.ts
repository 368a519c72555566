import { z } from 'zod';
import { municipalityRef, profession, role, text, uuid } from './common.ts';

export const staffUser = z.object({
  id: uuid,
  username: text,
  displayName: text,
  municipality: municipalityRef,
  roles: z.array(role),
  profession,
});
export type StaffUser = z.infer<typeof staffUser>;

export const sessionInfo = z.object({
  user: staffUser,
  /** Send as header `x-csrf-token` on every state-changing request. */
  csrfToken: text,
  idleExpiresAt: text,
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const demoUsers = z.object({
  enabled: z.boolean(),
  /** Demo mode on a PostgreSQL server (SAMKRAFT_DEMO_SERVER): the sign-in page warns about it. */
  demoServer: z.boolean(),
  users: z.array(staffUser),
});
export type DemoUsers = z.infer<typeof demoUsers>;

export const loginBody = z.strictObject({
  username: text.trim().min(1, 'is required').max(64),
  password: text.min(1, 'is required').max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const demoLoginBody = z.strictObject({ userId: uuid });
export type DemoLoginBody = z.infer<typeof demoLoginBody>;
