import { AppShell, Divider, em } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipLink } from '../../../ui/SkipLink.tsx';
import { ActiveRoleProvider } from '../../auth/components/ActiveRoleProvider.tsx';
import { MyContactDetailsProvider } from '../../auth/components/MyContactDetails.tsx';
import { useSession } from '../../auth/hooks/sessionQuery.ts';
import { AppHeader } from './AppHeader.tsx';
import { NavMenu } from './NavMenu.tsx';
import { UserControls } from './UserControls.tsx';

export const mainContentId = 'main-content';

/** The signed-in layout: header, role-based menu and the page in main. */
export function StaffShell() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const navId = useId();
  // Rendered in one place only (header when wide, menu when narrow) so no control exists twice.
  const wide = useMediaQuery(`(min-width: ${em(768)})`, true, { getInitialValueInEffect: false });
  return (
    <ActiveRoleProvider roles={user.roles}>
      <MyContactDetailsProvider>
        <SkipLink targetId={mainContentId} />
        <AppShell
          header={{ height: 64 }}
          navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
          padding="lg"
        >
          <AppShell.Header style={{ borderTop: '4px solid #0059b3' }}>
            <AppHeader navOpened={opened} onToggleNav={toggle} navId={navId} showUserControls={wide} />
          </AppShell.Header>
          {/* A closed mobile menu is only moved off screen; inert keeps it out of the tab order. */}
          <AppShell.Navbar p="sm" id={navId} component="nav" aria-label={t('shell.mainNav')} inert={!wide && !opened}>
            <NavMenu onNavigate={close} />
            {wide ? null : (
              <>
                <Divider my="md" />
                <UserControls layout="stack" />
              </>
            )}
          </AppShell.Navbar>
          <AppShell.Main id={mainContentId} tabIndex={-1} style={{ outline: 'none' }}>
            <Outlet />
          </AppShell.Main>
        </AppShell>
      </MyContactDetailsProvider>
    </ActiveRoleProvider>
  );
}
