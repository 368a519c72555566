import type { Role } from '@samkraft/contracts/common';

export const activeRoleStorageKey = 'samkraft.activeRole';

/** The role to act in: the remembered one if the user still has it, else the user's first role. */
export function pickActiveRole(roles: readonly Role[], remembered: string | null): Role | null {
  const match = roles.find((r) => r === remembered);
  return match ?? roles[0] ?? null;
}
