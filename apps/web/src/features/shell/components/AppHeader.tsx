import { Burger, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { UserControls } from './UserControls.tsx';

export type AppHeaderProps = { navOpened: boolean; onToggleNav: () => void; navId: string; showUserControls: boolean };

export function AppHeader({ navOpened, onToggleNav, navId, showUserControls }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('shell.toggleMenu')}
          aria-expanded={navOpened}
          aria-controls={navId}
        />
        <RouterAnchor to="/" underline="never" c="#1a1a1a" fw={700} fz="xl">
          {t('app.name')}
        </RouterAnchor>
      </Group>
      {/* On small screens these move into the menu (see StaffShell). */}
      {showUserControls ? <UserControls layout="row" /> : null}
    </Group>
  );
}
