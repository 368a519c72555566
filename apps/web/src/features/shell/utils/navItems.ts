import type { Role } from '@samkraft/contracts/common';

export type NavItem = { to: '/' | '/katalog'; labelKey: 'nav.start' | 'nav.catalogue' };

const start: NavItem = { to: '/', labelKey: 'nav.start' };
const catalogue: NavItem = { to: '/katalog', labelKey: 'nav.catalogue' };

/**
 * The menu for a role. Only pages that exist are listed; new pages are added here per role
 * as they are built (e.g. courses for contact persons, teams for therapists).
 */
export function navItemsFor(role: Role | null): NavItem[] {
  if (role === null) return [start];
  switch (role) {
    case 'contact_person':
    case 'therapist':
    case 'municipal_lead':
    case 'coordinator':
    case 'administrator':
      return [start, catalogue];
  }
}
