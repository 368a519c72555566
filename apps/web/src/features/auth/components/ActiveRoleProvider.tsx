import type { Role } from '@samkraft/contracts/common';
import { type ReactNode, useMemo, useState } from 'react';
import { activeRoleStorageKey, pickActiveRole } from '../utils/activeRole.ts';
import { ActiveRoleContext, type ActiveRoleValue } from '../hooks/useActiveRole.ts';

function readRemembered(): string | null {
  try {
    return window.localStorage.getItem(activeRoleStorageKey);
  } catch {
    return null;
  }
}

export type ActiveRoleProviderProps = { roles: readonly Role[]; children: ReactNode };

export function ActiveRoleProvider({ roles, children }: ActiveRoleProviderProps) {
  const [chosen, setChosen] = useState<string | null>(readRemembered);
  const value = useMemo<ActiveRoleValue>(
    () => ({
      role: pickActiveRole(roles, chosen),
      roles,
      setRole: (role) => {
        setChosen(role);
        try {
          window.localStorage.setItem(activeRoleStorageKey, role);
        } catch {
          // Without storage the choice lasts until reload.
        }
      },
    }),
    [roles, chosen],
  );
  return <ActiveRoleContext.Provider value={value}>{children}</ActiveRoleContext.Provider>;
}
