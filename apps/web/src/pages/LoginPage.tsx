import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DemoServerBanner } from '../features/auth/components/DemoServerBanner.tsx';
import { DemoLoginPanel } from '../features/auth/components/DemoLoginPanel.tsx';
import { PasswordLoginForm } from '../features/auth/components/PasswordLoginForm.tsx';
import { ProviderLoginPanel } from '../features/auth/components/ProviderLoginPanel.tsx';
import { useSignInMethods } from '../features/auth/hooks/useSignInMethods.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { StandaloneLayout } from '../ui/StandaloneLayout.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const methods = useSignInMethods();
  return (
    <StandaloneLayout>
      <PageTitle title={t('login.title')} description={t('login.intro')} />
      <Stack gap="lg">
        <DemoServerBanner />
        <ProviderLoginPanel />
        <DemoLoginPanel />
        {methods.data?.password === false ? null : <PasswordLoginForm />}
      </Stack>
    </StandaloneLayout>
  );
}
