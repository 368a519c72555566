import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../../auth/hooks/useActiveRole.ts';
import { RouterNavLink } from '../../../ui/RouterLink.tsx';
import { navItemsFor } from '../utils/navItems.ts';
import { UnreadStatusNotesBadge } from '../../status-notes/components/UnreadBadge.tsx';
import { PendingDraftsBadge } from '../../hospital-referrals/components/PendingDraftsBadge.tsx';
import { UnmatchedMessagesBadge } from '../../messaging/components/UnmatchedMessagesBadge.tsx';

export type NavMenuProps = { onNavigate: () => void };

export function NavMenu({ onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  const { role } = useActiveRole();
  return (
    <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
      {navItemsFor(role).map((item) => (
        <li key={item.to}>
          <RouterNavLink
            to={item.to}
            label={t(item.labelKey)}
            onClick={onNavigate}
            rightSection={item.to === '/statusnotater' ? <UnreadStatusNotesBadge /> : item.to === '/sygehushenvisninger' ? <PendingDraftsBadge /> : item.to === '/beskeder' ? <UnmatchedMessagesBadge /> : undefined}
            activeOptions={{ exact: item.to === '/' }}
            activeProps={{ active: true, 'aria-current': 'page' }}
            fw={500}
          />
        </li>
      ))}
    </Stack>
  );
}
