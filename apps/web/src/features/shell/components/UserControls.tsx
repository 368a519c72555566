import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/sessionQuery.ts';
import { useLogout } from '../../auth/hooks/useAuthMutations.ts';
import { MyContactDetailsButton } from '../../auth/components/MyContactDetails.tsx';
import { LanguageSwitch } from '../../../ui/LanguageSwitch.tsx';
import { RouterButton } from '../../../ui/RouterLink.tsx';
import { RoleSwitcher } from './RoleSwitcher.tsx';

export type UserControlsProps = { layout: 'row' | 'stack' };

/** Who is signed in, the role and language choices and sign-out; a row in the header, a stack in the mobile menu. */
export function UserControls({ layout }: UserControlsProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const Container = layout === 'row' ? Group : Stack;
  return (
    <Container gap="md" wrap="nowrap" align={layout === 'row' ? 'center' : 'flex-start'}>
      <Box ta={layout === 'row' ? 'right' : 'left'} role="group" aria-label={t('shell.userInfo')}>
        <Text size="sm" fw={600} lh={1.3}>
          {user.displayName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {user.municipality.name}
        </Text>
      </Box>
      <MyContactDetailsButton />
      <RouterButton to="/mine-sessioner" variant="subtle" size="xs">
        {t('shell.mySessions')}
      </RouterButton>
      <RoleSwitcher />
      <LanguageSwitch />
      <Button variant="outline" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
        {t('shell.logout')}
      </Button>
    </Container>
  );
}
