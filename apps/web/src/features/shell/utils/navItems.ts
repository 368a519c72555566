import type { Role } from '@samkraft/contracts/common';

export type NavItem = { to: '/' | '/katalog' | '/henvisninger/ny' | '/arbejdsliste'; labelKey: 'nav.start' | 'nav.catalogue' | 'nav.newReferral' | 'nav.worklist' };

const start: NavItem = { to: '/', labelKey: 'nav.start' };
const catalogue: NavItem = { to: '/katalog', labelKey: 'nav.catalogue' };
const worklist: NavItem = { to: '/arbejdsliste', labelKey: 'nav.worklist' };
const newReferral: NavItem = { to: '/henvisninger/ny', labelKey: 'nav.newReferral' };

/**
 * The menu for a role. Only pages that exist are listed; new pages are added here per role
 * as they are built (e.g. courses for contact persons, teams for therapists).
 */
export function navItemsFor(role: Role | null): NavItem[] {
  if (role === null) return [start];
  switch (role) {
    case 'contact_person':
    case 'municipal_lead':
      return [start, worklist, newReferral, catalogue];
    case 'therapist':
    case 'coordinator':
    case 'administrator':
      return [start, catalogue];
  }
}
