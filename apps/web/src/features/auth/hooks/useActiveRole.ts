import type { Role } from '@samkraft/contracts/common';
import { createContext, useContext } from 'react';

export type ActiveRoleValue = { role: Role | null; roles: readonly Role[]; setRole: (role: Role) => void };

export const ActiveRoleContext = createContext<ActiveRoleValue | null>(null);

/** The role the signed-in user currently acts in (a user may hold several). */
export function useActiveRole(): ActiveRoleValue {
  const value = useContext(ActiveRoleContext);
  if (!value) throw new Error('useActiveRole used outside ActiveRoleProvider');
  return value;
}
