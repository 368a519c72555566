import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../../auth/hooks/useActiveRole.ts';
import { usePendingDraftCount } from '../hooks/useDraftReferrals.ts';

/** The navigation badge: the municipality's hospital referrals waiting for review. */
export function PendingDraftsBadge() {
  const { t } = useTranslation('hospitalReferrals');
  const { role } = useActiveRole();
  const count = usePendingDraftCount(role === 'contact_person' || role === 'municipal_lead').data?.pending ?? 0;
  if (!count) return null;
  return (
    <>
      <Badge size="sm" circle={count < 10} color="red.8" aria-hidden>
        {count}
      </Badge>
      <VisuallyHidden>{t('pendingCount', { count })}</VisuallyHidden>
    </>
  );
}
