import type { Role } from '@samkraft/contracts/common';
import type { StatusNoteUnreadCount } from '@samkraft/contracts/status-notes';

/** A contact person counts the notes on their own courses; a lead the whole municipality's. */
export function unreadForRole(role: Role | null, counts: StatusNoteUnreadCount | undefined): number {
  if (!counts) return 0;
  if (role === 'contact_person') return counts.mine;
  if (role === 'municipal_lead') return counts.all;
  return 0;
}
