import type { Role } from '@samkraft/contracts/common';

export type NavItem = {
  to: '/' | '/katalog' | '/henvisninger/ny' | '/sygehushenvisninger' | '/arbejdsliste' | '/lukkedage' | '/fristregler' | '/befordring' | '/hold' | '/indbakke' | '/statusnotater' | '/rapporter' | '/overblik' | '/udtraek' | '/organisationer' | '/kl-gateway' | '/beskeder' | '/afregning' | '/placering' | '/tilsyn' | '/brugere';
  labelKey: 'nav.start' | 'nav.catalogue' | 'nav.newReferral' | 'nav.hospitalReferrals' | 'nav.worklist' | 'nav.closingDays' | 'nav.deadlinePolicies' | 'nav.transport' | 'nav.teams' | 'nav.inbox' | 'nav.statusNotes' | 'nav.reports' | 'nav.dashboard' | 'nav.extracts' | 'nav.organisations' | 'nav.klGateway' | 'nav.messages' | 'nav.unmatchedMessages' | 'nav.settlement' | 'nav.planning' | 'nav.auditReview' | 'nav.staffUsers';
};

const start: NavItem = { to: '/', labelKey: 'nav.start' };
const catalogue: NavItem = { to: '/katalog', labelKey: 'nav.catalogue' };
const worklist: NavItem = { to: '/arbejdsliste', labelKey: 'nav.worklist' };
const newReferral: NavItem = { to: '/henvisninger/ny', labelKey: 'nav.newReferral' };
const hospitalReferrals: NavItem = { to: '/sygehushenvisninger', labelKey: 'nav.hospitalReferrals' };
const closingDays: NavItem = { to: '/lukkedage', labelKey: 'nav.closingDays' };
const deadlinePolicies: NavItem = { to: '/fristregler', labelKey: 'nav.deadlinePolicies' };
const transport: NavItem = { to: '/befordring', labelKey: 'nav.transport' };
const teams: NavItem = { to: '/hold', labelKey: 'nav.teams' };
const inbox: NavItem = { to: '/indbakke', labelKey: 'nav.inbox' };
const statusNotes: NavItem = { to: '/statusnotater', labelKey: 'nav.statusNotes' };
const reports: NavItem = { to: '/rapporter', labelKey: 'nav.reports' };
const dashboard: NavItem = { to: '/overblik', labelKey: 'nav.dashboard' };
const extracts: NavItem = { to: '/udtraek', labelKey: 'nav.extracts' };
const organisations: NavItem = { to: '/organisationer', labelKey: 'nav.organisations' };
/** The placement planner (issue 14.2): the steering group's — the coordinator and the leads. */
const planning: NavItem = { to: '/placering', labelKey: 'nav.planning' };
/** The audit log for the data-protection role (issue 15.4); no other role has it. */
const auditReview: NavItem = { to: '/tilsyn', labelKey: 'nav.auditReview' };
const klGateway: NavItem = { to: '/kl-gateway', labelKey: 'nav.klGateway' };
const settlement: NavItem = { to: '/afregning', labelKey: 'nav.settlement' };
/** One page, two uses: messages without a course for a municipality's contact persons and leads, every message's metadata for administrators. */
const unmatchedMessages: NavItem = { to: '/beskeder', labelKey: 'nav.unmatchedMessages' };
/** Administrators: their municipality's staff and their sessions (issue 15.5). */
const staffUsers: NavItem = { to: '/brugere', labelKey: 'nav.staffUsers' };
const messages: NavItem = { to: '/beskeder', labelKey: 'nav.messages' };

/**
 * The menu for a role. Only pages that exist are listed; new pages are added here per role
 * as they are built (e.g. courses for contact persons, teams for therapists).
 */
export function navItemsFor(role: Role | null): NavItem[] {
  if (role === null) return [start];
  switch (role) {
    case 'contact_person':
      return [start, worklist, statusNotes, hospitalReferrals, unmatchedMessages, newReferral, catalogue];
    case 'municipal_lead':
      return [start, worklist, statusNotes, hospitalReferrals, unmatchedMessages, newReferral, catalogue, inbox, teams, closingDays, transport, dashboard, reports, settlement, planning, klGateway];
    case 'therapist':
      return [start, inbox, teams, catalogue];
    case 'coordinator':
      return [start, catalogue, dashboard, reports, settlement, planning];
    case 'administrator':
      return [start, catalogue, closingDays, deadlinePolicies, transport, organisations, extracts, hospitalReferrals, messages, klGateway, staffUsers];
    case 'auditor':
      return [start, auditReview, catalogue];
  }
}
