import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../../auth/hooks/useActiveRole.ts';
import { useUnreadStatusNotes } from '../hooks/useStatusNotes.ts';
import { unreadForRole } from '../utils/unread.ts';

/** The navigation badge: a contact person's unread notes on their own courses, a lead's of the municipality. */
export function UnreadStatusNotesBadge() {
  const { t } = useTranslation('statusNotes');
  const { role } = useActiveRole();
  const count = unreadForRole(role, useUnreadStatusNotes(role === 'contact_person' || role === 'municipal_lead').data);
  if (!count) return null;
  return (
    <>
      <Badge size="sm" circle={count < 10} color="red.8" aria-hidden>
        {count}
      </Badge>
      <VisuallyHidden>{t('unreadCount', { count })}</VisuallyHidden>
    </>
  );
}
