import type { Role } from '@samkraft/contracts/common';

export type NavItem = {
  to: '/' | '/katalog' | '/henvisninger/ny' | '/arbejdsliste' | '/lukkedage' | '/fristregler';
  labelKey: 'nav.start' | 'nav.catalogue' | 'nav.newReferral' | 'nav.worklist' | 'nav.closingDays' | 'nav.deadlinePolicies';
};

const start: NavItem = { to: '/', labelKey: 'nav.start' };
const catalogue: NavItem = { to: '/katalog', labelKey: 'nav.catalogue' };
const worklist: NavItem = { to: '/arbejdsliste', labelKey: 'nav.worklist' };
const newReferral: NavItem = { to: '/henvisninger/ny', labelKey: 'nav.newReferral' };
const closingDays: NavItem = { to: '/lukkedage', labelKey: 'nav.closingDays' };
const deadlinePolicies: NavItem = { to: '/fristregler', labelKey: 'nav.deadlinePolicies' };

/**
 * The menu for a role. Only pages that exist are listed; new pages are added here per role
 * as they are built (e.g. courses for contact persons, teams for therapists).
 */
export function navItemsFor(role: Role | null): NavItem[] {
  if (role === null) return [start];
  switch (role) {
    case 'contact_person':
      return [start, worklist, newReferral, catalogue];
    case 'municipal_lead':
      return [start, worklist, newReferral, catalogue, closingDays];
    case 'therapist':
    case 'coordinator':
      return [start, catalogue];
    case 'administrator':
      return [start, catalogue, closingDays, deadlinePolicies];
  }
}
