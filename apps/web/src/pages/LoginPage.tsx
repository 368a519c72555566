import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DemoServerBanner } from '../features/auth/components/DemoServerBanner.tsx';
import { DemoLoginPanel } from '../features/auth/components/DemoLoginPanel.tsx';
import { PasswordLoginForm } from '../features/auth/components/PasswordLoginForm.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { StandaloneLayout } from '../ui/StandaloneLayout.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  return (
    <StandaloneLayout>
      <PageTitle title={t('login.title')} description={t('login.intro')} />
      <Stack gap="lg">
        <DemoServerBanner />
        <DemoLoginPanel />
        <PasswordLoginForm />
      </Stack>
    </StandaloneLayout>
  );
}
