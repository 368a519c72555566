import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../../auth/hooks/useActiveRole.ts';
import { useUnmatchedCount } from '../hooks/useMessaging.ts';

/** The navigation badge: the municipality's received messages waiting to be placed on a course. */
export function UnmatchedMessagesBadge() {
  const { t } = useTranslation('messaging');
  const { role } = useActiveRole();
  const count = useUnmatchedCount(role === 'contact_person' || role === 'municipal_lead').data?.count ?? 0;
  if (!count) return null;
  return (
    <>
      <Badge size="sm" circle={count < 10} color="red.8" aria-hidden>
        {count}
      </Badge>
      <VisuallyHidden>{t('unmatched.count', { count })}</VisuallyHidden>
    </>
  );
}
