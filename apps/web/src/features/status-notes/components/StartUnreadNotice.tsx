import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../../auth/hooks/useActiveRole.ts';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { useUnreadStatusNotes } from '../hooks/useStatusNotes.ts';
import { unreadForRole } from '../utils/unread.ts';

/** On the start page: how many status notes wait unread, with the way to them. */
export function StartUnreadNotice() {
  const { t } = useTranslation('statusNotes');
  const { role } = useActiveRole();
  const count = unreadForRole(role, useUnreadStatusNotes(role === 'contact_person' || role === 'municipal_lead').data);
  if (!count) return null;
  return (
    <Paper withBorder p="sm" mb="lg" bg="blue.0">
      <Text>
        {t('unreadOnStart', { count })} <RouterAnchor to="/statusnotater" underline="always">{t('goToInbox')}</RouterAnchor>
      </Text>
    </Paper>
  );
}
