import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SkipLink } from './SkipLink.tsx';

export type StandaloneLayoutProps = { children: ReactNode; size?: number };

/** Layout for pages outside the signed-in shell: sign-in, not found, errors. */
export function StandaloneLayout({ children, size = 640 }: StandaloneLayoutProps) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink targetId="main-content" />
      <Box component="header" style={{ borderTop: '4px solid #0059b3', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h={60} px="md" justify="space-between">
          <Text fw={700} fz="xl">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main-content" tabIndex={-1} size={size} py="xl" style={{ outline: 'none' }}>
        {children}
      </Container>
    </>
  );
}
